import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, isMethodName } from '../shared/contract';

// From shared code (not the shell), so the preload bundle carries nothing of the main process.
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/rpc/channels';

/**
 * The whole bridge: call a contract method, listen to a contract event.
 * No raw ipcRenderer, no process, no Node.
 */
const bridge = {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!isMethodName(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: `There is no action called "${method}".` },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  on(event: string, handler: (payload: unknown) => void): () => void {
    if (!isEventName(event)) return () => {};
    const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) handler(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
};

contextBridge.exposeInMainWorld('fieldnotes', bridge);

export type Bridge = typeof bridge;
