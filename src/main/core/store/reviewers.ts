import type Database from 'better-sqlite3';
import type { Reviewer } from '../../../shared/domain/reviewer';

/**
 * `reviewers`: everyone who has written in this workspace, recorded so that
 * whatever they made can name them after the file moves to another laptop.
 */

export type RecordedReviewer = Reviewer & { firstSeen: string };

/** Everyone who has written in this workspace, in the order they first did. */
export function listReviewers(db: Database.Database): RecordedReviewer[] {
  const rows = db.prepare('SELECT id, name, initials, first_seen FROM reviewers ORDER BY first_seen, id').all() as {
    id: string;
    name: string;
    initials: string;
    first_seen: string;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, initials: r.initials, firstSeen: r.first_seen }));
}

/** The same reviewers by id, to name who wrote or assessed something. */
export const reviewersById = (db: Database.Database): Map<string, Reviewer> =>
  new Map(listReviewers(db).map(({ id, name, initials }) => [id, { id, name, initials }]));

/** A reviewer for display; one whose row is missing (a damaged file) shows by id rather than failing. */
export const reviewerOf = (reviewers: ReadonlyMap<string, Reviewer>, id: string): Reviewer =>
  reviewers.get(id) ?? { id, name: id, initials: '?' };

/** The columns of a record that names who made it and who last changed it. */
export interface AuthoredRow {
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Who made a record and who last changed it, and when: the one mapping for findings, recommendations, summaries. */
export const authorship = (row: AuthoredRow, reviewers: ReadonlyMap<string, Reviewer>) => ({
  createdAt: row.created_at,
  createdBy: reviewerOf(reviewers, row.created_by),
  updatedAt: row.updated_at,
  updatedBy: reviewerOf(reviewers, row.updated_by),
});

/** Record the reviewer (or their new name and initials); the first time they were seen stays. */
export function recordReviewer(db: Database.Database, reviewer: Reviewer, now = new Date().toISOString()): void {
  db.prepare(
    `INSERT INTO reviewers(id, name, initials, first_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, initials = excluded.initials`,
  ).run(reviewer.id, reviewer.name, reviewer.initials, now);
}

/** Someone recorded in another workspace being merged in: added if unknown here, as first seen there. */
export function addReviewerIfMissing(db: Database.Database, reviewer: RecordedReviewer): void {
  db.prepare('INSERT INTO reviewers(id, name, initials, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING').run(
    reviewer.id,
    reviewer.name,
    reviewer.initials,
    reviewer.firstSeen,
  );
}
