import type Database from 'better-sqlite3';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import type { Dimension } from '../../../shared/domain/matrix';
import { and, passageFilter, type SqlFilter } from './analysisFilter';

/**
 * The reads behind the framework matrix, co-occurrence and coverage (issue 8).
 * They only read — passages, their themes, notes, engagements, participants —
 * and return compact rows; the services count from them.
 *
 * Queries name their tables as analysisFilter.ts expects: `e`, `n`, `p`, `pa`.
 */

/** A dimension as one SQL expression giving a passage's column ('' for no value), and what it reads. */
export interface DimensionSql {
  sql: string;
  /** The expression reads only the engagement (alias `e`). */
  onEngagement: boolean;
  needsParticipant: boolean;
  params: Record<string, string>;
}

export function dimensionSql(dimension: Dimension): DimensionSql {
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

/** The analysis filters plus "in this column of this dimension", for listing a matrix cell's passages. */
export function cellFilter(filters: AnalysisFilter | undefined, dimension: Dimension, value: string): SqlFilter {
  const filter = passageFilter(filters);
  const d = dimensionSql(dimension);
  const condition = `${d.sql} = @cellValue`;
  if (d.onEngagement) filter.engagement.push(condition);
  filter.where.push(condition);
  Object.assign(filter.params, d.params, { cellValue: value });
  filter.needsParticipant ||= d.needsParticipant;
  return filter;
}

/**
 * One row per (passage, theme it carries) among the passages the filters
 * allow: [passage rowid, theme id, participant id, column value]. Engagement
 * conditions go to the notes first (a few hundred rows), so each passage is
 * filtered by one lookup.
 */
export function taggedPassageRows(
  db: Database.Database,
  filters: AnalysisFilter | undefined,
  dimension: Dimension | null,
): [number, string, string | null, string][] {
  const filter = passageFilter(filters);
  const d = dimension ? dimensionSql(dimension) : null;
  const needsParticipant = filter.needsParticipant || (d?.needsParticipant ?? false);
  const onPassage = filter.where.filter((w) => !filter.engagement.includes(w));
  const engagementJoin = d?.onEngagement ? 'JOIN engagements e ON e.rowid = ni.engagement' : '';
  return db
    .prepare(
      `WITH notes_in(id, engagement) AS MATERIALIZED (
         SELECT n.id, e.rowid FROM notes n INDEXED BY notes_for_analysis JOIN engagements e ON e.id = n.engagement_id
         WHERE 1${and(filter.engagement)}
       )
       SELECT p.rowid, pt.theme_id, p.participant_id, ${d ? d.sql : `''`}
       FROM passages p INDEXED BY passages_for_analysis
       JOIN notes_in ni ON ni.id = p.note_id
       ${engagementJoin}
       ${needsParticipant ? 'LEFT JOIN participants pa ON pa.id = p.participant_id' : ''}
       JOIN passage_themes pt ON pt.passage_id = p.id
       WHERE 1${and(onPassage)}`,
    )
    .raw()
    .all({ ...filter.params, ...(d?.params ?? {}) }) as [number, string, string | null, string][];
}

/** Theme tree rows, in no particular order (the services order them). */
export const themeTreeRows = (db: Database.Database): { id: string; parent_id: string | null }[] =>
  db.prepare('SELECT id, parent_id FROM themes').all() as { id: string; parent_id: string | null }[];

/** Labels of the columns a dimension can have, by key. */
export function dimensionLabels(db: Database.Database, dimension: Dimension): { key: string; label: string; sort_key: number | string }[] {
  switch (dimension) {
    case 'engagementType':
      return db.prepare('SELECT id AS key, label, position AS sort_key FROM engagement_types').all() as never;
    case 'engagement':
      return db.prepare(`SELECT id AS key, title || ' (' || date || ')' AS label, date || title || id AS sort_key FROM engagements`).all() as never;
    case 'participant':
      return db.prepare('SELECT id AS key, code AS label, number AS sort_key FROM participants').all() as never;
    default:
      return [];
  }
}

/** Staff groups of the participants met, with how many (for the matrix's columns and coverage). */
export const participantsByStaffGroup = (db: Database.Database): { staff_group: string; n: number }[] =>
  db.prepare('SELECT staff_group, count(*) AS n FROM participants GROUP BY staff_group').all() as { staff_group: string; n: number }[];

/** Per passage (filtered): [rowid, note rowid, start, end, detached, theme id]: co-occurrence and overlap. */
export function passageRangeRows(db: Database.Database, filters: AnalysisFilter | undefined): [number, number, number, number, number, string][] {
  const filter = passageFilter(filters);
  const onPassage = filter.where.filter((w) => !filter.engagement.includes(w));
  return db
    .prepare(
      `WITH notes_in(id, k) AS MATERIALIZED (
         SELECT n.id, n.rowid FROM notes n INDEXED BY notes_for_analysis JOIN engagements e ON e.id = n.engagement_id
         WHERE 1${and(filter.engagement)}
       )
       SELECT p.rowid, ni.k, p.start_offset, p.end_offset, p.detached, pt.theme_id
       FROM passages p INDEXED BY passages_for_analysis
       JOIN notes_in ni ON ni.id = p.note_id
       ${filter.needsParticipant ? 'LEFT JOIN participants pa ON pa.id = p.participant_id' : ''}
       JOIN passage_themes pt ON pt.passage_id = p.id
       WHERE 1${and(onPassage)}`,
    )
    .raw()
    .all(filter.params) as [number, number, number, number, number, string][];
}

// ── coverage ────────────────────────────────────────────────────────────────

/** Per staff group: participants met, participants quoted (with at least one passage), passages. */
export const staffGroupCoverage = (db: Database.Database) =>
  db
    .prepare(
      `SELECT pa.staff_group AS key, count(*) AS participants_met,
         count(*) FILTER (WHERE q.n > 0) AS participants_quoted, coalesce(sum(q.n), 0) AS passages
       FROM participants pa
       LEFT JOIN (SELECT participant_id, count(*) AS n FROM passages WHERE participant_id IS NOT NULL GROUP BY participant_id) q
         ON q.participant_id = pa.id
       GROUP BY pa.staff_group`,
    )
    .all() as { key: string; participants_met: number; participants_quoted: number; passages: number }[];

/** Per engagement type: engagements, engagements with a passage, participants met there, passages. */
export const engagementTypeCoverage = (db: Database.Database) =>
  db
    .prepare(
      `WITH tagged(engagement_id, n) AS (
         SELECT n.engagement_id, count(*) FROM passages p JOIN notes n ON n.id = p.note_id GROUP BY n.engagement_id
       )
       SELECT t.id AS key, t.label, count(e.id) AS engagements, count(tg.n) AS engagements_tagged,
         (SELECT count(DISTINCT ep.participant_id) FROM engagement_participants ep JOIN engagements e2 ON e2.id = ep.engagement_id
          WHERE e2.type = t.id) AS participants_met,
         coalesce(sum(tg.n), 0) AS passages
       FROM engagement_types t
       LEFT JOIN engagements e ON e.type = t.id
       LEFT JOIN tagged tg ON tg.engagement_id = e.id
       GROUP BY t.id ORDER BY t.position`,
    )
    .all() as { key: string; label: string; engagements: number; engagements_tagged: number; participants_met: number; passages: number }[];

export const participantsNeverQuoted = (db: Database.Database) =>
  db
    .prepare(
      `SELECT pa.id, pa.code, pa.staff_group AS staffGroup,
         (SELECT count(*) FROM engagement_participants ep WHERE ep.participant_id = pa.id) AS engagements
       FROM participants pa
       WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.participant_id = pa.id)
       ORDER BY pa.number`,
    )
    .all() as { id: string; code: string; staffGroup: string; engagements: number }[];

export const engagementsNeverTagged = (db: Database.Database) =>
  db
    .prepare(
      `SELECT e.id, e.title, e.type, e.date,
         (SELECT count(*) FROM notes n WHERE n.engagement_id = e.id) AS notes,
         (SELECT coalesce(sum(n.word_count), 0) FROM notes n WHERE n.engagement_id = e.id) AS words
       FROM engagements e
       WHERE NOT EXISTS (SELECT 1 FROM notes n JOIN passages p ON p.note_id = n.id WHERE n.engagement_id = e.id)
       ORDER BY e.date, e.title, e.id`,
    )
    .all() as { id: string; title: string; type: string; date: string; notes: number; words: number }[];
