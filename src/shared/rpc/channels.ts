/**
 * The Electron IPC channel names, once: the shell listens on them and the
 * preload sends on them. (The loopback host carries the same calls over
 * POST /rpc and events over /events.)
 */
export const INVOKE_CHANNEL = 'fieldnotes:invoke';
export const EVENT_CHANNEL = 'fieldnotes:event';
