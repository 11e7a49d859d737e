import type { SourceRef } from '../../../shared/domain/analysis';
import type { Consent, Speaker } from '../../../shared/domain/participant';

/**
 * Where a passage or a search hit comes from and who speaks in it: the columns every read of passages with
 * their context selects (the theme view, a finding's evidence, search hits) and their one mapping.
 */

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

/** A passage's speaker, as selected from participants pa joined on the passage (LEFT JOIN: NULLs for nobody). */
export const SPEAKER_COLUMNS = 'pa.id AS participant_id, pa.code, pa.staff_group, pa.consent';

export interface SpeakerRow {
  participant_id: string | null;
  code: string | null;
  staff_group: string | null;
  consent: Consent | null;
}

export const speakerOf = (r: SpeakerRow): Speaker | null =>
  r.participant_id ? { id: r.participant_id, code: r.code!, staffGroup: r.staff_group!, consent: r.consent ?? 'none' } : null;
