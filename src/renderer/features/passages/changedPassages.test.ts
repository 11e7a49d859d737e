import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../shared/domain/passage';
import { withChangedPassages } from './changedPassages';

const passage = (id: string, start: number, extra: Partial<Passage> = {}): Passage => ({
  id,
  noteId: 'n',
  start,
  end: start + 5,
  quotedText: id,
  memo: '',
  keyQuote: false,
  participantId: null,
  speakerSetByHand: false,
  detached: false,
  tags: [],
  createdAt: '',
  createdBy: '',
  ...extra,
});

describe('withChangedPassages', () => {
  it('refreshes changed passages by id, adds new ones in note order, keeps the rest', () => {
    const a = passage('a', 0);
    const b = passage('b', 10);
    const c = passage('c', 20);
    const next = withChangedPassages([a, b, c], [passage('b', 30), passage('d', 15), passage('a', 0, { detached: true })]);
    expect(next.map((p) => `${p.id}${p.start}${p.detached ? 'x' : ''}`)).toEqual(['d15', 'c20', 'b30', 'a0x']);
    expect(next[1]).toBe(c);
  });

  it('a save that changed nothing leaves the very same list, so nothing repaints', () => {
    const list = [passage('a', 0)];
    expect(withChangedPassages(list, [])).toBe(list);
  });
});
