import type Database from 'better-sqlite3';
import type { AnalysisFilter, ThemeViewResult } from '../../../shared/domain/analysis';
import type { CooccurrenceResult } from '../../../shared/domain/matrix';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { FieldnotesError } from '../../../shared/rpc/result';
import { analysisIndex, themePassageCounts } from './analysisIndex';
import { scopeTest } from './analysisScan';
import { themeView } from './themeView';
import { listThemes } from './themes';

/**
 * Theme co-occurrence (issue 8): for each pair of chosen themes, how many
 * passages carry both, and how many pairs of passages — one carrying each —
 * overlap in the text of a note. A chosen theme counts its sub-themes, as in
 * the matrix. Without a choice, the 30 themes with the most passages of their
 * own.
 */
export const DEFAULT_THEMES = 30;

/** A passage of the chosen themes: where it is, and which chosen themes (by index) it counts as. */
export interface Span {
  rowid: number;
  note: number | string;
  start: number;
  end: number;
  detached: boolean;
  roots: Set<number>;
}

/** Passages of the chosen themes (by index) within the filters, from the analysis index. */
function spans(db: Database.Database, chosen: readonly string[], filters: AnalysisFilter | undefined): Span[] {
  const ix = analysisIndex(db);
  const { dims, passages } = ix;
  const index = new Map(chosen.map((id, i) => [id, i]));
  const rootsOf = dims.up.map((chain) => chain.flatMap((t) => index.get(dims.themeIds[t]!) ?? []));
  const inScope = scopeTest(db, ix, { filters });
  const out: Span[] = [];
  for (let i = 0; i < passages.count; i++) {
    let roots: Set<number> | null = null;
    for (let t = passages.themeStart[i]!; t < passages.themeStart[i + 1]!; t++) {
      for (const r of rootsOf[passages.theme[t]!]!) (roots ??= new Set()).add(r);
    }
    if (!roots || !inScope(i)) continue;
    out.push({ rowid: passages.rowid[i]!, note: passages.note[i]!, start: passages.start[i]!, end: passages.end[i]!, detached: passages.detached[i] === 1, roots });
  }
  return out;
}

/** Pairs of distinct attached passages of one note whose text overlaps, by a sweep over each note's spans. */
function overlappingPairs(all: readonly Span[]): [Span, Span][] {
  const out: [Span, Span][] = [];
  const byNote = new Map<number | string, Span[]>();
  for (const s of all) {
    if (s.detached) continue;
    const list = byNote.get(s.note);
    if (list) list.push(s);
    else byNote.set(s.note, [s]);
  }
  for (const list of byNote.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j]!.start < list[i]!.end; j++) out.push([list[i]!, list[j]!]);
    }
  }
  return out;
}

function chooseThemes(db: Database.Database, themeIds: readonly string[] | undefined): ReturnType<typeof listThemes> {
  const themes = listThemes(db, themePassageCounts(analysisIndex(db)));
  if (themeIds?.length) {
    const byId = new Map(themes.map((t) => [t.id, t]));
    const missing = themeIds.filter((id) => !byId.has(id));
    if (missing.length) throw new FieldnotesError('NOT_FOUND', 'A chosen theme no longer exists. It may have been merged or deleted; choose again.');
    return [...new Set(themeIds)].map((id) => byId.get(id)!);
  }
  return [...themes]
    .filter((t) => t.passageCount > 0)
    .sort((a, b) => b.passageCount - a.passageCount)
    .slice(0, DEFAULT_THEMES);
}

export function cooccurrence(db: Database.Database, input: { themeIds?: string[]; filters?: AnalysisFilter } = {}): CooccurrenceResult {
  const themes = chooseThemes(db, input.themeIds);
  return cooccurrenceOf(
    themes,
    spans(
      db,
      themes.map((t) => t.id),
      input.filters,
    ),
  );
}

/** The grid of these themes from their passages' spans. */
export function cooccurrenceOf(themes: readonly Pick<ThemeListItem, 'id' | 'name' | 'colour'>[], all: readonly Span[]): CooccurrenceResult {
  const n = themes.length;
  const sizes = new Array<number>(n).fill(0);
  const both = new Array<number>(n * n).fill(0);
  const overlapping = new Array<number>(n * n).fill(0);
  for (const s of all) {
    const roots = [...s.roots].sort((a, b) => a - b);
    for (let i = 0; i < roots.length; i++) {
      sizes[roots[i]!]!++;
      for (let j = i + 1; j < roots.length; j++) both[roots[i]! * n + roots[j]!]!++;
    }
  }
  for (const [p, q] of overlappingPairs(all)) {
    // Each pair of passages counts once for each pair of themes it joins (one theme from each passage).
    const joined = new Set<number>();
    for (const a of p.roots) for (const b of q.roots) if (a !== b) joined.add(Math.min(a, b) * n + Math.max(a, b));
    for (const k of joined) overlapping[k]!++;
  }
  const pairs: CooccurrenceResult['pairs'] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) pairs.push({ a: themes[i]!.id, b: themes[j]!.id, both: both[i * n + j]!, overlapping: overlapping[i * n + j]! });
  }
  return { themes: themes.map((t, i) => ({ id: t.id, name: t.name, colour: t.colour, passages: sizes[i]! })), pairs };
}

/**
 * The passages behind one co-occurrence cell, listed as the theme view lists
 * them: `both` — passages carrying both themes; `overlapping` — passages of
 * either theme overlapping a passage of the other.
 */
export function cooccurrencePassages(
  db: Database.Database,
  input: { a: string; b: string; kind: 'both' | 'overlapping'; filters?: AnalysisFilter; limit?: number; offset?: number },
): ThemeViewResult {
  if (input.kind === 'both') {
    return themeView(db, { themeIds: [input.a, input.b], mode: 'all', includeSubthemes: true, filters: input.filters, limit: input.limit, offset: input.offset });
  }
  chooseThemes(db, [input.a, input.b]);
  const all = spans(db, [input.a, input.b], input.filters);
  const rowids = new Set<number>();
  for (const [p, q] of overlappingPairs(all)) {
    if ((p.roots.has(0) && q.roots.has(1)) || (p.roots.has(1) && q.roots.has(0))) {
      rowids.add(p.rowid);
      rowids.add(q.rowid);
    }
  }
  return themeView(db, { themeIds: [input.a, input.b], mode: 'any', includeSubthemes: true, filters: input.filters, rowids, limit: input.limit, offset: input.offset });
}
