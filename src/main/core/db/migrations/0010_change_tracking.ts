import { installChangeTracking } from '../changeTracking';
import type { Migration } from './index';

/**
 * Every record says who made and last changed it, when and on which
 * installation, with a version vector and per-field clocks; deletions leave
 * tombstones (issue 10; db/changeTracking.ts says how and why). Nothing users
 * see changes: the columns are added beside the existing ones and filled from
 * them for rows already there.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'change tracking',
  up: (db) => installChangeTracking(db),
};
