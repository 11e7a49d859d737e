import type Database from 'better-sqlite3';
import type { Reviewer } from '../../../shared/domain/reviewer';

/**
 * Record the reviewer in the workspace, so that whatever they create can name
 * them even after the workspace moves to another laptop.
 */
export function recordReviewer(db: Database.Database, reviewer: Reviewer): void {
  db.prepare(
    `INSERT INTO reviewers(id, name, initials, first_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, initials = excluded.initials`,
  ).run(reviewer.id, reviewer.name, reviewer.initials, new Date().toISOString());
}
