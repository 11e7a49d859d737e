import type Database from 'better-sqlite3';
import type { SourceRow } from './sources';

/**
 * The reads behind the theme view (services/themeView.ts): the details of one
 * page of passages. The filtered set in order comes from the analysis index
 * (services/analysisIndex.ts).
 */

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
