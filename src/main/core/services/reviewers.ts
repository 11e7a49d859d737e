import type Database from 'better-sqlite3';
import type { Reviewer } from '../../../shared/domain/reviewer';
import { setChangeActor } from '../store/changeLog';

/**
 * Record the reviewer in the workspace and make them the one changing it, so that whatever they create can name
 * them even after the workspace moves to another laptop.
 */
export function recordReviewer(db: Database.Database, reviewer: Reviewer, installationId: string | null = null): void {
  // Whatever this connection changes from now on is stamped with them (db/changeTracking.ts).
  setChangeActor(db, reviewer.id, installationId);
  db.prepare(
    `INSERT INTO reviewers(id, name, initials, first_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, initials = excluded.initials`,
  ).run(reviewer.id, reviewer.name, reviewer.initials, new Date().toISOString());
}

/** Everyone who has written in this workspace, in the order they first did. */
export function listReviewers(db: Database.Database): (Reviewer & { firstSeen: string })[] {
  const rows = db.prepare('SELECT id, name, initials, first_seen FROM reviewers ORDER BY first_seen, id').all() as {
    id: string;
    name: string;
    initials: string;
    first_seen: string;
  }[];
  return rows.map((r) => ({ id: r.id, name: r.name, initials: r.initials, firstSeen: r.first_seen }));
}

/** Every reviewer recorded in the workspace, by id, to name who wrote or assessed something. */
export function reviewersById(db: Database.Database): Map<string, Reviewer> {
  const rows = db.prepare('SELECT id, name, initials FROM reviewers').all() as Reviewer[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** A reviewer for display; one whose row is missing (a damaged file) shows by id rather than failing. */
export const reviewerOf = (reviewers: ReadonlyMap<string, Reviewer>, id: string): Reviewer =>
  reviewers.get(id) ?? { id, name: id, initials: '?' };
