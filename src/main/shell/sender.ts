/**
 * Who may call the core over IPC: only the main frame of one of our own pages, in a window the shell made.
 * Pure (no electron import) so it is tested under Node with stand-in events; ipc.ts registers the handler.
 */
import { fail, type Result } from '../../shared/rpc/result';
import type { Core } from '../core';
import { isAppUrl } from './guards';

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  /** Electron sets this once the frame has gone (navigated away, removed); reading url may then throw. */
  readonly detached?: boolean;
}

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike<Sender> {
  readonly senderFrame: FrameLike | null;
  readonly sender: Sender & { isDestroyed(): boolean; readonly mainFrame: FrameLike };
}

/** Why a request is refused (for the log), or null when it may reach the core. */
export function senderRefusal<Sender>(event: InvokeEventLike<Sender>, knownWindow: boolean): string | null {
  if (!knownWindow) return 'it came from a window Fieldnotes did not make';
  if (event.sender.isDestroyed()) return 'its window has closed';
  const frame = event.senderFrame;
  if (!frame || frame.detached) return 'its frame has gone';
  let url: string;
  try {
    url = frame.url;
  } catch {
    return 'its frame has gone';
  }
  if (frame !== event.sender.mainFrame) return 'it came from a frame inside the page, not the page itself';
  if (!isAppUrl(url)) return `it came from a page that is not Fieldnotes (${url.slice(0, 80)})`;
  return null;
}

export const REFUSED_MESSAGE = 'This request did not come from a Fieldnotes window and was refused.';

/** The IPC invoke handler: checks the sender, then hands the raw payload to that window's core. */
export function invokeHandler<Sender>(
  coreFor: (sender: Sender) => Pick<Core, 'invoke'> | undefined,
  log: (message: string) => void = () => {},
): (event: InvokeEventLike<Sender>, method: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (event, method, input) => {
    const core = event.sender.isDestroyed() ? undefined : coreFor(event.sender);
    const refusal = senderRefusal(event, Boolean(core));
    if (refusal || !core) {
      log(`IPC refused: ${refusal}`);
      return fail('UNAVAILABLE', REFUSED_MESSAGE);
    }
    return core.invoke(method, input);
  };
}
