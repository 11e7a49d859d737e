import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/main/core/db/migrations';
import { tempFolders, withRawDb } from '../../src/main/core/testing/tempWorkspace';
import { search } from '../../src/main/core/services/search';
import { inspectWorkspace } from '../../src/main/core/workspace/workspace';
import { documentAnchors, sliceCodePoints, speakerAt } from '../../src/shared/note/anchors';
import { reserialize } from '../../src/shared/note/blocksToDocument';
import { apportion, BIG_NOTE_TITLE, generateWorkspace, type GeneratedWorkspace } from './generate';
import { documentFromFrame } from '../../src/shared/note/blocks';
import { joinedBlocks, noteTextSql } from '../../src/main/core/store/noteBlocks';
import { RARE_WORD } from './vocabulary';

const folders = tempFolders();
const SCALE = 0.01;
let made: GeneratedWorkspace;

interface NoteRow {
  id: string;
  title: string;
  document: string;
  plain_text: string;
  word_count: number;
}
interface PassageRow {
  id: string;
  note_id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  detached: number;
  participant_code: string | null;
  tags: number;
}

const read = (path: string) =>
  withRawDb(path, (db) => ({
    // A note's text is its blocks (migration 0015): read whole, as the document and text they make.
    notes: (db.prepare(`SELECT id, title, document AS frame, ${noteTextSql('notes.id')} AS plain_text, word_count FROM notes ORDER BY rowid`).all() as (Omit<NoteRow, 'document'> & { frame: string })[]).map(
      ({ frame, ...n }) => ({ ...n, document: documentFromFrame(frame, joinedBlocks(db, n.id)) }),
    ),
    passages: db
      .prepare(
        `SELECT p.id, p.note_id, p.start_offset, p.end_offset, p.quoted_text, p.detached, pa.code AS participant_code,
           (SELECT count(*) FROM passage_themes t WHERE t.passage_id = p.id) AS tags
         FROM passages p LEFT JOIN participants pa ON pa.id = p.participant_id ORDER BY p.id`,
      )
      .all() as PassageRow[],
  }));

beforeAll(() => {
  made = generateWorkspace(join(folders.make(), 'tiny.fieldnotes'), { seed: 7, scale: SCALE });
});
afterAll(() => folders.cleanup());

describe('generateWorkspace', () => {
  it('builds a workspace that passes the full check, with the counts it reports', () => {
    const inspection = inspectWorkspace(made.path);
    expect(inspection.foreignKeyProblems).toBe(0);
    expect(inspection.info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(inspection.counts.engagements).toBe(made.counts.engagements);
    expect(inspection.counts.reviewers).toBe(6);

    const c = made.counts;
    expect(c.engagementTypes).toBe(6);
    expect(c.themes).toBe(80);
    expect(c.participants).toBe(15);
    expect(c.passages).toBe(400);
    expect(c.words).toBeGreaterThanOrEqual(20_000);
    expect(c.words).toBeLessThan(22_000);
    expect(c.tags).toBeGreaterThan(c.passages);
    expect(c.overlapping).toBeGreaterThan(0);
    expect(c.withParticipant).toBeGreaterThan(c.passages / 2);
    expect(c.memos).toBeGreaterThan(0);
    expect(c.keyQuotes).toBeGreaterThan(0);
    expect(c.notesWithRareWord).toBeGreaterThan(0);
    // Findings for the report (issue 8): with passages, some from people who may not be quoted; recommendations; summaries.
    expect(made.findings.findings).toBe(6);
    expect(made.findings.supportingPassages).toBeGreaterThanOrEqual(18);
    expect(made.findings.recommendations).toBe(14);
    expect(made.findings.cellSummaries).toBeGreaterThan(0);

    const { notes, passages } = read(made.path);
    expect(notes.length).toBe(c.notes);
    expect(notes.reduce((n, note) => n + note.word_count, 0)).toBe(c.words);
    expect(passages.length).toBe(c.passages);
    const overlaps = (a: PassageRow, b: PassageRow) => b.id !== a.id && b.note_id === a.note_id && b.start_offset < a.end_offset && a.start_offset < b.end_offset;
    expect(c.overlapping).toBe(passages.filter((a) => passages.some((b) => overlaps(a, b))).length);
    const big = notes.find((n) => n.title === BIG_NOTE_TITLE)!;
    expect(big.id).toBe(made.bigNote.id);
    expect(big.word_count).toBe(made.bigNote.words);
  });

  it('stores every passage at the offsets its marks give, with the text there', () => {
    const { notes, passages } = read(made.path);
    const byNote = new Map(notes.map((n) => [n.id, { note: n, anchors: documentAnchors(n.document) }]));
    for (const { note, anchors } of byNote.values()) {
      expect(anchors.plainText).toBe(note.plain_text);
      expect(reserialize(note.document)).toBe(note.document); // as the editor itself would write it
    }
    for (const p of passages) {
      const { note, anchors } = byNote.get(p.note_id)!;
      expect(p.quoted_text.length).toBeGreaterThan(0);
      expect(p.quoted_text).toBe(sliceCodePoints(note.plain_text, p.start_offset, p.end_offset));
      expect(anchors.passages.get(p.id)).toEqual({ start: p.start_offset, end: p.end_offset });
      expect(p.detached).toBe(0);
      expect(p.tags).toBeGreaterThan(0);
      // The participant is the speaker of the turn the passage starts in.
      expect(p.participant_code).toBe(speakerAt(anchors.blocks, p.start_offset));
    }
  });

  it('finds its notes and memos by full-text search (the indexes are built after the rows went in)', () => {
    withRawDb(made.path, (db) => {
      const notes = search(db, { query: RARE_WORD, limit: 100 });
      expect(notes.hits.filter((h) => h.kind === 'note')).toHaveLength(made.counts.notesWithRareWord);
      const withMemo = (db.prepare(`SELECT count(*) AS n FROM passages WHERE memo LIKE '%evaluation report%'`).get() as { n: number }).n;
      expect(withMemo).toBeGreaterThan(0);
      const memos = search(db, { query: '"evaluation report"', limit: 1000 });
      expect(memos.hits.filter((h) => h.kind === 'memo')).toHaveLength(withMemo);
    });
  });

  it('builds the same content from the same seed', () => {
    const again = generateWorkspace(join(folders.make(), 'again.fieldnotes'), { seed: 7, scale: SCALE });
    const other = generateWorkspace(join(folders.make(), 'other.fieldnotes'), { seed: 8, scale: SCALE });
    const content = (path: string) => {
      const { notes, passages } = read(path);
      return { texts: notes.map((n) => n.plain_text), quotes: passages.map((p) => [p.id, p.quoted_text, p.participant_code]) };
    };
    expect(content(again.path)).toEqual(content(made.path));
    expect(content(other.path).texts).not.toEqual(content(made.path).texts);
  });
});

describe('apportion', () => {
  it('splits a total exactly, in proportion', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(40_000, [3, 5, 0, 2]).reduce((a, b) => a + b, 0)).toBe(40_000);
    expect(apportion(7, [0, 0])).toEqual([0, 0]);
  });
});
