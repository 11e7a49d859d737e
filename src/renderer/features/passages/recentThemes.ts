/**
 * Themes this reviewer tagged with lately, most recent first, kept in the
 * page's storage so the picker remembers across notes and reloads. Theme ids
 * are UUIDs, so one list serves every workspace.
 */
const KEY = 'fieldnotes.recentThemes';
const KEEP = 30;

function read(): string[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export const recentThemes = {
  list: read,
  used(themeId: string): void {
    const next = [themeId, ...read().filter((id) => id !== themeId)].slice(0, KEEP);
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage full or refused: the picker only loses its memory of recent themes.
    }
  },
};
