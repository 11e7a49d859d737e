import { createHash } from 'node:crypto';
import type { FieldDot, Tombstone } from '../store/changeLog';

/** Version vectors and field dots (db/changeTracking.ts): what one side of a merge had seen of the other. */

export type Vector = Record<string, number>;

/** Has `a` seen every change `b` holds? */
export function covers(a: Vector, b: Vector): boolean {
  for (const [session, count] of Object.entries(b)) if ((a[session] ?? 0) < count) return false;
  return true;
}

export function joinVectors(a: Vector, b: Vector): Vector {
  const joined: Vector = { ...a };
  for (const [session, count] of Object.entries(b)) joined[session] = Math.max(joined[session] ?? 0, count);
  // Keys in order, so equal vectors are equal text in both merge orders.
  return Object.fromEntries(Object.entries(joined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

export const sameVector = (a: Vector, b: Vector): boolean => covers(a, b) && covers(b, a);

/** Has a side whose vector is `seen` seen the change `dot`? A field never changed since creation (no dot) is seen by all. */
export const sawChange = (seen: Vector, dot: FieldDot | null | undefined): boolean => !dot || (seen[dot[1]] ?? 0) >= dot[2];

/** The later of two changes, the same whichever side is called first: time, then session, then count. */
export function laterDot(a: FieldDot | null | undefined, b: FieldDot | null | undefined): 'a' | 'b' | 'same' {
  const ka = a ? `${a[0]}\u0000${a[1]}\u0000${String(a[2]).padStart(12, '0')}` : '';
  const kb = b ? `${b[0]}\u0000${b[1]}\u0000${String(b[2]).padStart(12, '0')}` : '';
  return ka === kb ? 'same' : ka > kb ? 'a' : 'b';
}

/** An entry for a change the merge itself makes, the same in either merge order. */
export const mergeEntry = (...parts: string[]): string => `merge-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12)}`;

/**
 * A record kept although one side deleted it carries an entry naming that deletion: it has seen the deletion
 * and stays. Without it the record's vector would only join the tombstone's — which is the vector the record had
 * when deleted, so "seen the deletion" could not be told from "never changed" — and every later merge of the
 * same pack would ask again.
 */
const keptEntry = (tomb: Tombstone): string => mergeEntry('kept', tomb.table, tomb.recordId, tomb.deletedAt, tomb.deletedIn ?? '');

export const keptAgainst = (versions: Vector, tomb: Tombstone | null): Vector =>
  tomb ? joinVectors(joinVectors(versions, tomb.versions), { [keptEntry(tomb)]: 1 }) : versions;

export const wasKeptAgainst = (versions: Vector, tomb: Tombstone): boolean => (versions[keptEntry(tomb)] ?? 0) > 0;
