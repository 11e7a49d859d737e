import type { Passage } from '../../../shared/domain/passage';

const inNoteOrder = (a: Passage, b: Passage) =>
  Number(a.detached) - Number(b.detached) || a.start - b.start || a.end - b.end;

/**
 * The note's passages after a save: a save answers only with the passages it
 * changed or created (its cost must not grow with the note), so the editor's
 * list is refreshed by id. Nothing changed: the same list, so nothing repaints.
 */
export function withChangedPassages(list: Passage[], changed: Passage[]): Passage[] {
  if (changed.length === 0) return list;
  const byId = new Map(changed.map((p) => [p.id, p]));
  const next = list.map((p) => {
    const fresh = byId.get(p.id);
    if (fresh) byId.delete(p.id);
    return fresh ?? p;
  });
  next.push(...byId.values());
  return next.sort(inNoteOrder);
}
