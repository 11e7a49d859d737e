import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  Engagement,
  EngagementFilter,
  EngagementTypeInfo,
  EngagementUpdate,
  NewEngagement,
} from '../../../shared/domain/engagement';
import { FieldnotesError } from '../../../shared/rpc/result';
import * as store from '../store/engagements';

export function listEngagements(db: Database.Database, filter: EngagementFilter = {}): Engagement[] {
  return store.listEngagements(db, filter);
}

export function getEngagement(db: Database.Database, id: string): Engagement {
  return store.getEngagement(db, id);
}

export function createEngagement(db: Database.Database, input: NewEngagement, reviewerId: string): Engagement {
  store.requireEngagementType(db, input.type);
  const id = randomUUID();
  store.insertEngagement(db, id, input, reviewerId, new Date().toISOString());
  return store.getEngagement(db, id);
}

export function updateEngagement(db: Database.Database, input: EngagementUpdate): Engagement {
  store.requireEngagementType(db, input.type);
  store.updateEngagement(db, input.id, input, new Date().toISOString());
  return store.getEngagement(db, input.id);
}

export function deleteEngagement(db: Database.Database, id: string): void {
  store.deleteEngagement(db, id);
}

export function listEngagementTypes(db: Database.Database): EngagementTypeInfo[] {
  return store.listEngagementTypes(db);
}

/** "Webinar (online)" → "webinar_online"; unique within the workspace. */
export function addEngagementType(db: Database.Database, label: string): EngagementTypeInfo {
  if (store.engagementTypeLabelTaken(db, label)) throw new FieldnotesError('CONFLICT', `There is already a type called "${label}".`);
  const base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'type';
  let id = base;
  for (let n = 2; store.engagementTypeIdTaken(db, id); n++) id = `${base}_${n}`;
  store.insertEngagementType(db, { id, label });
  return { id, label, builtin: false };
}
