/**
 * Text a disk cannot keep as sent (issue 12): a lone UTF-16 surrogate — half of an emoji or another character
 * outside the Basic Multilingual Plane. SQLite stores UTF-8, which cannot encode one, so better-sqlite3 would
 * silently store U+FFFD in its place; file systems refuse or replace it the same way. Every request is checked
 * at the door, so a refusal says so instead of a record coming back different from what was typed.
 */

/** True when `text` holds a lone surrogate. */
export const hasLoneSurrogate = (text: string): boolean => !(text as string & { isWellFormed(): boolean }).isWellFormed();

/** Where in a parsed request the first text with a lone surrogate is (a key counts too), or null. */
export function brokenTextAt(value: unknown, path: readonly PropertyKey[] = []): readonly PropertyKey[] | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = brokenTextAt(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (hasLoneSurrogate(key)) return [...path, key];
    const found = brokenTextAt(item, [...path, key]);
    if (found) return found;
  }
  return null;
}
