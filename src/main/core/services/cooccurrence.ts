import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { AnalysisFilter, ThemeViewResult } from '../../../shared/domain/analysis';
import type { CooccurrenceResult } from '../../../shared/domain/matrix';
import { FieldnotesError } from '../../../shared/rpc/result';
import { analysisIndex, themePassageCounts, type AnalysisIndex } from './analysisIndex';
import { scopeMask } from './analysisScan';
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

/**
 * The passages of the chosen themes within the filters, as positions in the analysis index (so in its order:
 * within a note, attached passages by place), each with the chosen themes it counts as — distinct and
 * ascending, in CSR form: kept passage k's are roots[rootStart[k] .. rootStart[k+1]).
 */
interface Chosen {
  ix: AnalysisIndex;
  n: number;
  kept: Int32Array;
  rootStart: Int32Array;
  roots: Int32Array;
}

function chosenPassages(db: Database.Database, chosen: readonly string[], filters: AnalysisFilter | undefined): Chosen {
  const ix = analysisIndex(db);
  const { dims, passages } = ix;
  const { count, themeStart, theme } = passages;
  // Per theme, the chosen themes it counts as (itself or an ancestor), in CSR form.
  const index = new Map(chosen.map((id, i) => [id, i]));
  const rootsOf = dims.up.map((chain) => chain.flatMap((t) => index.get(dims.themeIds[t]!) ?? []));
  const rootsOfStart = new Int32Array(rootsOf.length + 1);
  rootsOf.forEach((r, t) => (rootsOfStart[t + 1] = rootsOfStart[t]! + r.length));
  const rootsOfList = Int32Array.from(rootsOf.flat());
  const mask = scopeMask(db, ix, { filters });
  // At most one root per (tag, root of its theme): the buffers' bound.
  let bound = 0;
  for (let k = 0; k < theme.length; k++) bound += rootsOfStart[theme[k]! + 1]! - rootsOfStart[theme[k]!]!;
  const seen = new Int32Array(chosen.length).fill(-1);
  const kept = new Int32Array(count);
  const rootStart = new Int32Array(count + 1);
  const roots = new Int32Array(bound);
  let n = 0;
  let r = 0;
  for (let i = 0; i < count; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const from = r;
    for (let t = themeStart[i]!; t < themeStart[i + 1]!; t++) {
      for (let q = rootsOfStart[theme[t]!]!; q < rootsOfStart[theme[t]! + 1]!; q++) {
        const root = rootsOfList[q]!;
        if (seen[root] === i) continue;
        seen[root] = i;
        // Insertion keeps a passage's few roots ascending.
        let at = r++;
        while (at > from && roots[at - 1]! > root) roots[at] = roots[--at]!;
        roots[at] = root;
      }
    }
    if (r === from) continue;
    kept[n++] = i;
    rootStart[n] = r;
  }
  return { ix, n: chosen.length, kept: kept.subarray(0, n), rootStart: rootStart.subarray(0, n + 1), roots: roots.subarray(0, r) };
}

/**
 * Every pair of distinct attached kept passages of one note whose text overlaps (by position in `kept`). The
 * index holds a note's attached passages by start, then end, so one sweep finds them without sorting.
 */
function forEachOverlap(c: Chosen, visit: (x: number, y: number) => void): void {
  const { passages } = c.ix;
  const { kept } = c;
  for (let x = 0; x < kept.length; x++) {
    const i = kept[x]!;
    if (passages.detached[i] === 1) continue;
    const note = passages.note[i]!;
    const end = passages.end[i]!;
    for (let y = x + 1; y < kept.length; y++) {
      const j = kept[y]!;
      if (passages.note[j] !== note || passages.detached[j] === 1 || passages.start[j]! >= end) break;
      visit(x, y);
    }
  }
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

export function cooccurrence(db: Database.Database, input: ParsedInput<'analysis.cooccurrence'> = {}): CooccurrenceResult {
  const themes = chooseThemes(db, input.themeIds);
  const c = chosenPassages(
    db,
    themes.map((t) => t.id),
    input.filters,
  );
  const { n, kept, rootStart, roots } = c;
  const sizes = new Int32Array(n);
  const both = new Int32Array(n * n);
  const overlapping = new Int32Array(n * n);
  for (let k = 0; k < kept.length; k++) {
    for (let a = rootStart[k]!; a < rootStart[k + 1]!; a++) {
      sizes[roots[a]!]!++;
      for (let b = a + 1; b < rootStart[k + 1]!; b++) both[roots[a]! * n + roots[b]!]!++;
    }
  }
  // Each pair of passages counts once for each pair of themes it joins (one theme from each passage).
  const stamp = new Int32Array(n * n).fill(-1);
  let pair = 0;
  forEachOverlap(c, (x, y) => {
    pair++;
    for (let a = rootStart[x]!; a < rootStart[x + 1]!; a++) {
      for (let b = rootStart[y]!; b < rootStart[y + 1]!; b++) {
        const p = roots[a]!;
        const q = roots[b]!;
        if (p === q) continue;
        const key = p < q ? p * n + q : q * n + p;
        if (stamp[key] === pair) continue;
        stamp[key] = pair;
        overlapping[key]!++;
      }
    }
  });
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
  input: ParsedInput<'analysis.cooccurrencePassages'>,
): ThemeViewResult {
  if (input.kind === 'both') {
    return themeView(db, { themeIds: [input.a, input.b], mode: 'all', includeSubthemes: true, filters: input.filters, limit: input.limit, offset: input.offset });
  }
  chooseThemes(db, [input.a, input.b]);
  const c = chosenPassages(db, [input.a, input.b], input.filters);
  const { kept, rootStart, roots } = c;
  const { rowid } = c.ix.passages;
  // Roots are ascending, so a passage counts as a (0) when its first root is 0, as b (1) when its last is 1.
  const isA = (x: number) => roots[rootStart[x]!] === 0;
  const isB = (x: number) => roots[rootStart[x + 1]! - 1] === 1;
  const rowids = new Set<number>();
  forEachOverlap(c, (x, y) => {
    if ((isA(x) && isB(y)) || (isB(x) && isA(y))) {
      rowids.add(rowid[kept[x]!]!);
      rowids.add(rowid[kept[y]!]!);
    }
  });
  return themeView(db, { themeIds: [input.a, input.b], mode: 'any', includeSubthemes: true, filters: input.filters, rowids, limit: input.limit, offset: input.offset });
}
