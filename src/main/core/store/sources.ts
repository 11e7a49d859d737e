import type { SourceRef } from '../../../shared/domain/analysis';

/** Where a passage or a search hit comes from, as selected from notes n joined to engagements e. */
export const SOURCE_COLUMNS = `n.id AS note_id, n.title AS note_title, e.id AS engagement_id, e.title AS engagement_title,
  e.type AS type, e.date AS date, e.organisation AS organisation`;

export interface SourceRow {
  note_id: string;
  note_title: string;
  engagement_id: string;
  engagement_title: string;
  type: string;
  date: string;
  organisation: string;
}

export const sourceRef = (r: SourceRow): SourceRef => ({
  noteId: r.note_id,
  noteTitle: r.note_title,
  engagementId: r.engagement_id,
  engagementTitle: r.engagement_title,
  engagementType: r.type,
  date: r.date,
  organisation: r.organisation,
});
