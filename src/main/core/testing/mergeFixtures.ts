// Two laptops' copies of one workspace, edited apart and merged both ways: the merge tests' helpers. Tests only.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { documentAnchors, sliceCodePoints } from '../../../shared/note/anchors';
import { createNoteEditor, serialize, tagRange } from '../../../shared/note/editing';
import { TRACKED_TABLES } from '../db/changeTracking';
import { mergeInto, type MergeOptions } from '../merge/mergePack';
import { getNote, saveNote } from '../services/notes';
import { actAs } from '../services/reviewer';
import { openWorkspace, type Workspace } from '../workspace/workspace';
import { analysisWorkspace, OTHER_REVIEWER } from './analysisFixtures';
import { fullReview } from './teamFixtures';
import { TEST_REVIEWER, type tempFolders } from './tempWorkspace';

export function forks(folders: ReturnType<typeof tempFolders>) {
  const open: Workspace[] = [];
  /** A copy of a workspace, opened as another laptop would: its own session. */
  const fork = (db: Database.Database, name: string): Workspace => {
    const path = join(folders.make(), `${name}.fieldnotes`);
    db.prepare('VACUUM INTO ?').run(path);
    const w = openWorkspace(path);
    open.push(w);
    return w;
  };
  /** A into B and B into A, each from a copy made before either merge; the reports of both. */
  const mergeBothWays = (a: Workspace, b: Workspace, options?: MergeOptions) => {
    const aCopy = fork(a.db, 'a-copy');
    const bCopy = fork(b.db, 'b-copy');
    return { intoA: mergeInto(a.db, bCopy.db, options), intoB: mergeInto(b.db, aCopy.db, options), aCopy, bCopy };
  };
  /** One review on two laptops: Ada's (a) and Grace's (b), each acting as its own reviewer and installation. */
  const twoLaptops = () => {
    const w = analysisWorkspace(folders);
    const review = fullReview(w);
    const a = fork(w.db, 'ada');
    const b = fork(w.db, 'grace');
    w.close();
    actAs(a.db, TEST_REVIEWER, 'laptop-a');
    actAs(b.db, OTHER_REVIEWER, 'laptop-b');
    return { review, a, b };
  };
  return { fork, mergeBothWays, twoLaptops, closeAll: () => open.splice(0).forEach((w) => w.close()) };
}

/**
 * Waits until the clock has moved on a millisecond, so the next change is stamped later than the last: a change's
 * time is SQLite's to the millisecond, and two changes in one millisecond are ordered by their sessions' random ids.
 * A test that says which of two edits is "the later" calls this between them.
 */
export function laterOnTheClock(): void {
  const now = Date.now();
  while (Date.now() === now) {
    // a millisecond at most
  }
}

/** Everything a person could see, table by table, in a fixed order (passages' own edit times aside: re-anchoring sets them). */
export function content(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const spec of TRACKED_TABLES) {
    const rows = db.prepare(`SELECT * FROM ${spec.table} ORDER BY ${spec.key.join(', ')}`).all() as Record<string, unknown>[];
    // A note's text is its blocks (store/noteBlocks.ts): compared whole, as the document they make.
    out[spec.table] = rows.map((r) =>
      spec.table === 'passages' ? { ...r, updated_at: undefined } : spec.table === 'notes' ? { ...r, document: getNote(db, String(r.id)).document } : r,
    );
  }
  out.tombstones = db.prepare('SELECT table_name, record_id FROM tombstones ORDER BY 1, 2').all();
  return out;
}

/** Edit a note headless as the editor would, save it, and tag `tag` (if given) as a new passage; returns its id. */
export function editNote(db: Database.Database, noteId: string, by: string, edit: (editor: ReturnType<typeof createNoteEditor>) => void, tag?: { words: string; themeIds: string[] }): string | null {
  const note = getNote(db, noteId);
  const editor = createNoteEditor(note.document);
  edit(editor);
  let created: string | null = null;
  if (tag) {
    const text = documentAnchors(serialize(editor)).plainText;
    const start = [...text.slice(0, text.indexOf(tag.words))].length;
    created = randomUUID();
    tagRange(editor, start, start + [...tag.words].length, created);
  }
  saveNote(db, { id: noteId, document: serialize(editor), baseRevision: note.revision, createPassages: created && tag ? [{ id: created, themeIds: tag.themeIds }] : undefined }, by);
  return created;
}

/** Passages whose stored text is not the text under their marks in their note (should be none). */
export function misquoted(db: Database.Database): string[] {
  const wrong: string[] = [];
  const notes = (db.prepare('SELECT id FROM notes').pluck().all() as string[]).map((id) => getNote(db, id));
  const anchorsOf = new Map(notes.map((n) => [n.id, documentAnchors(n.document)]));
  const passages = db.prepare('SELECT id, note_id, quoted_text, detached FROM passages').all() as { id: string; note_id: string; quoted_text: string; detached: number }[];
  for (const p of passages) {
    const anchors = anchorsOf.get(p.note_id);
    const range = anchors?.passages.get(p.id);
    if (p.detached) continue;
    if (!anchors || !range || sliceCodePoints(anchors.plainText, range.start, range.end) !== p.quoted_text) wrong.push(p.id);
  }
  return wrong;
}
