import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { documentAnchors } from '../../shared/note/anchors';
import { blocksToDocument } from '../../shared/note/blocksToDocument';
import { diffBlocks, splitDocument } from '../../shared/note/blocks';
import { createNoteEditor, insertText, serialize, tagRange } from '../../shared/note/editing';
import { saveNote } from '../core/services/notes';
import { saveNoteBlocks } from '../core/services/noteBlocks';
import { TRAINING, workspaceWithNote } from '../core/testing/noteEdits';
import { sha256, TEST_REVIEWER, tempFolders } from '../core/testing/tempWorkspace';
import { exportQdpxCommand } from './qdpx';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('a read-only export of a file whose last save’s held shift was never written (issue 11)', () => {
  it('reads the passages where their marks are, and changes no byte of the file', async () => {
    const folder = folders.make();
    const texts = ['one training', 'two training', 'three training'];
    const editor = createNoteEditor(blocksToDocument(texts.map((t) => ({ kind: 'paragraph' as const, runs: [{ text: t }] }))));
    const ids = texts.map((_, i) => `00000000-0000-4000-8000-00000000002${i}`);
    let at = 0;
    texts.forEach((t, i) => {
      tagRange(editor, at + t.indexOf('training'), at + t.length, ids[i]!);
      at += t.length + 2;
    });
    const tagged = serialize(editor);
    const w = workspaceWithNote(folder, 'source', { title: 'Roundtable', type: 'roundtable' });
    const crashed = join(folder, 'crashed.fieldnotes');
    try {
      const { db } = w.workspace;
      saveNote(db, { id: w.noteId, document: tagged, baseRevision: 0, createPassages: ids.map((id) => ({ id, themeIds: [TRAINING] })) }, TEST_REVIEWER.id);
      insertText(editor, 0, 'Typed before them all. ');
      const patch = diffBlocks(splitDocument(tagged).blocks, splitDocument(serialize(editor)).blocks)!;
      saveNoteBlocks(db, { id: w.noteId, patch, baseRevision: 1 }, TEST_REVIEWER.id, { holdShift: true });
      // The file as a crash just after the save's answer leaves it: the shift held, the later passages where they were.
      db.prepare('VACUUM INTO ?').run(crashed);
    } finally {
      w.workspace.close();
    }
    const marked = ids.map((id) => documentAnchors(serialize(editor)).passages.get(id)!).map((r) => [r.start, r.end]);
    const raw = new Database(crashed, { readonly: true });
    const storedThere = raw.prepare('SELECT start_offset, end_offset FROM passages ORDER BY start_offset').raw().all();
    expect(raw.prepare("SELECT count(*) FROM workspace_meta WHERE key = 'held passage shift'").pluck().get()).toBe(1);
    raw.close();
    expect(storedThere.slice(1)).not.toEqual(marked.slice(1));

    const before = sha256(crashed);
    const out = join(folder, 'project.qdpx');
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await exportQdpxCommand(crashed, { out }, io as never), lines.join('\n')).toBe(0);
    const qde = strFromU8(unzipSync(readFileSync(out))['project.qde']!);
    const exported = [...qde.matchAll(/<PlainTextSelection[^>]*startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(exported.sort((a, b) => a[0]! - b[0]!)).toEqual(marked);
    expect(sha256(crashed)).toBe(before);
    expect(existsSync(`${crashed}-wal`)).toBe(false);
  });
});
