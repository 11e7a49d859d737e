import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  formatParticipantCode,
  type NewParticipant,
  type Participant,
  type ParticipantFilters,
  type ParticipantSummary,
  type ParticipantUpdate,
} from '../../../shared/domain/participant';
import { FieldnotesError } from '../../../shared/rpc/result';
import type { ConsentParticipant } from '../export/consent';
import { canonicalNumber, getAttribute, normaliseAttributeValues, writeAttributeValues } from './participantAttributes';
import { requireEngagement } from '../store/engagements';

/** workspace_meta key holding the highest participant number ever assigned (see migration 0003). */
const LAST_NUMBER_KEY = 'participants.last_number';

interface SummaryRow {
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

interface DetailRow extends SummaryRow {
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

const summaryFromRow = (row: SummaryRow): ParticipantSummary => ({
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

const notFound = () =>
  new FieldnotesError('NOT_FOUND', 'That participant no longer exists. It may have been deleted; reload the list.');

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listParticipants(db: Database.Database, filters: ParticipantFilters = {}): ParticipantSummary[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filters.staffGroup) {
    where.push('p.staff_group = @staffGroup');
    params.staffGroup = filters.staffGroup;
  }
  if (filters.consent) {
    where.push('p.consent = @consent');
    params.consent = filters.consent;
  }
  if (filters.engagementId) {
    where.push(
      'EXISTS (SELECT 1 FROM engagement_participants ep WHERE ep.participant_id = p.id AND ep.engagement_id = @engagementId)',
    );
    params.engagementId = filters.engagementId;
  }
  if (filters.attribute) {
    const attribute = getAttribute(db, filters.attribute.attributeId);
    let test = 'v.value = @attributeValue';
    let value = filters.attribute.value;
    if (attribute.kind === 'text') {
      test = "v.value LIKE @attributeValue ESCAPE '\\'";
      value = escapeLike(value);
    } else if (attribute.kind === 'number') {
      // "12.0" finds 12; text that is no number finds nothing rather than failing.
      value = canonicalNumber(value) ?? value;
    }
    where.push(
      `EXISTS (SELECT 1 FROM participant_attribute_values v
               WHERE v.participant_id = p.id AND v.attribute_id = @attributeId AND ${test})`,
    );
    params.attributeId = attribute.id;
    params.attributeValue = value;
  }
  const words = (filters.query ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  words.forEach((word, i) => {
    const fields = ['p.code', 'p.role', 'p.organisation_type', 'p.region'];
    where.push(`(${fields.map((f) => `${f} LIKE @word${i} ESCAPE '\\'`).join(' OR ')})`);
    params[`word${i}`] = escapeLike(word);
  });
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM participants p
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.number`;
  return (db.prepare(sql).all(params) as SummaryRow[]).map(summaryFromRow);
}

export function getParticipant(db: Database.Database, id: string): Participant {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, p.real_name, p.created_at, p.created_by, p.updated_at FROM participants p WHERE p.id = ?`,
    )
    .get(id) as DetailRow | undefined;
  if (!row) throw notFound();
  const engagementIds = (
    db
      .prepare(
        `SELECT ep.engagement_id FROM engagement_participants ep JOIN engagements e ON e.id = ep.engagement_id
         WHERE ep.participant_id = ? ORDER BY e.date, e.created_at`,
      )
      .all(id) as { engagement_id: string }[]
  ).map((r) => r.engagement_id);
  return {
    ...summaryFromRow(row),
    realName: row.real_name,
    engagementIds,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/**
 * The next number: one past the highest ever assigned, so codes of deleted
 * participants are never reused (see migration 0003 for why). The workspace is
 * single-writer (an exclusive lock, one synchronous connection), so reading
 * and writing the counter in one transaction cannot race.
 */
function assignNumber(db: Database.Database, preferred?: number): number {
  const meta = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(LAST_NUMBER_KEY) as
    | { value: string }
    | undefined;
  const { highest } = db.prepare('SELECT coalesce(max(number), 0) AS highest FROM participants').get() as {
    highest: number;
  };
  const last = Math.max(Number(meta?.value) || 0, highest);
  const next = preferred && Number.isSafeInteger(preferred) && preferred > last ? preferred : last + 1;
  db.prepare(
    'INSERT INTO workspace_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(LAST_NUMBER_KEY, String(next));
  return next;
}

/**
 * `preferredNumber`: an importer keeping the code a person had in the file it
 * reads ("P014"), so speaker turns in imported notes still name them. Given
 * only when higher than any number ever assigned here (see assignNumber).
 */
export function createParticipant(db: Database.Database, input: NewParticipant, reviewerId: string, preferredNumber?: number): Participant {
  return db.transaction(() => {
    if (input.engagementId) requireEngagement(db, input.engagementId);
    const values = normaliseAttributeValues(db, input.attributes);
    const number = assignNumber(db, preferredNumber);
    const id = randomUUID();
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO participants(id, number, code, real_name, staff_group, role, organisation_type, region,
         consent, consent_date, created_at, created_by, updated_at)
       VALUES (@id, @number, @code, @real_name, @staff_group, @role, @organisation_type, @region,
         @consent, @consent_date, @now, @created_by, @now)`,
    ).run({
      id,
      number,
      code: formatParticipantCode(number),
      real_name: input.realName,
      staff_group: input.staffGroup,
      role: input.role,
      organisation_type: input.organisationType,
      region: input.region,
      consent: input.consent,
      consent_date: input.consentDate,
      now,
      created_by: reviewerId,
    });
    writeAttributeValues(db, id, values);
    if (input.engagementId) linkEngagement(db, id, input.engagementId);
    return getParticipant(db, id);
  })();
}

const columnOf = {
  realName: 'real_name',
  staffGroup: 'staff_group',
  role: 'role',
  organisationType: 'organisation_type',
  region: 'region',
  consent: 'consent',
  consentDate: 'consent_date',
} as const;

export function updateParticipant(db: Database.Database, input: ParticipantUpdate): Participant {
  return db.transaction(() => {
    getParticipant(db, input.id);
    const values = normaliseAttributeValues(db, input.attributes ?? {});
    const sets: string[] = ['updated_at = @updated_at'];
    const params: Record<string, string | null> = { id: input.id, updated_at: new Date().toISOString() };
    for (const [field, column] of Object.entries(columnOf) as [keyof typeof columnOf, string][]) {
      const value = input[field];
      if (value === undefined) continue;
      sets.push(`${column} = @${column}`);
      params[column] = value;
    }
    db.prepare(`UPDATE participants SET ${sets.join(', ')} WHERE id = @id`).run(params);
    writeAttributeValues(db, input.id, values);
    return getParticipant(db, input.id);
  })();
}

export function deleteParticipant(db: Database.Database, id: string): void {
  db.transaction(() => {
    const { changes } = db.prepare('DELETE FROM participants WHERE id = ?').run(id);
    if (changes === 0) throw notFound();
  })();
}

export function linkEngagement(db: Database.Database, participantId: string, engagementId: string): void {
  db.transaction(() => {
    getParticipant(db, participantId);
    requireEngagement(db, engagementId);
    db.prepare('INSERT OR IGNORE INTO engagement_participants(engagement_id, participant_id) VALUES (?, ?)').run(
      engagementId,
      participantId,
    );
  })();
}

/** Unlinking what is not linked changes nothing and is not an error: the person's intent already holds. */
export function unlinkEngagement(db: Database.Database, participantId: string, engagementId: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM engagement_participants WHERE engagement_id = ? AND participant_id = ?').run(
      engagementId,
      participantId,
    );
  })();
}

export function participantsForEngagement(db: Database.Database, engagementId: string): ParticipantSummary[] {
  requireEngagement(db, engagementId);
  return listParticipants(db, { engagementId });
}

/**
 * Every participant with the real name and consent, for the export's consent
 * rules only (export/consent.ts): they replace recorded names in exported text
 * and decide who may be quoted. Nothing shown in a list reads this.
 */
export function listConsentParticipants(db: Database.Database): ConsentParticipant[] {
  const rows = db
    .prepare('SELECT id, code, real_name, staff_group, consent FROM participants ORDER BY number')
    .all() as { id: string; code: string; real_name: string; staff_group: ConsentParticipant['staffGroup']; consent: ConsentParticipant['consent'] }[];
  return rows.map((r) => ({ id: r.id, code: r.code, realName: r.real_name, staffGroup: r.staff_group, consent: r.consent }));
}
