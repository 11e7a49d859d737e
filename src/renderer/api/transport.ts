import type { Transport } from '../../shared/rpc/client';
import type { Result } from '../../shared/rpc/result';

declare global {
  interface Window {
    /** Present in the Electron app: the preload's narrow bridge. */
    fieldnotes?: Transport;
  }
}

const TOKEN_KEY = 'fieldnotes.token';

/** The loopback test host's transport: POST /rpc with the run's token; events by server-sent events. */
function loopbackTransport(): Transport {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data as string) as { event: string; payload: unknown };
    handlers.get(event)?.forEach((handler) => handler(payload));
  };
  return {
    async invoke(method, input) {
      try {
        const response = await fetch('/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fieldnotes-token': token },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'Fieldnotes lost contact with its core. Your last edits are kept here; it will retry.' },
        };
      }
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
  };
}

/** Electron's bridge when present, else the loopback host. */
export function createTransport(): Transport {
  return window.fieldnotes ?? loopbackTransport();
}
