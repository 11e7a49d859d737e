// Test support for the renderer's data hooks (imported by *.test.tsx only; never by the app).
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { expect, vi } from 'vitest';
import { changedBy, type AnsweredCall } from '../../shared/contract/changes';
import { createClient, type Transport } from '../../shared/rpc/client';
import { fail, ok, type Result } from '../../shared/rpc/result';
import { createQueryClient, DataProvider, reportFailure, useUnshownFailure } from './queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = (input: never) => unknown;

/**
 * A stand-in for the core over the real client: each method answers from `handlers` after a tick (so requests
 * overlap as they do over IPC), and a successful write announces `data.changed` as the real core does.
 */
export function fakeCore(handlers: Record<string, Handler>) {
  const listeners = new Set<(payload: unknown) => void>();
  const calls: { method: string; input: unknown }[] = [];
  const failures = new Map<string, string>();
  let inFlight = 0;
  const announce = (method: string, call?: AnsweredCall) => {
    const namespaces = changedBy(method, call);
    if (namespaces.length) listeners.forEach((l) => l({ namespaces: [...namespaces] }));
  };
  const answer = async (method: string, input: unknown): Promise<Result<unknown>> => {
    calls.push({ method, input });
    await new Promise((r) => setTimeout(r, 5));
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      return fail('DISK_FULL', failure);
    }
    const handler = handlers[method];
    if (!handler) return fail('UNKNOWN_METHOD', method);
    const value = await handler(input as never);
    announce(method, { input, output: value });
    return ok(value);
  };
  const transport: Transport = {
    async invoke(method, input) {
      inFlight++;
      try {
        return await answer(method, input);
      } finally {
        inFlight--;
      }
    },
    on(event, handler) {
      if (event !== 'data.changed') return () => {};
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
  };
  return {
    client: createClient(transport),
    /** How often `method` was called. */
    count: (method: string) => calls.filter((c) => c.method === method).length,
    inFlight: () => inFlight,
    /** The next call of `method` fails with this sentence. */
    failOnce: (method: string, message: string) => failures.set(method, message),
    /** A write made elsewhere (another screen, the autosaver; `call` as it answered): only the announcement tells this one. */
    announce,
  };
}
export type FakeCore = ReturnType<typeof fakeCore>;

/** The app's failure notice, reduced to its sentence. */
function Notice() {
  return <output data-id="notice">{useUnshownFailure()?.message ?? ''}</output>;
}

/** One mounted screen under the data layer, beside the app's failure notice, and ways to read them. */
export class Screen {
  private root: Root | null = null;
  private container = document.createElement('div');

  async render(node: ReactNode, core: FakeCore, client = createQueryClient()): Promise<void> {
    document.body.append(this.container);
    this.root = createRoot(this.container);
    await act(async () =>
      this.root!.render(
        <DataProvider client={client} rpc={core.client}>
          {node}
          <Notice />
        </DataProvider>,
      ),
    );
  }

  /** The text of the element marked `data-id`. */
  text(id: string): string | null | undefined {
    return this.container.querySelector(`[data-id="${id}"]`)?.textContent;
  }

  /** What the failure notice says ('' when quiet). */
  notice(): string | null | undefined {
    return this.text('notice');
  }

  unmount(): void {
    act(() => this.root?.unmount());
    this.root = null;
    this.container.remove();
    reportFailure(null);
  }
}

/**
 * Wait for what the screen shows, not for a fixed time: a fixed sleep made these tests fail on a loaded machine
 * (two cores, eight processes) although the hooks were right.
 */
export const eventually = (check: () => void) => act(() => vi.waitFor(check, { timeout: 10_000, interval: 5 }));

/** Every request the screen made has been answered, and React has drawn what they returned. */
export async function answered(core: FakeCore): Promise<void> {
  await eventually(() => expect(core.inFlight()).toBe(0));
  await act(() => new Promise((r) => setTimeout(r, 20)));
}
