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

interface EngagementRow {
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

const fromRow = (row: EngagementRow): Engagement => ({
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

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped. */
const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Sort orders map to fixed SQL, never to text from the caller. */
const ORDER_BY: Record<NonNullable<EngagementFilter['sort']>, string> = {
  date_desc: 'e.date DESC, e.created_at DESC',
  date_asc: 'e.date ASC, e.created_at ASC',
  title: 'e.title COLLATE NOCASE ASC',
  type: 't.position ASC, e.date DESC',
  organisation: 'e.organisation COLLATE NOCASE ASC, e.date DESC',
};

export function listEngagements(db: Database.Database, filter: EngagementFilter = {}): Engagement[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.types?.length) {
    where.push(`e.type IN (SELECT value FROM json_each(@types))`);
    params.types = JSON.stringify(filter.types);
  }
  if (filter.organisation) {
    where.push(`e.organisation LIKE @organisation ESCAPE '\\'`);
    params.organisation = like(filter.organisation);
  }
  if (filter.from) {
    where.push('e.date >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('e.date <= @to');
    params.to = filter.to;
  }
  if (filter.query) {
    where.push(`(e.title LIKE @query ESCAPE '\\' OR e.place LIKE @query ESCAPE '\\' OR e.organisation LIKE @query ESCAPE '\\')`);
    params.query = like(filter.query);
  }
  const sql = `SELECT e.* FROM engagements e LEFT JOIN engagement_types t ON t.id = e.type
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${ORDER_BY[filter.sort ?? 'date_desc']}`;
  return (db.prepare(sql).all(params) as EngagementRow[]).map(fromRow);
}

export function getEngagement(db: Database.Database, id: string): Engagement {
  const row = db.prepare('SELECT * FROM engagements WHERE id = ?').get(id) as EngagementRow | undefined;
  if (!row) throw new FieldnotesError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.');
  return fromRow(row);
}

function requireType(db: Database.Database, type: string): void {
  if (!db.prepare('SELECT 1 FROM engagement_types WHERE id = ?').get(type)) {
    throw new FieldnotesError('INVALID_INPUT', 'Choose an engagement type from the list, or add a new type first.');
  }
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

export function createEngagement(db: Database.Database, input: NewEngagement, reviewerId: string): Engagement {
  requireType(db, input.type);
  const id = randomUUID();
  db.prepare(
    `INSERT INTO engagements(id, title, type, date, start_time, end_time, place, organisation, panel,
       reviewers_present, context, created_at, created_by)
     VALUES (@id, @title, @type, @date, @start_time, @end_time, @place, @organisation, @panel,
       @reviewers_present, @context, @created_at, @created_by)`,
  ).run({ id, ...rowValues(input), created_at: new Date().toISOString(), created_by: reviewerId });
  return getEngagement(db, id);
}

export function updateEngagement(db: Database.Database, input: EngagementUpdate): Engagement {
  requireType(db, input.type);
  const result = db
    .prepare(
      `UPDATE engagements SET title = @title, type = @type, date = @date, start_time = @start_time,
         end_time = @end_time, place = @place, organisation = @organisation, panel = @panel,
         reviewers_present = @reviewers_present, context = @context, updated_at = @updated_at
       WHERE id = @id`,
    )
    .run({ id: input.id, ...rowValues(input), updated_at: new Date().toISOString() });
  if (result.changes === 0) throw new FieldnotesError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.');
  return getEngagement(db, input.id);
}

export function deleteEngagement(db: Database.Database, id: string): void {
  const result = db.prepare('DELETE FROM engagements WHERE id = ?').run(id);
  if (result.changes === 0) throw new FieldnotesError('NOT_FOUND', 'That engagement no longer exists.');
}

export function listEngagementTypes(db: Database.Database): EngagementTypeInfo[] {
  const rows = db.prepare('SELECT id, label, builtin FROM engagement_types ORDER BY position').all() as {
    id: string;
    label: string;
    builtin: number;
  }[];
  return rows.map((r) => ({ id: r.id, label: r.label, builtin: r.builtin === 1 }));
}

/** "Webinar (online)" → "webinar_online"; unique within the workspace. */
export function addEngagementType(db: Database.Database, label: string): EngagementTypeInfo {
  const existing = db.prepare('SELECT id FROM engagement_types WHERE label = ? COLLATE NOCASE').get(label);
  if (existing) throw new FieldnotesError('CONFLICT', `There is already a type called "${label}".`);
  const base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'type';
  let id = base;
  for (let n = 2; db.prepare('SELECT 1 FROM engagement_types WHERE id = ?').get(id); n++) id = `${base}_${n}`;
  const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM engagement_types').get() as { p: number }).p;
  db.prepare('INSERT INTO engagement_types(id, label, builtin, position) VALUES (?, ?, 0, ?)').run(id, label, position);
  return { id, label, builtin: false };
}
