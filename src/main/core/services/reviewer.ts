import type Database from 'better-sqlite3';
import type { Reviewer } from '../../../shared/domain/reviewer';
import { setChangeActor } from '../store/changeLog';
import { recordReviewer } from '../store/reviewers';

/**
 * The reviewer at this installation begins to work in the workspace: recorded
 * in it, and stamped on every change this connection makes from now on
 * (db/changeTracking.ts).
 */
export function actAs(db: Database.Database, reviewer: Reviewer, installationId: string | null): void {
  recordReviewer(db, reviewer);
  setChangeActor(db, reviewer.id, installationId);
}
