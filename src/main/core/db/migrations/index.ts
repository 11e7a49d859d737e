import type Database from 'better-sqlite3';
import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_capture';
import { migration0003 } from './0003_participants';
import { migration0004 } from './0004_files';
import { migration0005 } from './0005_themes';
import { migration0006 } from './0006_passages';
import { migration0007 } from './0007_search';
import { migration0008 } from './0008_secure_delete';
import { migration0009 } from './0009_findings';
import { migration0010 } from './0010_change_tracking';
import { migration0011 } from './0011_analysis_changes';
import { migration0012 } from './0012_passage_moves';
import { migration0013 } from './0013_merge_history';
import { migration0014 } from './0014_note_speakers';
import { migration0015 } from './0015_note_blocks';
import { migration0016 } from './0016_block_lengths';
import { migration0017 } from './0017_cjk_words';

export interface Migration {
  /** Becomes PRAGMA user_version once applied. Strictly increasing, never reused. */
  version: number;
  name: string;
  /** What it does, for a person waiting, when it can take more than a moment on a large workspace. */
  notice?: string;
  /** `progress`, where a long one can say how far it is (notes done of all), for the page's "N of M". */
  up: (db: Database.Database, progress?: (done: number, total: number) => void) => void;
}

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
