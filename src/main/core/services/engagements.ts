import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Engagement, NewEngagement } from '../../../shared/domain/engagement';

interface EngagementRow {
  id: string;
  title: string;
  type: Engagement['type'];
  date: string;
  created_at: string;
  created_by: string;
}

const fromRow = (row: EngagementRow): Engagement => ({
  id: row.id,
  title: row.title,
  type: row.type,
  date: row.date,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export function listEngagements(db: Database.Database): Engagement[] {
  const rows = db
    .prepare('SELECT * FROM engagements ORDER BY date DESC, created_at DESC')
    .all() as EngagementRow[];
  return rows.map(fromRow);
}

export function createEngagement(
  db: Database.Database,
  input: NewEngagement,
  reviewerId: string,
): Engagement {
  const row: EngagementRow = {
    id: randomUUID(),
    title: input.title,
    type: input.type,
    date: input.date,
    created_at: new Date().toISOString(),
    created_by: reviewerId,
  };
  db.prepare(
    'INSERT INTO engagements(id, title, type, date, created_at, created_by) VALUES (@id, @title, @type, @date, @created_at, @created_by)',
  ).run(row);
  return fromRow(row);
}
