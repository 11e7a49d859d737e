import type Database from 'better-sqlite3';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_capture';
import { migration0003 } from './0003_participants';
import { migration0004 } from './0004_files';

export interface Migration {
  /** Becomes PRAGMA user_version once applied. Strictly increasing, never reused. */
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
