import type Database from 'better-sqlite3';
import { and, type SqlFilter } from './analysisFilter';
import type { SourceRow } from './sources';

/**
 * The reads behind the theme view (services/themeView.ts): the whole filtered
 * set of a theme's passages in the view's order, compactly, and the details
 * of one page of them. Queries name their tables as analysisFilter.ts expects.
 */

/**
 * `chosen` is each chosen theme and (if asked) its descendants, each row
 * carrying the chosen theme it counts as (`root`); UNION also stops a cycle.
 * `matched`: passages whose themes count as any of, or all of, the roots.
 * `notes_in`: the notes of the engagements the filters allow, numbered in
 * the view's order — a few hundred rows, so each passage needs one lookup to
 * be filtered and sorted, not an engagement's and a note's.
 *
 * The covering indexes (migration 0007) matter: a note's position sits after
 * its document and text in the row, and reading it from the table walks those
 * pages; the passage index keeps the filter and sort columns in one b-tree.
 */
const MATCHED = `
  WITH RECURSIVE chosen(id, root) AS (
    SELECT value, value FROM json_each(@themes)
    UNION
    SELECT t.id, c.root FROM themes t JOIN chosen c ON t.parent_id = c.id WHERE @subthemes = 1
  ),
  matched(passage_id) AS (
    SELECT pt.passage_id FROM chosen c CROSS JOIN passage_themes pt ON pt.theme_id = c.id
    GROUP BY pt.passage_id HAVING @all = 0 OR count(DISTINCT c.root) = @roots
  )`;

const notesIn = (conditions: string[]) => `,
  notes_in(id, engagement, k) AS MATERIALIZED (
    SELECT n.id, e.rowid, row_number() OVER (ORDER BY e.date, e.title, e.id, n.position, n.id)
    FROM notes n INDEXED BY notes_for_analysis JOIN engagements e ON e.id = n.engagement_id
    WHERE 1${and(conditions)}
  )`;

export interface ThemeViewQuery {
  themeIds: readonly string[];
  includeSubthemes: boolean;
  all: boolean;
  filter: SqlFilter;
}

/** [passage rowid, participant id, engagement rowid] of every passage in the view, in its order. */
export function orderedThemePassages(db: Database.Database, query: ThemeViewQuery): [number, string | null, number][] {
  const { filter } = query;
  const onPassage = filter.where.filter((w) => !filter.engagement.includes(w));
  return db
    .prepare(
      `${MATCHED}${notesIn(filter.engagement)}
       SELECT p.rowid, p.participant_id, ni.engagement
       FROM matched m JOIN passages p INDEXED BY passages_for_analysis ON p.id = m.passage_id
       JOIN notes_in ni ON ni.id = p.note_id
       ${filter.needsParticipant ? 'LEFT JOIN participants pa ON pa.id = p.participant_id' : ''}
       WHERE 1${and(onPassage)}
       ORDER BY ni.k, p.detached, p.start_offset, p.end_offset, p.id`,
    )
    .raw()
    .all({
      themes: JSON.stringify(query.themeIds),
      subthemes: query.includeSubthemes ? 1 : 0,
      all: query.all ? 1 : 0,
      roots: query.themeIds.length,
      ...filter.params,
    }) as [number, string | null, number][];
}

export interface PassageDetailRow extends SourceRow {
  rowid: number;
  id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  memo: string;
  key_quote: number;
  detached: number;
  participant_id: string | null;
  code: string | null;
  staff_group: string | null;
  consent: 'anonymous' | 'attributed' | 'none' | null;
}

/** A page of passages (by rowid, in no order) with their source and speaker. */
export function passageDetails(db: Database.Database, rowids: readonly number[]): PassageDetailRow[] {
  return db
    .prepare(
      `SELECT p.rowid, p.id, p.note_id, p.start_offset, p.end_offset, p.quoted_text, p.memo, p.key_quote, p.detached,
         n.title AS note_title, e.id AS engagement_id, e.title AS engagement_title, e.type, e.date, e.organisation,
         pa.id AS participant_id, pa.code, pa.staff_group, pa.consent
       FROM passages p JOIN notes n ON n.id = p.note_id JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id
       WHERE p.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as PassageDetailRow[];
}
