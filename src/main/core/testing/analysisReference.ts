import type Database from 'better-sqlite3';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import type { CooccurrenceResult, Dimension, MatrixCell } from '../../../shared/domain/matrix';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { and, passageFilter, type SqlFilter } from '../store/analysisFilter';
import type { MatrixTallies } from '../services/analysisScan';
import { listThemes } from '../services/themes';

/**
 * The analysis counts as plain SQL and sets, the way they were computed before the analysis index (issue 8).
 * Slow, and kept only so tests can hold the index's answers to them (analysisIndex.test.ts).
 */

interface DimensionSql {
  sql: string;
  onEngagement: boolean;
  needsParticipant: boolean;
  params: Record<string, string>;
}

function dimensionSql(dimension: Dimension): DimensionSql {
  switch (dimension) {
    case 'staffGroup':
      return { sql: `coalesce(pa.staff_group, '')`, onEngagement: false, needsParticipant: true, params: {} };
    case 'organisation':
      return { sql: 'e.organisation', onEngagement: true, needsParticipant: false, params: {} };
    case 'engagementType':
      return { sql: 'e.type', onEngagement: true, needsParticipant: false, params: {} };
    case 'engagement':
      return { sql: 'e.id', onEngagement: true, needsParticipant: false, params: {} };
    case 'participant':
      return { sql: `coalesce(p.participant_id, '')`, onEngagement: false, needsParticipant: false, params: {} };
    default:
      return {
        sql: `coalesce((SELECT v.value FROM participant_attribute_values v
                WHERE v.participant_id = p.participant_id AND v.attribute_id = @dimensionAttribute), '')`,
        onEngagement: false,
        needsParticipant: false,
        params: { dimensionAttribute: dimension.slice('attribute:'.length) },
      };
  }
}

/** A theme and its ancestors, by id; a cyclic tree stops where it repeats. */
function ancestry(db: Database.Database): (themeId: string) => string[] {
  const parent = new Map(listThemes(db).map((t) => [t.id, t.parentId]));
  return (themeId) => {
    const chain: string[] = [];
    for (let at: string | null | undefined = themeId; at && !chain.includes(at); at = parent.get(at)) chain.push(at);
    return chain;
  };
}

/** Every (passage, theme) pair the filters allow: [passage rowid, theme id, participant id, column value]. */
function taggedPassageRows(db: Database.Database, filters: AnalysisFilter | undefined, dimension: Dimension): [number, string, string | null, string][] {
  const filter = passageFilter(filters);
  const d = dimensionSql(dimension);
  return db
    .prepare(
      `SELECT p.rowid, pt.theme_id, p.participant_id, ${d.sql}
       FROM passages p JOIN notes n ON n.id = p.note_id JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id
       JOIN passage_themes pt ON pt.passage_id = p.id
       WHERE 1${and(filter.where)}`,
    )
    .raw()
    .all({ ...filter.params, ...d.params }) as [number, string, string | null, string][];
}

export function referenceMatrixTallies(db: Database.Database, filters: AnalysisFilter | undefined, dimension: Dimension): MatrixTallies {
  interface Tally {
    passages: Set<number>;
    participants: Set<string>;
  }
  const tally = (): Tally => ({ passages: new Set(), participants: new Set() });
  const cellOf = (t: Tally): MatrixCell => ({ passages: t.passages.size, participants: t.participants.size });
  const up = ancestry(db);
  const cells = new Map<string, Map<string, Tally>>();
  const rowTotals = new Map<string, Tally>();
  const columnTotals = new Map<string, Tally>();
  const get = <K, V>(map: Map<K, V>, key: K, make: () => V) => map.get(key) ?? (map.set(key, make()), map.get(key)!);
  for (const [rowid, themeId, participant, value] of taggedPassageRows(db, filters, dimension)) {
    const column = get(columnTotals, value, tally);
    column.passages.add(rowid);
    if (participant) column.participants.add(participant);
    for (const theme of up(themeId)) {
      const cell = get(get(cells, theme, () => new Map<string, Tally>()), value, tally);
      const total = get(rowTotals, theme, tally);
      cell.passages.add(rowid);
      total.passages.add(rowid);
      if (participant) {
        cell.participants.add(participant);
        total.participants.add(participant);
      }
    }
  }
  const counts = <K>(m: Map<K, Tally>) => new Map([...m].map(([k, t]) => [k, cellOf(t)]));
  return { cells: new Map([...cells].map(([k, row]) => [k, counts(row)])), rowTotals: counts(rowTotals), columnTotals: counts(columnTotals) };
}

