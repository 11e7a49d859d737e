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
import type { ConsentParticipant } from '../export/consent';
import { canonicalNumber, getAttribute, normaliseAttributeValues, writeAttributeValues } from './participantAttributes';
import { requireEngagement } from '../store/engagements';
import * as store from '../store/participants';
import type { ParticipantWhere } from '../store/participants';
import { nextNumber } from '../store/workspaceMeta';

/** workspace_meta key holding the highest participant number ever assigned (see migration 0003). */
const LAST_NUMBER_KEY = 'participants.last_number';

export function listParticipants(db: Database.Database, filters: ParticipantFilters = {}): ParticipantSummary[] {
  let attribute: ParticipantWhere['attribute'];
  if (filters.attribute) {
    const definition = getAttribute(db, filters.attribute.attributeId);
    // "12.0" finds 12; text that is no number finds nothing rather than failing.
    const value = definition.kind === 'number' ? (canonicalNumber(filters.attribute.value) ?? filters.attribute.value) : filters.attribute.value;
    attribute = { attributeId: definition.id, value, match: definition.kind === 'text' ? 'contains' : 'equals' };
  }
  return store.listParticipants(db, {
    staffGroup: filters.staffGroup,
    consent: filters.consent,
    engagementId: filters.engagementId,
    attribute,
    words: (filters.query ?? '').split(/\s+/).filter(Boolean).slice(0, 10),
  });
}

export const getParticipant = store.getParticipant;

/**
 * The next number: one past the highest ever assigned, so codes of deleted
 * participants are never reused (see migration 0003 for why). The workspace is
 * single-writer (an exclusive lock, one synchronous connection), so reading
 * and writing the counter in one transaction cannot race.
 */
function assignNumber(db: Database.Database, preferred?: number): number {
  return nextNumber(db, LAST_NUMBER_KEY, store.highestNumber(db), preferred);
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
    const row = {
      id,
      number,
      code: formatParticipantCode(number),
      realName: input.realName,
      staffGroup: input.staffGroup,
      role: input.role,
      organisationType: input.organisationType,
      region: input.region,
      consent: input.consent,
      consentDate: input.consentDate,
    };
    store.insertParticipant(db, row, reviewerId, new Date().toISOString());
    writeAttributeValues(db, id, values);
    if (input.engagementId) linkEngagement(db, id, input.engagementId);
    return getParticipant(db, id);
  })();
}

export function updateParticipant(db: Database.Database, input: ParticipantUpdate): Participant {
  return db.transaction(() => {
    store.requireParticipant(db, input.id);
    const values = normaliseAttributeValues(db, input.attributes ?? {});
    store.updateParticipantFields(db, input.id, input, new Date().toISOString());
    writeAttributeValues(db, input.id, values);
    return getParticipant(db, input.id);
  })();
}

export function deleteParticipant(db: Database.Database, id: string): void {
  db.transaction(() => store.deleteParticipant(db, id))();
}

export function linkEngagement(db: Database.Database, participantId: string, engagementId: string): void {
  db.transaction(() => {
    store.requireParticipant(db, participantId);
    requireEngagement(db, engagementId);
    store.linkEngagement(db, participantId, engagementId);
  })();
}

/** Unlinking what is not linked changes nothing and is not an error: the person's intent already holds. */
export function unlinkEngagement(db: Database.Database, participantId: string, engagementId: string): void {
  db.transaction(() => store.unlinkEngagement(db, participantId, engagementId))();
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
  return store
    .consentRows(db).map((r) => ({ id: r.id, code: r.code, realName: r.real_name, staffGroup: r.staff_group, consent: r.consent }));
}
