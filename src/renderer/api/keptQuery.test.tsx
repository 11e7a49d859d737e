// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useQuery } from './queries';
import { answered, eventually, fakeCore, Screen } from './testCore';

const screen = new Screen();
afterEach(() => screen.unmount());

describe('a query kept current by its screen (the open note’s passages)', () => {
  it('is kept current by the screen’s answers, not refetched after every save the core announces', async () => {
    let stored = [{ id: 'p1', quote: 'first' }];
    const core = fakeCore({ 'passages.forNote': () => stored, 'themes.list': () => [] });
    let change: (update: (list: typeof stored) => typeof stored) => void = () => {};
    function Note() {
      const kept = useQuery('passages.forNote', { noteId: 'n1' }, { keptCurrentHere: true });
      change = kept.setData as never;
      useQuery('themes.list', {}); // an ordinary query beside it, which the same announcement refreshes
      return <p data-id="passages">{kept.data?.map((p) => (p as { quote?: string }).quote).join(', ') ?? 'loading'}</p>;
    }
    await screen.render(<Note />, core);
    await eventually(() => expect(screen.text('passages')).toBe('first'));
    stored = [...stored, { id: 'p2', quote: 'second' }];
    // An autosave: its answer names the passage it created, and the core announces `passages` (and `themes`).
    act(() => change((list) => [...list, { id: 'p2', quote: 'second' }]));
    core.announce('notes.save');
    await eventually(() => expect(core.count('themes.list')).toBe(2));
    await answered(core);
    expect(screen.text('passages')).toBe('first, second');
    expect(core.count('passages.forNote')).toBe(1);
  });
});
