import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail } from '../../shared/rpc/result';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { Core } from '../core';
import { isAppUrl } from './guards';

export const INVOKE_CHANNEL = 'fieldnotes:invoke';
export const EVENT_CHANNEL = 'fieldnotes:event';

/**
 * The one IPC entry point. The sender must be one of our own pages in a
 * window we made; the core's dispatch validates the method and its input.
 */
export function handleInvocations(coreFor: (sender: WebContents) => Core | undefined): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    const core = coreFor(event.sender);
    if (!core || !isAppUrl(frameUrl) || event.senderFrame !== event.sender.mainFrame) {
      return fail('UNAVAILABLE', 'This request did not come from a Fieldnotes window and was refused.');
    }
    return core.invoke(method, input);
  });
}

export function sendEvent<E extends EventName>(target: WebContents, event: E, payload: EventPayload<E>): void {
  if (!target.isDestroyed()) target.send(EVENT_CHANNEL, event, payload);
}
