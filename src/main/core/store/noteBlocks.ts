import type Database from 'better-sqlite3';
import { blockStartsOfLengths } from '../../../shared/note/blocks';
import { indexedText } from './indexedText';

/**
 * The `note_blocks` table (migration 0015): a note's text, one row per top-level block — its JSON as the
 * editor serialises it and its plain text — so an autosave writes the blocks it changed, not the note.
 * `seq` orders a note's blocks, with gaps: a block inserted between two others takes a number between
 * theirs, and only when none is left are the note's blocks numbered afresh. `indexed` is the text as the
 * full-text index holds it, CJK letters apart (indexedText.ts; NULL when that is the text). Its full-text index
 * (`note_blocks_fts`) and the analysis change log follow the rows by triggers, so no write here names them.
 */

export interface StoredBlock {
  /** The block's JSON, exactly as the document holds it. */
  block: string;
  /** Its plain text, as `blockAnchors` reads it. */
  text: string;
}

/** A note's blocks in order, with the `seq` of each. */
export interface BlockRows {
  seqs: number[];
  blocks: string[];
}

/** Numbers between neighbours; a whole note is numbered in these steps. */
const STEP = 1024;

/**
 * A block's id is its note's rowid times this, plus a number within the note (1, 2, … as blocks are made),
 * so search groups the full-text index's rows into notes by their rowids alone (migration 0015).
 */
export const BLOCKS_PER_NOTE = 2 ** 24;


const noteRowid = (db: Database.Database, noteId: string): number => db.prepare('SELECT rowid FROM notes WHERE id = ?').pluck().get(noteId) as number;

/** SQL for the whole plain text of the note whose id is `noteId` (an SQL expression): its blocks' texts a blank line apart. */
export const noteTextSql = (noteId: string): string =>
  `(SELECT coalesce(group_concat(b.text, char(10, 10) ORDER BY b.seq), '') FROM note_blocks b WHERE b.note_id = ${noteId})`;

export function blockRows(db: Database.Database, noteId: string): BlockRows {
  const rows = db.prepare('SELECT seq, block FROM note_blocks WHERE note_id = ? ORDER BY seq').raw().all(noteId) as [number, string][];
  return { seqs: rows.map((r) => r[0]), blocks: rows.map((r) => r[1]) };
}

/** The blocks' JSON joined by commas, as the document holds them: one string from SQLite rather than thousands of rows. */
export function joinedBlocks(db: Database.Database, noteId: string): string {
  return db.prepare(`SELECT coalesce(group_concat(block, ',' ORDER BY seq), '') FROM note_blocks WHERE note_id = ?`).pluck().get(noteId) as string;
}

