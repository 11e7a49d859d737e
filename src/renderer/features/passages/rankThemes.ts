/**
 * The order of the tag picker's options. A person types the word they mean:
 * "partners" must put "Patients as partners" (the word itself) above
 * "Partnership with industry and academia" (only its letters). Each typed
 * word is scored by where it is found, a theme by its worst word; ties go to
 * the themes used most recently, then alphabetical.
 */
export interface RankableTheme {
  id: string;
  name: string;
  code: string | null;
  /** The theme's parents, "Technology › Digital medicine". */
  path: string;
}

const enum Match {
  WholeName = 0,
  Code = 1,
  WholeWord = 2,
  WordStart = 3,
  Inside = 4,
  PathOnly = 5,
  None = 6,
}

const wordsOf = (text: string): string[] => text.toLocaleLowerCase('en-GB').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function matchOf(theme: RankableTheme, word: string, whole: string): Match {
  const name = theme.name.toLocaleLowerCase('en-GB');
  if (name === whole) return Match.WholeName;
  const code = theme.code?.toLocaleLowerCase('en-GB');
  if (code && (code === word || code.startsWith(word))) return Match.Code;
  const nameWords = wordsOf(theme.name);
  if (nameWords.includes(word)) return Match.WholeWord;
  if (nameWords.some((w) => w.startsWith(word))) return Match.WordStart;
  if (name.includes(word)) return Match.Inside;
  if (theme.path.toLocaleLowerCase('en-GB').includes(word)) return Match.PathOnly;
  return Match.None;
}

/** The themes matching every typed word, best first. `recent` holds theme ids, most recent first. */
export function rankThemes<T extends RankableTheme>(themes: Iterable<T>, query: string, recent: readonly string[] = []): T[] {
  const whole = query.trim().toLocaleLowerCase('en-GB');
  const words = whole.split(/\s+/).filter(Boolean);
  const recency = (id: string) => {
    const at = recent.indexOf(id);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const scored: { theme: T; score: number }[] = [];
  for (const theme of themes) {
    let score = 0;
    for (const word of words) score = Math.max(score, matchOf(theme, word, whole));
    if (score !== Match.None) scored.push({ theme, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || recency(a.theme.id) - recency(b.theme.id) || a.theme.name.localeCompare(b.theme.name, 'en-GB'))
    .map((s) => s.theme);
}
