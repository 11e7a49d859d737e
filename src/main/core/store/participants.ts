import type Database from 'better-sqlite3';
import type { Participant, ParticipantSummary } from '../../../shared/domain/participant';
import { FieldnotesError } from '../../../shared/rpc/result';
import { Conditions, likeAnywhere, likeClause } from './sql';

/**
 * The `participants` table and its family, `engagement_participants` (who
 * was met at which engagement). Custom attributes and their values are
 * `participantAttributes.ts`.
 */

export interface ParticipantSummaryRow {
  id: string;
  code: string;
  staff_group: ParticipantSummary['staffGroup'];
  role: string;
  organisation_type: string;
  region: string;
  consent: ParticipantSummary['consent'];
  consent_date: string | null;
  attributes_json: string;
  engagement_count: number;
}

interface ParticipantRow extends ParticipantSummaryRow {
  real_name: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** Every column a list may show. The real name is deliberately not among them. */
const SUMMARY_COLUMNS = `p.id, p.code, p.staff_group, p.role, p.organisation_type, p.region, p.consent, p.consent_date,
  (SELECT json_group_object(v.attribute_id, v.value) FROM participant_attribute_values v WHERE v.participant_id = p.id)
    AS attributes_json,
  (SELECT count(*) FROM engagement_participants ep WHERE ep.participant_id = p.id) AS engagement_count`;

export const participantSummaryFromRow = (row: ParticipantSummaryRow): ParticipantSummary => ({
  id: row.id,
  code: row.code,
  staffGroup: row.staff_group,
  role: row.role,
  organisationType: row.organisation_type,
  region: row.region,
  consent: row.consent,
  consentDate: row.consent_date,
  attributes: JSON.parse(row.attributes_json) as Record<string, string>,
  engagementCount: row.engagement_count,
});

export const participantMissing = (): FieldnotesError =>
  new FieldnotesError('NOT_FOUND', 'That participant no longer exists. It may have been deleted; reload the list.');

/** Refuse with the one message when the participant is gone. */
export function requireParticipant(db: Database.Database, id: string): void {
  if (!db.prepare('SELECT 1 FROM participants WHERE id = ?').get(id)) throw participantMissing();
}

/** What a list may be narrowed by, already turned into values to compare (the service checks attributes). */
export interface ParticipantWhere {
  staffGroup?: string;
  consent?: string;
  engagementId?: string;
  /** `match`: 'equals' for numbers and choices, 'contains' for text. */
  attribute?: { attributeId: string; value: string; match: 'equals' | 'contains' };
  /** Each word must appear in the code, role, organisation type or region. */
  words?: readonly string[];
}

export function listParticipants(db: Database.Database, filter: ParticipantWhere = {}): ParticipantSummary[] {
  const conditions = new Conditions();
  if (filter.staffGroup) conditions.add('p.staff_group = @staffGroup', { staffGroup: filter.staffGroup });
  if (filter.consent) conditions.add('p.consent = @consent', { consent: filter.consent });
  if (filter.engagementId) {
    conditions.add('EXISTS (SELECT 1 FROM engagement_participants ep WHERE ep.participant_id = p.id AND ep.engagement_id = @engagementId)', {
      engagementId: filter.engagementId,
    });
  }
  if (filter.attribute) {
    const contains = filter.attribute.match === 'contains';
    conditions.add(
      `EXISTS (SELECT 1 FROM participant_attribute_values v
               WHERE v.participant_id = p.id AND v.attribute_id = @attributeId
                 AND ${contains ? likeClause('v.value', 'attributeValue') : 'v.value = @attributeValue'})`,
      { attributeId: filter.attribute.attributeId, attributeValue: contains ? likeAnywhere(filter.attribute.value) : filter.attribute.value },
    );
  }
  (filter.words ?? []).forEach((word, i) => conditions.textIn(['p.code', 'p.role', 'p.organisation_type', 'p.region'], `word${i}`, word));
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM participants p ${conditions.clause} ORDER BY p.number`;
  return (db.prepare(sql).all(conditions.params) as ParticipantSummaryRow[]).map(participantSummaryFromRow);
}

export function getParticipant(db: Database.Database, id: string): Participant {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, p.real_name, p.created_at, p.created_by, p.updated_at FROM participants p WHERE p.id = ?`)
    .get(id) as ParticipantRow | undefined;
  if (!row) throw participantMissing();
  const engagementIds = (
    db
      .prepare(
        `SELECT ep.engagement_id FROM engagement_participants ep JOIN engagements e ON e.id = ep.engagement_id
         WHERE ep.participant_id = ? ORDER BY e.date, e.created_at`,
      )
      .all(id) as { engagement_id: string }[]
  ).map((r) => r.engagement_id);
  return {
    ...participantSummaryFromRow(row),
    realName: row.real_name,
    engagementIds,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/** The highest participant number in the table (0 when empty). */
export function highestNumber(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(max(number), 0) AS highest FROM participants').get() as { highest: number }).highest;
}

/** Every participant with the real name and consent, for the export's consent rules only. */
export function consentRows(db: Database.Database) {
  return db.prepare('SELECT id, code, real_name, staff_group, consent FROM participants ORDER BY number').all() as {
    id: string;
    code: string;
    real_name: string;
    staff_group: ParticipantSummary['staffGroup'];
    consent: ParticipantSummary['consent'];
  }[];
}

export interface NewParticipantRow {
  id: string;
  number: number;
  code: string;
  realName: string;
  staffGroup: string;
  role: string;
  organisationType: string;
  region: string;
  consent: string;
  consentDate: string | null;
}

export function insertParticipant(db: Database.Database, p: NewParticipantRow, reviewerId: string, now: string): void {
  db.prepare(
    `INSERT INTO participants(id, number, code, real_name, staff_group, role, organisation_type, region,
       consent, consent_date, created_at, created_by, updated_at)
     VALUES (@id, @number, @code, @real_name, @staff_group, @role, @organisation_type, @region,
       @consent, @consent_date, @now, @created_by, @now)`,
  ).run({
    id: p.id,
    number: p.number,
    code: p.code,
    real_name: p.realName,
    staff_group: p.staffGroup,
    role: p.role,
    organisation_type: p.organisationType,
    region: p.region,
    consent: p.consent,
    consent_date: p.consentDate,
    now,
    created_by: reviewerId,
  });
}

/** The fields a person can change, by their column. */
const COLUMN_OF = {
  realName: 'real_name',
  staffGroup: 'staff_group',
  role: 'role',
  organisationType: 'organisation_type',
  region: 'region',
  consent: 'consent',
  consentDate: 'consent_date',
} as const;

export type ParticipantChanges = Partial<Record<keyof typeof COLUMN_OF, string | null>>;

/** Change the fields given (undefined: left as it is). */
export function updateParticipantFields(db: Database.Database, id: string, changes: ParticipantChanges, now: string): void {
  const sets: string[] = ['updated_at = @updated_at'];
  const params: Record<string, string | null> = { id, updated_at: now };
  for (const [field, column] of Object.entries(COLUMN_OF) as [keyof typeof COLUMN_OF, string][]) {
    const value = changes[field];
    if (value === undefined) continue;
    sets.push(`${column} = @${column}`);
    params[column] = value;
  }
  if (db.prepare(`UPDATE participants SET ${sets.join(', ')} WHERE id = @id`).run(params).changes === 0) throw participantMissing();
}

export function deleteParticipant(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM participants WHERE id = ?').run(id).changes === 0) throw participantMissing();
}

// engagement_participants

/** Linking what is linked already changes nothing. */
export function linkEngagement(db: Database.Database, participantId: string, engagementId: string): void {
  db.prepare('INSERT OR IGNORE INTO engagement_participants(engagement_id, participant_id) VALUES (?, ?)').run(engagementId, participantId);
}

export function unlinkEngagement(db: Database.Database, participantId: string, engagementId: string): void {
  db.prepare('DELETE FROM engagement_participants WHERE engagement_id = ? AND participant_id = ?').run(engagementId, participantId);
}
