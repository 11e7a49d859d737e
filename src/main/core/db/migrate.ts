import type Database from 'better-sqlite3';
import { installChangeTracking } from './changeTracking';
import { migrations, type Migration } from './migrations';

/** The migration that began change tracking (0010). */
const CHANGE_TRACKING_VERSION = 10;

/**
 * Told of a migration that says what it does (`notice`): before it runs, as it goes (`done` of `total`,
 * when it counts), and after, with its seconds.
 */
export type MigrationReport = (event: { migration: Migration; seconds?: number; done?: number; total?: number }) => void;

/**
 * Bring a workspace up to the newest schema, one migration per transaction,
 * so a failure leaves the file at the last version that completed.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations, report?: MigrationReport): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  for (const migration of list) {
    if (migration.version <= version) continue;
    const began = performance.now();
    if (migration.notice) report?.({ migration });
    db.transaction(() => {
      migration.up(db, migration.notice && report ? (done, total) => report({ migration, done, total }) : undefined);
      // A later migration may add columns to a tracked table: rebuild the triggers so they clock those too.
      if (migration.version > CHANGE_TRACKING_VERSION && list === migrations) installChangeTracking(db);
      // PRAGMA takes no bound parameters; the version is our own integer.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    if (migration.notice) report?.({ migration, seconds: (performance.now() - began) / 1000 });
    version = migration.version;
  }
  return version;
}
