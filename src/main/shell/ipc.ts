import { ipcMain, type WebContents } from 'electron';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { Core } from '../core';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/rpc/channels';
import { invokeHandler } from './sender';

export { EVENT_CHANNEL, INVOKE_CHANNEL };

/**
 * The one IPC entry point. The sender must be the main frame of one of our own pages in a window we made
 * (sender.ts, unit-tested); the core's dispatch validates the method and its input.
 */
export function handleInvocations(coreFor: (sender: WebContents) => Core | undefined): void {
  ipcMain.handle(INVOKE_CHANNEL, invokeHandler<WebContents>(coreFor, (message) => console.warn(message)));
}

export function sendEvent<E extends EventName>(target: WebContents, event: E, payload: EventPayload<E>): void {
  if (!target.isDestroyed()) target.send(EVENT_CHANNEL, event, payload);
}
