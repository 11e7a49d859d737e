import type Database from 'better-sqlite3';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import type { Dimension, MatrixCell } from '../../../shared/domain/matrix';
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
export function referenceSpans(db: Database.Database, chosen: readonly string[], filters: AnalysisFilter | undefined) {
  const filter = passageFilter(filters);
  const index = new Map(chosen.map((id, i) => [id, i]));
  const up = ancestry(db);
  const byPassage = new Map<number, { rowid: number; note: string; start: number; end: number; detached: boolean; roots: Set<number> }>();
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
