// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient, queryKey, useMutation, useQuery } from './queries';
import { answered, eventually, fakeCore, Screen, type FakeCore } from './testCore';

/** Engagement types in memory, and engagement lists whose first query answers slowest. */
function typesCore() {
  const types = [{ id: 'workshop', label: 'Workshop', builtin: true }];
  const core = fakeCore({
    'engagementTypes.list': () => types.map((t) => ({ ...t })),
    'engagementTypes.add': ({ label }: { label: string }) => {
      const added = { id: label.toLowerCase(), label, builtin: false };
      types.push(added);
      return added;
    },
    'engagements.list': async ({ query }: { query?: string }) => {
      // The first query answers slowest, so a stale answer arrives last.
      await new Promise((r) => setTimeout(r, query === 'a' ? 40 : 1));
      return [{ id: `for-${query}` }];
    },
  });
  return {
    core,
    /** A write by someone else (the autosaver, a menu command): only the announcement tells the screen. */
    addBehindTheScreensBack: (label: string) => {
      types.push({ id: label.toLowerCase(), label, builtin: false });
      core.announce('engagementTypes.add');
    },
  };
}

const screen = new Screen();
afterEach(() => screen.unmount());
const text = (id: string) => screen.text(id);

describe('useQuery and useMutation', () => {
  it('load, change through a mutation, and are fresh once run resolves', async () => {
    const { core } = typesCore();
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
    await screen.render(<Types />, core, client);
    await eventually(() => expect(text('types')).toBe('Workshop'));
    await act(() => add('Webinar'));
    await eventually(() => expect(text('types')).toBe('Workshop, Webinar'));
  });

  it('refresh when the core announces a change made elsewhere', async () => {
    const { core, addBehindTheScreensBack } = typesCore();
    function Types() {
      const { data } = useQuery('engagementTypes.list', {});
      return <p data-id="types">{data?.map((t) => t.label).join(', ')}</p>;
    }
    await screen.render(<Types />, core);
    await eventually(() => expect(text('types')).toBe('Workshop'));
    act(() => addBehindTheScreensBack('Survey'));
    await eventually(() => expect(text('types')).toBe('Workshop, Survey'));
  });

  it('drop a stale answer that arrives after a newer one, keeping the last answer meanwhile', async () => {
    const { core } = typesCore();
    let setQuery: (q: string) => void = () => {};
    function List() {
      const [query, set] = useState('a');
      setQuery = set;
      const { data } = useQuery('engagements.list', { query });
      return <p data-id="list">{data?.map((e) => e.id).join(',') ?? 'loading'}</p>;
    }
    await screen.render(<List />, core);
    act(() => setQuery('b'));
    await eventually(() => expect(text('list')).toBe('for-b'));
    // The slow answer for "a" comes back after "b"'s: once it has, the screen must still show b's.
    await answered(core);
    expect(core.count('engagements.list')).toBe(2);
    expect(text('list')).toBe('for-b');
  });

  it('say they are loading while the last input’s answer is kept for a new input, until its own comes', async () => {
    const { core } = typesCore();
    let setQuery: (q: string) => void = () => {};
    function List() {
      const [query, set] = useState('b');
      setQuery = set;
      const { data, loading } = useQuery('engagements.list', { query });
      return <p data-id="list">{`${data?.map((e) => e.id).join(',') ?? 'none'}${loading ? ' (loading)' : ''}`}</p>;
    }
    await screen.render(<List />, core);
    await eventually(() => expect(text('list')).toBe('for-b'));
    act(() => setQuery('a'));
    expect(text('list')).toBe('for-b (loading)');
    await eventually(() => expect(text('list')).toBe('for-a'));
  });

  it('a failure a screen does not show goes to the failure notice; one it shows does not', async () => {
    const { core } = typesCore();
    function Shown() {
      const { error } = useQuery('engagementTypes.list', {}, { errorShownHere: true });
      return <p data-id="shown">{error?.message ?? ''}</p>;
    }
    core.failOnce('engagementTypes.list', 'The disk is full.');
    await screen.render(<Shown />, core);
    await eventually(() => expect(text('shown')).toBe('The disk is full.'));
    await answered(core);
    expect(screen.notice()).toBe('');

    let run: () => Promise<unknown> = async () => {};
    function Unshown() {
      const mutation = useMutation('engagementTypes.add');
      run = () => mutation.run({ label: 'X' });
      return null;
    }
    screen.unmount();
    await screen.render(<Unshown />, core);
    core.failOnce('engagementTypes.add', 'Fieldnotes could not write to the disk.');
    await act(() => run());
    expect(screen.notice()).toBe('Fieldnotes could not write to the disk.');
  });
});

