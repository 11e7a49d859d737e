import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../shared/domain/passage';
import { SettlingPassages, onlyPlaceChanged } from './settlingPassages';

const passage = (id: string, start: number, extra: Partial<Passage> = {}): Passage => ({
  id,
  noteId: 'n',
  start,
  end: start + 5,
  quotedText: `text of ${id}`,
  memo: '',
  keyQuote: false,
  participantId: null,
  speakerSetByHand: false,
  detached: false,
  tags: [{ themeId: 't1', taggedBy: 'r', taggedAt: '' }],
  createdAt: '',
  createdBy: 'r',
  ...extra,
});

/** The page's list, how often it was told, and timers run by hand. */
function page(initial: Passage[]) {
  const state = { list: initial, told: 0, timers: new Map<number, () => void>(), next: 1 };
  const settling = new SettlingPassages(
    (update) => {
      state.told++;
      state.list = update(state.list);
    },
    {
      set: (fn) => {
        state.timers.set(state.next, fn);
        return state.next++;
      },
      clear: (handle) => void state.timers.delete(handle as number),
    },
  );
  const shown = (id: string) => state.list.find((p) => p.id === id);
  const runTimers = () => {
    const due = [...state.timers.values()];
    state.timers.clear();
    due.forEach((fn) => fn());
  };
  return { state, settling, shown, runTimers };
}

describe('onlyPlaceChanged', () => {
  it('is true for a passage moved or retyped, false for anything the page paints or says', () => {
    const a = passage('a', 0);
    expect(onlyPlaceChanged(a, { ...a, start: 9, end: 20, quotedText: 'longer text of a' })).toBe(true);
    expect(onlyPlaceChanged(a, { ...a, detached: true })).toBe(false);
    expect(onlyPlaceChanged(a, { ...a, participantId: 'p' })).toBe(false);
    expect(onlyPlaceChanged(a, { ...a, memo: 'why' })).toBe(false);
    expect(onlyPlaceChanged(a, { ...a, tags: [...a.tags, { themeId: 't2', taggedBy: 'r', taggedAt: '' }] })).toBe(false);
  });
});

describe('SettlingPassages', () => {
  it('holds saves that only retyped a passage, and tells the page once they pause', () => {
    const { state, settling, shown, runTimers } = page([passage('a', 0), passage('b', 10)]);
    const before = state.list;
    settling.saved([{ ...passage('a', 0), quotedText: 'text of a, typed' }], shown);
    settling.saved([{ ...passage('a', 0), quotedText: 'text of a, typed on' }], shown);
    expect(state.told).toBe(0);
    expect(state.list).toBe(before);
    expect(settling.holding).toBe(1);
    runTimers();
    expect(state.told).toBe(1);
    expect(state.list.find((p) => p.id === 'a')?.quotedText).toBe('text of a, typed on');
  });

  it('tells at once a change the page shows, with what it held', () => {
    const { state, settling, shown } = page([passage('a', 0), passage('b', 10)]);
    settling.saved([{ ...passage('a', 0), quotedText: 'retyped' }], shown);
    settling.saved([passage('b', 12, { detached: true })], shown);
    expect(state.told).toBe(1);
    expect(state.list.map((p) => [p.id, p.quotedText, p.detached])).toEqual([
      ['a', 'retyped', false],
      ['b', 'text of b', true],
    ]);
    expect(settling.holding).toBe(0);
  });

  it('tells at once a passage the page does not have yet (just tagged)', () => {
    const { state, settling, shown } = page([passage('a', 0)]);
    settling.saved([passage('c', 40)], shown);
    expect(state.list.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('applies a later change of the list after what it held, so a held answer never overwrites a newer one', () => {
    const { state, settling, shown, runTimers } = page([passage('a', 0)]);
    settling.saved([{ ...passage('a', 0), quotedText: 'retyped' }], shown);
    // The passage bar saves a memo: the core answers with the passage as it is now.
    settling.update((list) => list.map((p) => (p.id === 'a' ? { ...passage('a', 0), quotedText: 'retyped', memo: 'why' } : p)));
    runTimers();
    expect(state.list[0]).toMatchObject({ quotedText: 'retyped', memo: 'why' });
    expect(state.told).toBe(1);
  });

  it('settle tells what it holds now; with nothing held it tells nothing', () => {
    const { state, settling, shown } = page([passage('a', 0)]);
    settling.settle();
    expect(state.told).toBe(0);
    settling.saved([{ ...passage('a', 0), start: 3, end: 8 }], shown);
    settling.settle();
    expect(state.told).toBe(1);
    expect(state.list[0]!.start).toBe(3);
  });
});