/** The plain text of a set of notes by id. */
export function noteTexts(db: Database.Database, ids: readonly string[]): Map<string, string> {
  const rows = db
    .prepare(`SELECT n.value AS id, ${noteTextSql('n.value')} AS text FROM json_each(?) n`)
    .all(JSON.stringify(ids)) as { id: string; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** A top-level block of a note: where it starts in the note's plain text (code points) and its JSON. */
export interface BlockAt {
  start: number;
  block: string;
}

/**
 * The top-level block holding each of these code-point offsets of a note's text (blocks a blank line apart), without
 * reading the note: the blocks' lengths come from the index `note_blocks_lengths` (migration 0016; a block holding a
 * NUL, where length() stops, is read and counted), then only the blocks found are read. An offset past the text has
 * none.
 */
export function blocksAt(db: Database.Database, noteId: string, offsets: readonly number[]): Map<number, BlockAt> {
  const found = new Map<number, BlockAt>();
  if (offsets.length === 0) return found;
  const rows = db
    .prepare('SELECT id, length(text), instr(text, char(0)) FROM note_blocks INDEXED BY note_blocks_lengths WHERE note_id = ? ORDER BY seq')
    .raw()
    .all(noteId) as [number, number, number][];
  const withNul = rows.filter(([, , nul]) => nul > 0).map(([id]) => id);
  const counted = new Map<number, number>();
  if (withNul.length > 0) {
    const texts = db.prepare('SELECT id, text FROM note_blocks WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(withNul)) as [number, string][];
    for (const [id, text] of texts) counted.set(id, [...text].length);
  }
  const lengths = rows.map(([id, length]) => counted.get(id) ?? length);
  const starts = blockStartsOfLengths(lengths);
  const wanted = new Map<number, number[]>();
  for (const offset of new Set(offsets)) {
    const i = lastAtOrBefore(starts, offset);
    if (i < 0 || offset > starts[i]! + lengths[i]!) continue;
    const list = wanted.get(i);
    if (list) list.push(offset);
    else wanted.set(i, [offset]);
  }
  if (wanted.size === 0) return found;
  const ids = [...wanted.keys()].map((i) => rows[i]![0]);
  const blocks = new Map(
    db.prepare('SELECT id, block FROM note_blocks WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string][],
  );
  for (const [i, list] of wanted) {
    const block = blocks.get(rows[i]![0])!;
    for (const offset of list) found.set(offset, { start: starts[i]!, block });
  }
  return found;
}

/** The index of the last value at or before `x` in ascending `values`, or -1. */
function lastAtOrBefore(values: readonly number[], x: number): number {
  let low = 0;
  let high = values.length - 1;
  let best = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= x) {
      best = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

/**
 * A note's blocks replaced whole (a new note, an import, a merged text). A new note's rows go in by one
 * statement: FTS5 writes out the terms it holds in memory at the end of every statement, so a row-by-row
 * insert (each firing the index trigger) made a segment per block: storing a 5 MB import's 41,000 blocks
 * cost 1.6 s of CPU that way, 0.9 s in one statement (bench/import.bench.ts). json_each gives SQLite the
 * same text byte for byte as binding each string would. A note that has blocks keeps the ones that did
 * not change (`spliceBlocks`): a merged text differs from the stored one in a few paragraphs.
 */
export function writeBlocks(db: Database.Database, noteId: string, blocks: readonly StoredBlock[]): void {
  const current = blockRows(db, noteId);
  if (current.seqs.length) {
    spliceBlocks(db, noteId, current.seqs, { start: 0, removed: current.seqs.length }, blocks, current.blocks);
    return;
  }
  if (!blocks.length) return;
  db.prepare(
    `INSERT INTO note_blocks(id, note_id, seq, block, text, indexed)
     SELECT @base + key + 1, @noteId, (key + 1) * ${STEP}, value ->> '$[0]', value ->> '$[1]', value ->> '$[2]' FROM json_each(@blocks)`,
  ).run({ base: noteRowid(db, noteId) * BLOCKS_PER_NOTE, noteId, blocks: JSON.stringify(blocks.map((b) => [b.block, b.text, indexedText(b.text)])) });
}

/**
 * Pairs of a removed and an inserted block with the same JSON, in order in both, so those rows stay as
 * they are. Only blocks that occur once among the removed ones pair up (an empty paragraph repeated
 * throughout would pair the first inserted one with a far one and lose the pairs before it); each pairs
 * with the first inserted block after the last pair that equals it.
 */
function unchangedPairs(removed: readonly string[], inserted: readonly StoredBlock[]): [number, number][] {
  const once = new Map<string, number>();
  removed.forEach((block, i) => once.set(block, once.has(block) ? -1 : i));
  const pairs: [number, number][] = [];
  let lastRemoved = -1;
  inserted.forEach((b, j) => {
    const i = once.get(b.block);
    if (i !== undefined && i > lastRemoved) {
      pairs.push([i, j]);
      lastRemoved = i;
    }
  });
  return pairs;
}

/**
 * Replace `removed` blocks from index `start` with `inserted`, given the note's current `seqs` (and the
 * removed blocks' JSON, when the caller has it): a block that is among both stays as it is, its row and
 * index entry untouched; between those, as many as both have are changed in place, the rest deleted or
 * inserted between their neighbours. Returns the note's seqs after it.
 *
 * Why keep the unchanged ones: each block whose text changes costs its index entry's removal, which with
 * FTS5's secure-delete (migration 0008: deleted words leave the file at once) rewrites the index pages
 * holding its words. A splice that spans mostly unchanged blocks (a paragraph added at the top and one
 * edited at the end of a 5,000-block note, paired by place, rewrote all 5,000: 6.1 s at load 4; now 28 ms)
 * or a merged text (314 → 34 ms) writes only the blocks that differ.
 */
export function spliceBlocks(
  db: Database.Database,
  noteId: string,
  seqs: readonly number[],
  patch: { start: number; removed: number },
  inserted: readonly StoredBlock[],
  removedBlocks?: readonly string[],
): number[] {
  const { start, removed } = patch;
  if (Math.min(removed, inserted.length) < 2) return spliceRows(db, noteId, seqs, patch, inserted);
  const old =
    removedBlocks ??
    (db
      .prepare('SELECT block FROM note_blocks WHERE note_id = ? AND seq IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .pluck()
      .all(noteId, JSON.stringify(seqs.slice(start, start + removed))) as string[]);
  // The gaps between unchanged blocks, replaced from the last to the first, so the earlier ones' places hold.
  const pairs: [number, number][] = [[-1, -1], ...unchangedPairs(old, inserted), [removed, inserted.length]];
  let after = [...seqs];
  const same = (i: number, j: number) => old[i] === inserted[j]!.block;
  for (let k = pairs.length - 1; k > 0; k--) {
    // Within a gap, the blocks equal at its two ends stay too (repeated blocks are no pair's anchor).
    let [i0, j0] = pairs[k - 1]!;
    let [i1, j1] = pairs[k]!;
    while (i0 + 1 < i1 && j0 + 1 < j1 && same(i0 + 1, j0 + 1)) [i0, j0] = [i0 + 1, j0 + 1];
    while (i1 - 1 > i0 && j1 - 1 > j0 && same(i1 - 1, j1 - 1)) [i1, j1] = [i1 - 1, j1 - 1];
    if (i1 - i0 - 1 === 0 && j1 - j0 - 1 === 0) continue;
    after = spliceRows(db, noteId, after, { start: start + i0 + 1, removed: i1 - i0 - 1 }, inserted.slice(j0 + 1, j1));
  }
  return after;
}

/**
 * Up to this many changed blocks are updated in place, one statement each; more are deleted in one
 * statement and inserted in another. Each update's trigger takes the old text out of the index and puts
 * the new in, and interleaved like that FTS5's secure-delete rewrites the index block by block: replacing
 * 5,000 blocks that way took 5.8 s (4.8 s CPU, load 4), one delete then one insert 0.5 s (0.3 s CPU).
 */
const IN_PLACE = 8;

/** `spliceBlocks` without looking for unchanged blocks: pairs by place. */
function spliceRows(
  db: Database.Database,
  noteId: string,
  seqs: readonly number[],
  patch: { start: number; removed: number },
  inserted: readonly StoredBlock[],
): number[] {
  const { start, removed } = patch;
  const paired = Math.min(removed, inserted.length);
  const inPlace = paired > IN_PLACE ? 0 : paired;
  const update = db.prepare('UPDATE note_blocks SET block = ?, text = ?, indexed = ? WHERE note_id = ? AND seq = ?');
  for (let i = 0; i < inPlace; i++) update.run(inserted[i]!.block, inserted[i]!.text, indexedText(inserted[i]!.text), noteId, seqs[start + i]!);
  if (removed > inPlace) {
    db.prepare('DELETE FROM note_blocks WHERE note_id = ? AND seq IN (SELECT value FROM json_each(?))').run(
      noteId,
      JSON.stringify(seqs.slice(start + inPlace, start + removed)),
    );
  }
  let after = [...seqs.slice(0, start + inPlace), ...seqs.slice(start + removed)];
  const extra = inserted.length - inPlace;
  if (extra === 0) return after;
  const at = start + inPlace;
  let lower = at > 0 ? after[at - 1]! : 0;
  let upper = at < after.length ? after[at]! : lower + STEP * (extra + 1);
  if ((upper - lower) / (extra + 1) < 1) {
    after = renumber(db, noteId, after, at, extra);
    lower = at > 0 ? after[at - 1]! : 0;
    upper = at < after.length ? after[at]! : lower + STEP * (extra + 1);
  }
  const gap = (upper - lower) / (extra + 1);
  const ids = newBlockIds(db, noteId, extra);
  const made = Array.from({ length: extra }, (_, k) => Math.floor(lower + gap * (k + 1)));
  // One statement, as writeBlocks: the index takes the new rows' words in one segment.
  db.prepare(
    `INSERT INTO note_blocks(id, note_id, seq, block, text, indexed)
     SELECT @ids + key, @noteId, value ->> '$[0]', value ->> '$[1]', value ->> '$[2]', value ->> '$[3]' FROM json_each(@rows)`,
  ).run({
    ids,
    noteId,
    rows: JSON.stringify(made.map((seq, k) => [seq, inserted[inPlace + k]!.block, inserted[inPlace + k]!.text, indexedText(inserted[inPlace + k]!.text)])),
  });
  return [...after.slice(0, at), ...made, ...after.slice(at)];
}

/** The note's blocks numbered afresh in steps, leaving room for `room` blocks before index `at`. */
function renumber(db: Database.Database, noteId: string, seqs: readonly number[], at: number, room: number): number[] {
  // Through negative numbers, so no two rows hold one seq on the way.
  db.prepare('UPDATE note_blocks SET seq = -seq WHERE note_id = ?').run(noteId);
  const move = db.prepare('UPDATE note_blocks SET seq = ? WHERE note_id = ? AND seq = ?');
  const next = seqs.map((seq, i) => {
    const fresh = (i + 1 + (i >= at ? room : 0)) * STEP;
    move.run(fresh, noteId, -seq);
    return fresh;
  });
  return next;
}

/** The first of `count` unused block ids of a note; when its range runs out, its blocks are given ids afresh. */
function newBlockIds(db: Database.Database, noteId: string, count: number): number {
  const base = noteRowid(db, noteId) * BLOCKS_PER_NOTE;
  const last = db.prepare('SELECT max(id) FROM note_blocks WHERE id BETWEEN ? AND ?').pluck().get(base, base + BLOCKS_PER_NOTE - 1) as number | null;
  const next = (last ?? base) + 1;
  if (next + count <= base + BLOCKS_PER_NOTE) return next;
  // Sixteen million paragraphs made in one note: number its blocks 1, 2, … again (the index follows by trigger).
  const seqs = db.prepare('SELECT seq FROM note_blocks WHERE note_id = ? ORDER BY seq').pluck().all(noteId) as number[];
  db.prepare('UPDATE note_blocks SET id = -id WHERE note_id = ?').run(noteId);
  const move = db.prepare('UPDATE note_blocks SET id = ? WHERE note_id = ? AND seq = ?');
  seqs.forEach((seq, i) => move.run(base + i + 1, noteId, seq));
  return base + seqs.length + 1;
}

/**
 * One step of merging the full-text index's segments: at most about `pages` pages written, and only where a level
 * holds FTS5's `usermerge` (4) segments or more. True if it did any work (FTS5 then counts two or more changes).
 * Why (issue 11): every save adds a small segment, and when one level reaches 16 FTS5 merges the whole level inside
 * that save; a bulk write (migration 0015, an import) leaves big segments there, so the twelfth save of a session in
 * the scale-4 note wrote 5 MB and took 40–70 ms. Merged in small steps while saves pause, the level never gets there.
 */
export function mergeBlockIndexStep(db: Database.Database, pages: number): boolean {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number;
  db.prepare(`INSERT INTO note_blocks_fts(note_blocks_fts, rank) VALUES ('merge', ${Math.max(1, Math.floor(pages))})`).run();
  return (db.prepare('SELECT total_changes()').pluck().get() as number) - before >= 2;
}
