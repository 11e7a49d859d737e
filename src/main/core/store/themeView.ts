import type Database from 'better-sqlite3';
import { SOURCE_COLUMNS, SPEAKER_COLUMNS, type SourceRow, type SpeakerRow } from './sources';

/**
 * The reads behind the theme view (services/themeView.ts): the details of one
 * page of passages. The filtered set in order comes from the analysis index
 * (services/analysisIndex.ts).
 */

export interface PassageDetailRow extends SourceRow, SpeakerRow {
  rowid: number;
  id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  memo: string;
  key_quote: number;
  detached: number;
  speaker_set_by_hand: number;
}

/** A page of passages (by rowid, in no order) with their source and speaker. */
export function passageDetails(db: Database.Database, rowids: readonly number[]): PassageDetailRow[] {
  return db
    .prepare(
      `SELECT p.rowid, p.id, p.start_offset, p.end_offset, p.quoted_text, p.memo, p.key_quote, p.detached, p.speaker_set_by_hand,
         ${SOURCE_COLUMNS}, ${SPEAKER_COLUMNS}
       FROM passages p JOIN notes n ON n.id = p.note_id JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id
       WHERE p.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as PassageDetailRow[];
}
