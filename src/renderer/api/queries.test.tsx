// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changedBy } from '../../shared/contract/changes';
import { createClient, type Transport } from '../../shared/rpc/client';
import { fail, ok, type Result } from '../../shared/rpc/result';
import { createQueryClient, DataProvider, queryKey, reportFailure, useMutation, useQuery, useUnshownFailure } from './queries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * A stand-in for the core over the real client: engagement types in memory,
 * answers after a tick (so requests overlap as they do over IPC), and the
 * `data.changed` announcement the real core makes after a write.
 */
function fakeCore() {
  const types = [{ id: 'workshop', label: 'Workshop', builtin: true }];
  const listeners = new Set<(payload: unknown) => void>();
  const calls: string[] = [];
  let inFlight = 0;
  let failNext: string | null = null;
  const announce = (method: string) => {
    const namespaces = changedBy(method);
    if (namespaces.length) listeners.forEach((l) => l({ namespaces: [...namespaces] }));
  };
  const transport: Transport = {
    async invoke(method, input): Promise<Result<unknown>> {
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
  async function answer(method: string, input: unknown): Promise<Result<unknown>> {
      calls.push(method);
      await new Promise((r) => setTimeout(r, 5));
      if (failNext) {
        const message = failNext;
        failNext = null;
        return fail('DISK_FULL', message);
      }
      if (method === 'engagementTypes.list') return ok(types.map((t) => ({ ...t })));
      if (method === 'engagementTypes.add') {
        const { label } = input as { label: string };
        const added = { id: label.toLowerCase(), label, builtin: false };
        types.push(added);
        announce(method);
        return ok(added);
      }
      if (method === 'engagements.list') {
        const { query } = input as { query?: string };
        // The first query answers slowest, so a stale answer arrives last.
        await new Promise((r) => setTimeout(r, query === 'a' ? 40 : 1));
        return ok([{ id: `for-${query}` }]);
      }
      return fail('UNKNOWN_METHOD', method);
  }
  return {
    client: createClient(transport),
    calls,
    inFlight: () => inFlight,
    failOnce: (message: string) => (failNext = message),
    /** A write by someone else (the autosaver, a menu command): only the announcement tells the screen. */
    addBehindTheScreensBack: (label: string) => {
      types.push({ id: label.toLowerCase(), label, builtin: false });
      announce('engagementTypes.add');
    },
  };
}

let root: Root | null = null;
let container: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  reportFailure(null);
});

async function render(node: React.ReactNode, core: ReturnType<typeof fakeCore>, client = createQueryClient()) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<DataProvider client={client} rpc={core.client}>{node}</DataProvider>));
}

/**
 * Wait for what the screen shows, not for a fixed time: a fixed sleep made these tests fail on a loaded machine
 * (two cores, eight processes) although the hooks were right.
 */
const eventually = (check: () => void) => act(() => vi.waitFor(check, { timeout: 10_000, interval: 5 }));
/** Every request the screen made has been answered, and React has drawn what they returned. */
const answered = async (core: ReturnType<typeof fakeCore>) => {
  await eventually(() => expect(core.inFlight()).toBe(0));
  await act(() => new Promise((r) => setTimeout(r, 20)));
};
const text = (id: string) => container.querySelector(`[data-id="${id}"]`)?.textContent;

describe('useQuery and useMutation', () => {
  it('load, change through a mutation, and are fresh once run resolves', async () => {
    const core = fakeCore();
    const client = createQueryClient();
    let add: (label: string) => Promise<unknown> = async () => {};
    function Types() {
      const { data } = useQuery('engagementTypes.list', {}, { errorShownHere: true });
      const mutation = useMutation('engagementTypes.add');
      add = async (label) => {
        const result = await mutation.run({ label });
        expect(result.ok).toBe(true);
        // By the time run resolves the list has been fetched again (the screen follows on the next tick).
        const cached = client.getQueryData<{ label: string }[]>(queryKey('engagementTypes.list', {}));
        expect(cached?.map((t) => t.label)).toEqual(['Workshop', 'Webinar']);
      };
      return <p data-id="types">{data?.map((t) => t.label).join(', ') ?? 'loading'}</p>;
    }
    await render(<Types />, core, client);
    await eventually(() => expect(text('types')).toBe('Workshop'));
    await act(() => add('Webinar'));
    await eventually(() => expect(text('types')).toBe('Workshop, Webinar'));
  });

  it('refresh when the core announces a change made elsewhere', async () => {
    const core = fakeCore();
    function Types() {
      const { data } = useQuery('engagementTypes.list', {});
      return <p data-id="types">{data?.map((t) => t.label).join(', ')}</p>;
    }
    await render(<Types />, core);
    await eventually(() => expect(text('types')).toBe('Workshop'));
    act(() => core.addBehindTheScreensBack('Survey'));
    await eventually(() => expect(text('types')).toBe('Workshop, Survey'));
  });

  it('drop a stale answer that arrives after a newer one, keeping the last answer meanwhile', async () => {
    const core = fakeCore();
    let setQuery: (q: string) => void = () => {};
    function List() {
      const [query, set] = useState('a');
      setQuery = set;
      const { data } = useQuery('engagements.list', { query });
      return <p data-id="list">{data?.map((e) => e.id).join(',') ?? 'loading'}</p>;
    }
    await render(<List />, core);
    act(() => setQuery('b'));
    await eventually(() => expect(text('list')).toBe('for-b'));
    // The slow answer for "a" comes back after "b"'s: once it has, the screen must still show b's.
    await answered(core);
    expect(core.calls.filter((m) => m === 'engagements.list')).toHaveLength(2);
    expect(text('list')).toBe('for-b');
  });

  it('a failure a screen does not show goes to the failure notice; one it shows does not', async () => {
    const core = fakeCore();
    function Notice() {
      return <p data-id="notice">{useUnshownFailure()?.message ?? ''}</p>;
    }
    function Shown() {
      const { error } = useQuery('engagementTypes.list', {}, { errorShownHere: true });
      return <p data-id="shown">{error?.message ?? ''}</p>;
    }
    core.failOnce('The disk is full.');
    await render(
      <>
        <Shown />
        <Notice />
      </>,
      core,
    );
    await eventually(() => expect(text('shown')).toBe('The disk is full.'));
    await answered(core);
    expect(text('notice')).toBe('');

    let run: () => Promise<unknown> = async () => {};
    function Unshown() {
      const mutation = useMutation('engagementTypes.add');
      run = () => mutation.run({ label: 'X' });
      return null;
    }
    act(() => root!.render(<DataProvider client={createQueryClient()} rpc={core.client}><Unshown /><Notice /></DataProvider>));
    core.failOnce('Fieldnotes could not write to the disk.');
    await act(() => run());
    expect(text('notice')).toBe('Fieldnotes could not write to the disk.');
  });
});