describe('what an autosave refreshes', () => {
  /** The engagement page while a note is typed: its notes, the open note's passages (kept current by the saves' answers), the codebook for the picker; and a theme view. */
  function notePageCore() {
    let passages = [{ id: 'p1', quote: 'first' }];
    const core = fakeCore({
      'notes.list': () => [],
      'passages.forNote': () => passages,
      'themes.list': () => [],
      'themes.view': () => ({ counts: { passages: 0 }, passages: [] }),
      'notes.save': ({ createPassages }: { createPassages?: { id: string }[] }) => {
        const made = (createPassages ?? []).map((p) => ({ id: p.id, quote: 'second' }));
        passages = [...passages, ...made];
        return { revision: 2, wordCount: 3, savedAt: '', changedPassages: made };
      },
    });
    return core;
  }
  let keep: (update: (list: { id: string; quote?: string }[]) => { id: string; quote?: string }[]) => void = () => {};
  function NotePage() {
    useQuery('notes.list', { engagementId: 'e1' });
    const kept = useQuery('passages.forNote', { noteId: 'n1' }, { keptCurrentHere: true });
    keep = kept.setData as never;
    useQuery('themes.list', {});
    useQuery('themes.view', { themeIds: ['t1'], mode: 'any', includeSubthemes: true, filters: {}, limit: 10, offset: 0 });
    return <p data-id="passages">{kept.data?.map((p) => (p as { quote?: string }).quote).join(', ') ?? 'loading'}</p>;
  }
  const fetched = (core: FakeCore) => Object.fromEntries(['notes.list', 'passages.forNote', 'themes.list', 'themes.view'].map((m) => [m, core.count(m)]));

  it('a save of text alone refetches only what shows the text; the codebook and lists stay', async () => {
    const core = notePageCore();
    await screen.render(<NotePage />, core);
    await eventually(() => expect(screen.text('passages')).toBe('first'));
    await answered(core);
    // The autosaver calls the core itself (noteSaver.ts); the screen hears only the core's announcement.
    await act(() => core.client.call('notes.save', { id: 'n1', document: '{}', baseRevision: 1 }));
    await eventually(() => expect(core.count('themes.view')).toBe(2));
    await answered(core);
    expect(fetched(core)).toEqual({ 'notes.list': 1, 'passages.forNote': 1, 'themes.list': 1, 'themes.view': 2 });
  });

  it('a save that makes a passage refetches the codebook (its counts), and the open note’s passages follow the answer', async () => {
    const core = notePageCore();
    await screen.render(<NotePage />, core);
    await eventually(() => expect(screen.text('passages')).toBe('first'));
    await answered(core);
    const saved = await act(() => core.client.call('notes.save', { id: 'n1', document: '{}', baseRevision: 1, createPassages: [{ id: 'p2', themeIds: ['t1'] }] }));
    // The session puts the save's changed passages into the kept answer (useNoteSession); nothing refetches them.
    act(() => keep((list) => [...list, ...((saved.ok ? saved.value.changedPassages : []) as never[])]));
    await eventually(() => expect(core.count('themes.list')).toBe(2));
    await answered(core);
    expect(screen.text('passages')).toBe('first, second');
    expect(fetched(core)).toEqual({ 'notes.list': 1, 'passages.forNote': 1, 'themes.list': 2, 'themes.view': 2 });
  });
});
