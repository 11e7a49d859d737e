import type Database from 'better-sqlite3';
import type { Engagement, EngagementFilter, EngagementTypeInfo, NewEngagement } from '../../../shared/domain/engagement';
import { FieldnotesError } from '../../../shared/rpc/result';
import { engagementConditions } from './analysisFilter';
import { Conditions } from './sql';

/** The `engagements` table and its family, `engagement_types`. */

export interface EngagementRow {
  id: string;
  title: string;
  type: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  place: string;
  organisation: string;
  panel: string;
  reviewers_present: string;
  context: string;
  created_at: string;
  created_by: string;
  updated_at: string | null;
}

export const ENGAGEMENT_COLUMNS =
  'id, title, type, date, start_time, end_time, place, organisation, panel, reviewers_present, context, created_at, created_by, updated_at';

export const engagementFromRow = (row: EngagementRow): Engagement => ({
  id: row.id,
  title: row.title,
  type: row.type,
  date: row.date,
  startTime: row.start_time,
  endTime: row.end_time,
  place: row.place,
  organisation: row.organisation,
  panel: row.panel,
  reviewersPresent: JSON.parse(row.reviewers_present) as string[],
  context: row.context,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
});

export const engagementMissing = (): FieldnotesError =>
  new FieldnotesError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted in another window.');

export function engagementExists(db: Database.Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM engagements WHERE id = ?').get(id) !== undefined;
}

/** Refuse with the one message when the engagement is gone. */
export function requireEngagement(db: Database.Database, id: string): void {
  if (!engagementExists(db, id)) throw engagementMissing();
}

export function getEngagement(db: Database.Database, id: string): Engagement {
  const row = db.prepare(`SELECT ${ENGAGEMENT_COLUMNS} FROM engagements WHERE id = ?`).get(id) as EngagementRow | undefined;
  if (!row) throw engagementMissing();
  return engagementFromRow(row);
}

/** Sort orders map to fixed SQL, never to text from the caller. */
const ORDER_BY: Record<NonNullable<EngagementFilter['sort']>, string> = {
  date_desc: 'e.date DESC, e.created_at DESC',
  date_asc: 'e.date ASC, e.created_at ASC',
  title: 'e.title COLLATE NOCASE ASC',
  type: 't.position ASC, e.date DESC',
  organisation: 'e.organisation COLLATE NOCASE ASC, e.date DESC',
};

export function listEngagements(db: Database.Database, filter: EngagementFilter = {}): Engagement[] {
  const conditions = new Conditions(
    engagementConditions({ engagementTypes: filter.types, organisation: filter.organisation, from: filter.from, to: filter.to }),
  );
  if (filter.query) conditions.textIn(['e.title', 'e.place', 'e.organisation'], 'query', filter.query);
  const columns = ENGAGEMENT_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ');
  const sql = `SELECT ${columns} FROM engagements e LEFT JOIN engagement_types t ON t.id = e.type
    ${conditions.clause}
    ORDER BY ${ORDER_BY[filter.sort ?? 'date_desc']}`;
  return (db.prepare(sql).all(conditions.params) as EngagementRow[]).map(engagementFromRow);
}

function rowValues(input: NewEngagement) {
  return {
    title: input.title,
    type: input.type,
    date: input.date,
    start_time: input.startTime ?? null,
    end_time: input.endTime ?? null,
    place: input.place ?? '',
    organisation: input.organisation ?? '',
    panel: input.panel ?? '',
    reviewers_present: JSON.stringify(input.reviewersPresent ?? []),
    context: input.context ?? '',
  };
}

export function insertEngagement(db: Database.Database, id: string, input: NewEngagement, createdBy: string, createdAt: string): void {
  db.prepare(
    `INSERT INTO engagements(id, title, type, date, start_time, end_time, place, organisation, panel,
       reviewers_present, context, created_at, created_by)
     VALUES (@id, @title, @type, @date, @start_time, @end_time, @place, @organisation, @panel,
       @reviewers_present, @context, @created_at, @created_by)`,
  ).run({ id, ...rowValues(input), created_at: createdAt, created_by: createdBy });
}

export function updateEngagement(db: Database.Database, id: string, input: NewEngagement, updatedAt: string): void {
  const result = db
    .prepare(
      `UPDATE engagements SET title = @title, type = @type, date = @date, start_time = @start_time,
         end_time = @end_time, place = @place, organisation = @organisation, panel = @panel,
         reviewers_present = @reviewers_present, context = @context, updated_at = @updated_at
       WHERE id = @id`,
    )
    .run({ id, ...rowValues(input), updated_at: updatedAt });
  if (result.changes === 0) throw engagementMissing();
}

export function deleteEngagement(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM engagements WHERE id = ?').run(id).changes === 0) throw engagementMissing();
}

// engagement_types

export function requireEngagementType(db: Database.Database, type: string): void {
  if (!db.prepare('SELECT 1 FROM engagement_types WHERE id = ?').get(type)) {
    throw new FieldnotesError('INVALID_INPUT', 'Choose an engagement type from the list, or add a new type first.');
  }
}

export function listEngagementTypes(db: Database.Database): EngagementTypeInfo[] {
  const rows = db.prepare('SELECT id, label, builtin FROM engagement_types ORDER BY position').all() as {
    id: string;
    label: string;
    builtin: number;
  }[];
  return rows.map((r) => ({ id: r.id, label: r.label, builtin: r.builtin === 1 }));
}

export function engagementTypeLabelTaken(db: Database.Database, label: string): boolean {
  return db.prepare('SELECT 1 FROM engagement_types WHERE label = ? COLLATE NOCASE').get(label) !== undefined;
}

export function engagementTypeIdTaken(db: Database.Database, id: string): boolean {
  return db.prepare('SELECT 1 FROM engagement_types WHERE id = ?').get(id) !== undefined;
}

/** Appended after the last type. */
export function insertEngagementType(db: Database.Database, type: { id: string; label: string }): void {
  db.prepare(
    `INSERT INTO engagement_types(id, label, builtin, position)
     VALUES (?, ?, 0, (SELECT coalesce(max(position), 0) + 1 FROM engagement_types))`,
  ).run(type.id, type.label);
}