/** The theme view's filtered set, in order, as passage rowids: the SQL the theme view ran. */
export function referenceThemeViewRowids(
  db: Database.Database,
  input: { themeIds: string[]; mode?: 'any' | 'all'; includeSubthemes?: boolean; filters?: AnalysisFilter; cell?: { dimension: Dimension; value: string } },
): number[] {
  const themes = [...new Set(input.themeIds)];
  const filter: SqlFilter = passageFilter(input.filters);
  const params: Record<string, string | number> = {
    themes: JSON.stringify(themes),
    subthemes: input.includeSubthemes === false ? 0 : 1,
    all: input.mode === 'all' ? 1 : 0,
    roots: themes.length,
    ...filter.params,
  };
  const where = [...filter.where];
  if (input.cell) {
    const d = dimensionSql(input.cell.dimension);
    where.push(`${d.sql} = @cellValue`);
    Object.assign(params, d.params, { cellValue: input.cell.value });
  }
  return db
    .prepare(
      `WITH RECURSIVE chosen(id, root) AS (
         SELECT value, value FROM json_each(@themes)
         UNION
         SELECT t.id, c.root FROM themes t JOIN chosen c ON t.parent_id = c.id WHERE @subthemes = 1
       ),
       matched(passage_id) AS (
         SELECT pt.passage_id FROM chosen c CROSS JOIN passage_themes pt ON pt.theme_id = c.id
         GROUP BY pt.passage_id HAVING @all = 0 OR count(DISTINCT c.root) = @roots
       )
       SELECT p.rowid FROM matched m JOIN passages p ON p.id = m.passage_id
       JOIN notes n ON n.id = p.note_id JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id
       WHERE 1${and(where)}
       ORDER BY e.date, e.title, e.id, n.position, n.id, p.detached, p.start_offset, p.end_offset, p.id`,
    )
    .pluck()
    .all(params) as number[];
}

/** Per passage of the chosen themes (by index): rowid, note, place, detached, the chosen themes it counts as. */
/** A passage of the chosen themes: where it is, and which chosen themes (by index) it counts as. */
export interface Span {
  rowid: number;
  note: string;
  start: number;
  end: number;
  detached: boolean;
  roots: Set<number>;
}

export function referenceSpans(db: Database.Database, chosen: readonly string[], filters: AnalysisFilter | undefined): Span[] {
  const filter = passageFilter(filters);
  const index = new Map(chosen.map((id, i) => [id, i]));
  const up = ancestry(db);
  const byPassage = new Map<number, Span>();
  const rows = db
    .prepare(
      `SELECT p.rowid, p.note_id, p.start_offset, p.end_offset, p.detached, pt.theme_id
       FROM passages p JOIN notes n ON n.id = p.note_id JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id
       JOIN passage_themes pt ON pt.passage_id = p.id
       WHERE 1${and(filter.where)}`,
    )
    .raw()
    .all(filter.params) as [number, string, number, number, number, string][];
  for (const [rowid, note, start, end, detached, themeId] of rows) {
    for (const theme of up(themeId)) {
      const i = index.get(theme);
      if (i === undefined) continue;
      let span = byPassage.get(rowid);
      if (!span) byPassage.set(rowid, (span = { rowid, note, start, end, detached: detached === 1, roots: new Set() }));
      span.roots.add(i);
    }
  }
  return [...byPassage.values()];
}

/** Pairs of distinct attached passages of one note whose text overlaps, by a sweep over each note's spans. */
export function referenceOverlappingPairs(all: readonly Span[]): [Span, Span][] {
  const out: [Span, Span][] = [];
  const byNote = new Map<string, Span[]>();
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

/** The co-occurrence grid of these themes from their passages' spans, with sets. */
export function referenceCooccurrence(themes: readonly Pick<ThemeListItem, 'id' | 'name' | 'colour'>[], all: readonly Span[]): CooccurrenceResult {
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
  for (const [p, q] of referenceOverlappingPairs(all)) {
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

/** The passages (rowids) of either theme overlapping a passage of the other: a co-occurrence cell's `overlapping` list. */
export function referenceOverlappingRowids(all: readonly Span[]): Set<number> {
  const rowids = new Set<number>();
  for (const [p, q] of referenceOverlappingPairs(all)) {
    if ((p.roots.has(0) && q.roots.has(1)) || (p.roots.has(1) && q.roots.has(0))) {
      rowids.add(p.rowid);
      rowids.add(q.rowid);
    }
  }
  return rowids;
}
