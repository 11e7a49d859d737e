import type Database from 'better-sqlite3';
import type { FindingSources } from './sources';

/** Findings, recommendations and the matrix from the findings services (issue 8). */
export function readFindingSources(_db: Database.Database): FindingSources {
  return { findings: [], recommendations: [], matrix: null };
}
