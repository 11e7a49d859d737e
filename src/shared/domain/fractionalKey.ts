/**
 * Fractional order keys (issue 8): a list's order is the bytewise order of
 * short strings, and a move writes one key between its new neighbours, so
 * nothing is renumbered and two reviewers' moves merge. A key is a base-36
 * fraction after the point ("i" is 18/36) and never ends in "0", so there is
 * always room between two keys. The midpoint is the one Figma and rocicorp's
 * fractional-indexing use, with digits ordered as SQLite's BINARY collation
 * orders them ('0'–'9' before 'a'–'z').
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const KEY = /^[0-9a-z]*[1-9a-z]$/;

export const isFractionalKey = (key: string): boolean => KEY.test(key);

const digit = (c: string | undefined): number => (c === undefined ? 0 : DIGITS.indexOf(c));

/** A key strictly between `a` and `b` ('' is the start of the list, null its end). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const low = digit(a[0]);
  // At the end of the list step by one digit rather than halve, so appending keeps keys short.
  if (b === null && low + 1 < BASE) return DIGITS[low + 1]!;
  const high = b === null ? BASE : digit(b[0]);
  if (high - low > 1) return DIGITS[Math.floor((low + high) / 2)]!;
  // Adjacent digits: b's first digit alone sits between, or go one digit deeper after a's.
  if (b !== null && b.length > 1) return b[0]!;
  return DIGITS[low]! + midpoint(a.slice(1), null);
}

/** A key between two neighbours (null: no neighbour on that side). Throws when they are out of order. */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && !isFractionalKey(before)) throw new Error(`Not an order key: ${before}`);
  if (after !== null && !isFractionalKey(after)) throw new Error(`Not an order key: ${after}`);
  if (before !== null && after !== null && before >= after) throw new Error(`Order keys out of order: ${before} ≥ ${after}`);
  return midpoint(before ?? '', after);
}

/** A key for the end of a list whose last key is `last`. */
export const keyAfter = (last: string | null): string => keyBetween(last, null);

/**
 * The key for putting an item at `index` among `keys` (in order, the item itself not among them). Equal keys
 * have no key between them (two laptops' merges before the merge settled order keys could leave them), so an
 * item put among a run of equal keys goes just after the run: it still moves, and nothing else is rewritten.
 */
export function keyAt(keys: readonly string[], index: number): string {
  const at = Math.max(0, Math.min(index, keys.length));
  const before = keys[at - 1] ?? null;
  let next = at;
  while (before !== null && next < keys.length && keys[next]! <= before) next++;
  return keyBetween(before, keys[next] ?? null);
}
