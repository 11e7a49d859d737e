// Helpers for REFI-QDA tests only: a small review workspace with tagged passages, memos and participants.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { NewParticipant } from '../../../shared/domain/participant';
import { documentAnchors } from '../../../shared/note/anchors';
import { textToDocument, type MarkedRange } from '../refi/textDocument';
import { createEngagement } from '../services/engagements';
import { insertNote } from '../services/notes';
import { defineAttribute } from '../services/participantAttributes';
import { createParticipant, linkEngagement } from '../services/participants';
import { createPassages, updatePassage } from '../services/passages';
import { REFI } from './themeFixtures';
import { TEST_REVIEWER, type tempFolders } from './tempWorkspace';

/** A note whose text is `text`, with passages on the given ranges carrying the given themes. */
export function taggedNote(
  db: Database.Database,
  engagementId: string,
  title: string,
  text: string,
  passages: (MarkedRange & { themeIds: string[]; memo?: string })[],
): string {
  return db.transaction(() => {
    const document = textToDocument(text, passages);
    const noteId = insertNote(db, { engagementId, title, document, source: 'typed' }, TEST_REVIEWER.id);
    createPassages(db, noteId, documentAnchors(document), passages.map((p) => ({ id: p.id, themeIds: p.themeIds })), TEST_REVIEWER.id);
    for (const p of passages) if (p.memo) updatePassage(db, { id: p.id, memo: p.memo });
    return noteId;
  })();
}

export function engagement(db: Database.Database, title = 'Moorfields Eye Hospital', extra: Record<string, unknown> = {}): string {
  return createEngagement(db, { title, type: 'site_visit', date: '2018-06-19', place: 'London', organisation: 'Moorfields', ...extra }, TEST_REVIEWER.id).id;
}

export function participant(db: Database.Database, input: Record<string, unknown>): string {
  return createParticipant(db, NewParticipant.parse({ staffGroup: 'nurse', ...input }), TEST_REVIEWER.id).id;
}

export { defineAttribute, linkEngagement };

/** Unzip a .qdpx into a folder with `unzip` (a program we did not write) and validate its project.qde with xmllint. */
export function validateQdpx(folders: ReturnType<typeof tempFolders>, bytes: Uint8Array): { status: number | null; stderr: string; folder: string } {
  const folder = folders.make();
  const file = join(folder, 'export.qdpx');
  writeFileSync(file, bytes);
  const out = join(folder, 'unzipped');
  mkdirSync(out);
  const unzip = spawnSync('unzip', ['-q', file, '-d', out], { encoding: 'utf8' });
  if (unzip.status !== 0) return { status: unzip.status, stderr: unzip.stderr, folder: out };
  const run = spawnSync('xmllint', ['--noout', '--schema', join(REFI, 'Project.xsd'), join(out, 'project.qde')], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, folder: out };
}
