// Helpers for codebook tests only: a real workspace file, and passages written
// straight into it (the passages service has its own tests).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { emptyDocument } from '../../../shared/note/blocksToDocument';
import { createEngagement } from '../services/engagements';
import { insertNote } from '../services/notes';
import { createTheme } from '../services/themes';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { PROJECT_ROOT, TEST_REVIEWER, type tempFolders } from './tempWorkspace';

export function themeWorkspace(folders: ReturnType<typeof tempFolders>, name = 'Codebook test'): Workspace {
  return createWorkspace(join(folders.make(), 'codebook.fieldnotes'), { name, createdBy: TEST_REVIEWER });
}

/** Create a theme by name under a parent; returns its id. */
export function theme(db: Database.Database, name: string, parentId: string | null = null): string {
  return createTheme(db, { name, parentId }, TEST_REVIEWER.id).id;
}

/** A note to hang passages on. */
export function noteFor(db: Database.Database): string {
  const engagement = createEngagement(db, { title: 'Moorfields', type: 'site_visit', date: '2018-06-19' }, TEST_REVIEWER.id);
  return insertNote(db, { engagementId: engagement.id, title: 'Notes', document: emptyDocument(), source: 'typed' }, TEST_REVIEWER.id);
}

/** A passage tagged with the given themes; returns its id. */
export function passage(db: Database.Database, noteId: string, themeIds: string[]): string {
  const id = randomUUID();
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO passages(id, note_id, start_offset, end_offset, quoted_text, created_at, created_by, updated_at)
     VALUES (?, ?, 0, 5, 'hello', ?, ?, ?)`,
  ).run(id, noteId, now, TEST_REVIEWER.id, now);
  const tag = db.prepare('INSERT INTO passage_themes(passage_id, theme_id, tagged_at, tagged_by) VALUES (?, ?, ?, ?)');
  for (const themeId of themeIds) tag.run(id, themeId, now, TEST_REVIEWER.id);
  return id;
}

export const tagsOf = (db: Database.Database, passageId: string): string[] =>
  (db.prepare('SELECT theme_id FROM passage_themes WHERE passage_id = ? ORDER BY theme_id').all(passageId) as { theme_id: string }[]).map(
    (r) => r.theme_id,
  );

export const passageExists = (db: Database.Database, passageId: string): boolean =>
  Boolean(db.prepare('SELECT 1 FROM passages WHERE id = ?').get(passageId));

/** The codebook as an indented outline of names, for asserting a tree at a glance. */
export function outline(db: Database.Database): string[] {
  const rows = db.prepare('SELECT id, parent_id, name, position FROM themes ORDER BY position').all() as {
    id: string;
    parent_id: string | null;
    name: string;
  }[];
  const out: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const row of rows.filter((r) => r.parent_id === parent)) {
      out.push(`${'  '.repeat(depth)}${row.name}`);
      walk(row.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The REFI-QDA schemas and sample exports shared by the team. */
export const REFI = join(PROJECT_ROOT, '../shared/refi');

/** Validate with a program we did not write: xmllint against a REFI-QDA schema. */
export function xmllint(
  folders: ReturnType<typeof tempFolders>,
  xml: string,
  schema = 'Codebook.xsd',
): { status: number | null; stderr: string } {
  const file = join(folders.make(), 'codebook.qdc');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', join(REFI, schema), file], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}
