import type Database from 'better-sqlite3';
import type { Consent } from '../../../shared/domain/participant';
import { andWhere, type SqlFilter } from './analysisFilter';
import { BLOCKS_PER_NOTE, noteTextSql } from './noteBlocks';
import { SOURCE_COLUMNS, type SourceRow } from './sources';
import { NOTE_TOKENIZER } from './indexedText';
import { prepared } from './statements';

/**
 * The reads behind full-text search: the FTS5 indexes `note_blocks_fts` (a
 * row per block of a note, migration 0015) and `memos_fts` (written only by
 * triggers, so nothing here writes) and what a page of hits needs from notes,
 * passages and participants. Queries name their tables as analysisFilter.ts
 * expects.
 */

export interface Candidate {
  kind: 'note' | 'memo';
  rowid: number;
  score: number;
}

const json = (values: unknown) => JSON.stringify(values);

/** A term of a search as the note index is asked for it (services/searchQuery.ts `toTermQuery`). */
export interface TermQuery {
  /** Its FTS5 query. */
  fts: string;
  /** Its words as typed, unless it is a phrase: if the index's tokenizer makes one word of them, that word's occurrences rank. */
  words: string | null;
  prefix: boolean;
}

/** BM25's constants, FTS5's own: how fast repeats stop counting, and how much a note's length weighs. */
const K1 = 1.2;
const B = 0.75;

/**
 * The words `text` is to the note index, as its own tokenizer (note_blocks_fts's, migration 0017) splits and
 * folds them: written into a table of this connection's temp database, never the workspace, and read back
 * from that table's instance vocabulary. Search's own folding (searchQuery.ts normalise) is not the
 * tokenizer's (it decomposes "ﬁ" and fullwidth letters; the tokenizer keeps them).
 */
function indexWords(db: Database.Database, text: string): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5(text, tokenize = "${NOTE_TOKENIZER}");
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words_read USING fts5vocab(temp, search_words, instance);`);
  prepared(db, 'INSERT INTO temp.search_words(rowid, text) VALUES (1, ?)').run(text);
  try {
    return prepared(db, 'SELECT term FROM temp.search_words_read ORDER BY offset').pluck().all() as string[];
  } finally {
    prepared(db, 'DELETE FROM temp.search_words').run();
  }
}

/**
 * Notes matching every one of the terms somewhere in their text, under the note filters, ranked by BM25
 * over whole notes as the note-wide index of 0007 ranked them (lower score first). A note is its blocks, so
 * each term is looked up on its own and a note must hold all of them, in one block or several. FTS5's
 * bm25() per block cost ten times the lookup (a common word: 43,000 blocks at four times review scale,
 * 450 ms against 64 ms at load 17), and scored paragraphs, not notes; here the blocks' rowids name their
 * notes (`BLOCKS_PER_NOTE`), and a term's frequency in a note is its occurrences there, counted from the
 * index's instance table (`note_blocks_terms`) for a term the tokenizer makes one word (or the beginning of
 * words, for a prefix) — the notes holding it are then the ones it occurs in, with no MATCH — while a phrase
 * (or words joined by punctuation) counts the paragraphs that hold it. A note's length is its word count.
 */
export function noteCandidates(db: Database.Database, terms: readonly TermQuery[], filter: SqlFilter): Candidate[] {
  // Counted by note in SQLite: a common word has half a million occurrences at four times review scale.
  const byNote = (from: string, where: string) =>
    prepared(db, `SELECT ${from === 'note_blocks_fts' ? 'rowid' : 'doc'} / ${BLOCKS_PER_NOTE}, count(*) FROM ${from} WHERE ${where} GROUP BY 1`).raw();
  const blocks = byNote('note_blocks_fts', 'note_blocks_fts MATCH ?');
  const word = byNote('note_blocks_terms', 'term = ?');
  // Every word beginning so: the highest code point sorts after any continuation.
  const words = byNote('note_blocks_terms', 'term >= ? AND term < ?');
  const counts = (rows: unknown[]) => new Map(rows as [number, number][]);
  const frequencies: Map<number, number>[] = [];
  let matching: Set<number> | null = null;
  for (const term of terms) {
    const tokens = term.words === null ? [] : indexWords(db, term.words);
    const token = tokens.length === 1 ? tokens[0]! : null;
    const frequency =
      token === null ? counts(blocks.all(term.fts)) : counts(term.prefix ? words.all(token, `${token}\u{10FFFF}`) : word.all(token));
    frequencies.push(frequency);
    const next: Set<number> = matching === null ? new Set(frequency.keys()) : new Set([...matching].filter((note) => frequency.has(note)));
    matching = next;
    if (matching.size === 0) return [];
  }
  if (!matching) return [];
  const rows = db
    .prepare(
      `SELECT n.rowid, n.word_count FROM notes n JOIN engagements e ON e.id = n.engagement_id
       WHERE n.rowid IN (SELECT value FROM json_each(@rowids))${andWhere(filter)}`,
    )
    .raw()
    .all({ rowids: json([...matching]), ...filter.params }) as [number, number][];
  const { notes, words: averageLength } = db.prepare('SELECT count(*) AS notes, coalesce(avg(word_count), 0) AS words FROM notes').get() as {
    notes: number;
    words: number;
  };
  // FTS5's idf, kept above zero: a word in most notes still ranks the notes that say it more.
  const idf = frequencies.map((f) => Math.max(1e-6, Math.log((notes - f.size + 0.5) / (f.size + 0.5))));
  return rows.map(([rowid, length]) => {
    const norm = K1 * (1 - B + (B * length) / Math.max(averageLength, 1));
    const score = frequencies.reduce((sum, f, t) => {
      const tf = f.get(rowid)!;
      return sum + (idf[t]! * tf * (K1 + 1)) / (tf + norm);
    }, 0);
    return { kind: 'note', rowid, score: -score };
  });
}

/**
 * A block of a note as a page of hits reads it: where a term matched, its text as highlight() marked it
 * (`marked`); any other block only by its length in code points (`codePoints`) — its text is not read.
 */
export type PageBlock = { marked: string } | { codePoints: number };

/** A note's blocks in order, as a page of hits reads them; `restricted` if only some blocks were marked. */
export interface HighlightedNote {
  rowid: number;
  blocks: PageBlock[];
  restricted: boolean;
}

/**
 * A note's blocks in order: each one's id, its length in code points, and whether it holds a NUL (length()
 * stops at one, so such a block's text is read whole).
 */
export interface BlockLayout {
  ids: readonly number[];
  codePoints: readonly number[];
  nul: readonly boolean[];
}

/**
 * Which of a note's blocks (their indexes in order) a page needs marked, given its layout; null for every
 * block a term matched. A filter that allows matches in some places only (searchPlaces.ts) names those.
 */
export type WantedBlocks = (rowid: number, layout: BlockLayout) => ReadonlySet<number> | null;

/** Of each note (by rowid), the blocks (indexes) to mark, or null for every one a term matched. */
export type MarkedBlocks = ReadonlyMap<number, ReadonlySet<number> | null>;

/**
 * The notes' (by rowid) block layouts, from the index `note_blocks_lengths` (migration 0016) alone: reading
 * the blocks' rows for the length (or the text) cost as much as marking the matches, for blocks no hit shows.
 */
export function blockLayouts(db: Database.Database, rowids: readonly number[]): Map<number, BlockLayout> {
  const rows = prepared(
    db,
    `SELECT n.rowid, b.id, length(b.text), instr(b.text, char(0)) FROM notes n JOIN note_blocks b INDEXED BY note_blocks_lengths ON b.note_id = n.id
     WHERE n.rowid IN (SELECT value FROM json_each(?)) ORDER BY n.rowid, b.seq`,
  )
    .raw()
    .all(json(rowids)) as [number, number, number, number][];
  const out = new Map<number, { ids: number[]; codePoints: number[]; nul: boolean[] }>(rowids.map((rowid) => [rowid, { ids: [], codePoints: [], nul: [] }]));
  for (const [rowid, id, codePoints, nul] of rows) {
    const layout = out.get(rowid)!;
    layout.ids.push(id);
    layout.codePoints.push(codePoints);
    layout.nul.push(nul > 0);
  }
  return out;
}

/**
 * The notes' blocks (`layouts`, by note rowid), with the matches of `fts` marked by FTS5's highlight() between
 * `open` and `close` in the blocks where any matched (or, for a note `wanted` names blocks of, in those of them
 * where any matched), and the others' lengths.
 *
 * One MATCH for the whole page (issue 8). A MATCH reads the term's whole doclist whatever rowid range
 * it is given — a common word's is 10,000 blocks at review scale — so one MATCH per note of the page
 * cost about 1.5 ms each, most of a new query's time. The page's notes are picked out of that one scan
 * by the blocks' rowids (the `+` keeps SQLite from handing the condition to FTS5 as a rowid range, which
 * would run the MATCH again for every note), and highlight() runs only on the rows that pass. (A number
 * is bound as a REAL, hence the CAST: the division must be an integer one.) highlight() is then the page's
 * largest cost (1,600 blocks of 50 notes at review scale), so a filter that allows a few places of each
 * note has only their blocks marked. A block holding a NUL that is not marked is read whole, as if it had
 * matched nothing.
 */
export function highlightedNotes(
  db: Database.Database,
  fts: string,
  layouts: ReadonlyMap<number, BlockLayout>,
  marks: { open: string; close: string },
  wanted?: MarkedBlocks,
): HighlightedNote[] {
  if (layouts.size === 0) return [];
  const whole: number[] = [];
  const some: number[] = [];
  const restricted = new Set<number>();
  for (const [rowid, layout] of layouts) {
    const only = wanted?.get(rowid) ?? null;
    if (only === null) whole.push(rowid);
    else {
      restricted.add(rowid);
      for (const i of only) if (i < layout.ids.length) some.push(layout.ids[i]!);
    }
  }
  const marked = new Map(
    prepared(
      db,
      `SELECT rowid, highlight(note_blocks_fts, 0, @open, @close) FROM note_blocks_fts
       WHERE note_blocks_fts MATCH @fts AND ((+rowid / CAST(@perNote AS INTEGER)) IN (SELECT value FROM json_each(@whole))
         OR +rowid IN (SELECT value FROM json_each(@some)))`,
    )
      .raw()
      .all({ fts, whole: json(whole), some: json(some), perNote: BLOCKS_PER_NOTE, ...marks }) as [number, string][],
  );
  const withNul = [...layouts.values()].flatMap((layout) => layout.ids.filter((id, i) => layout.nul[i] && !marked.has(id)));
  if (withNul.length > 0) {
    const texts = db.prepare('SELECT id, text FROM note_blocks WHERE id IN (SELECT value FROM json_each(?))').raw().all(json(withNul)) as [number, string][];
    for (const [id, text] of texts) marked.set(id, text);
  }
  return [...layouts].map(([rowid, layout]) => ({
    rowid,
    restricted: restricted.has(rowid),
    blocks: layout.ids.map((id, i) => {
      const text = marked.get(id);
      return text === undefined ? { codePoints: layout.codePoints[i]! } : { marked: text };
    }),
  }));
}

/** Passages whose memo matches, under the passage filters. */
export function memoCandidates(db: Database.Database, fts: string, filter: SqlFilter): Candidate[] {
  return db
    .prepare(
      `SELECT 'memo' AS kind, p.rowid AS rowid, bm25(memos_fts) AS score FROM memos_fts
       JOIN passages p ON p.rowid = memos_fts.rowid JOIN notes n ON n.id = p.note_id
       JOIN engagements e ON e.id = n.engagement_id LEFT JOIN participants pa ON pa.id = p.participant_id
       WHERE memos_fts MATCH @fts${andWhere(filter)}`,
    )
    .all({ fts, ...filter.params }) as Candidate[];
}

/** Each row's text with its matches marked by FTS5's highlight() between `open` and `close`. */
export function highlighted(
  db: Database.Database,
  table: 'memos_fts',
  fts: string,
  rowids: readonly number[],
  marks: { open: string; close: string },
): { rowid: number; marked: string }[] {
  return db
    .prepare(
      `SELECT rowid, highlight(${table}, 0, @open, @close) AS marked FROM ${table}
       WHERE ${table} MATCH @fts AND rowid IN (SELECT value FROM json_each(@rowids))`,
    )
    .all({ fts, rowids: json(rowids), ...marks }) as { rowid: number; marked: string }[];
}

export interface NoteSourceRow extends SourceRow {
  rowid: number;
}

/** Where each note (by rowid) comes from. */
export function noteSources(db: Database.Database, rowids: readonly number[]): NoteSourceRow[] {
  return db
    .prepare(
      `SELECT n.rowid AS rowid, ${SOURCE_COLUMNS} FROM notes n JOIN engagements e ON e.id = n.engagement_id
       WHERE n.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(json(rowids)) as NoteSourceRow[];
}

export interface MemoSourceRow extends NoteSourceRow {
  passage_id: string;
  start_offset: number;
  end_offset: number;
  quoted_text: string;
  code: string | null;
  staff_group: string | null;
  consent: Consent | null;
}

/** Each passage (by rowid) with its place, speaker and source. */
export function memoSources(db: Database.Database, rowids: readonly number[]): MemoSourceRow[] {
  return db
    .prepare(
      `SELECT p.rowid AS rowid, p.id AS passage_id, p.start_offset, p.end_offset, p.quoted_text, pa.code, pa.staff_group, pa.consent, ${SOURCE_COLUMNS}
       FROM passages p JOIN notes n ON n.id = p.note_id JOIN engagements e ON e.id = n.engagement_id
       LEFT JOIN participants pa ON pa.id = p.participant_id WHERE p.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(json(rowids)) as MemoSourceRow[];
}

/** The plain text of these notes, by note rowid. */
export function plainTextsByRowid(db: Database.Database, noteRowids: readonly number[]): { rowid: number; plain_text: string }[] {
  return db
    .prepare(`SELECT n.rowid AS rowid, ${noteTextSql('n.id')} AS plain_text FROM notes n WHERE n.rowid IN (SELECT value FROM json_each(?))`)
    .all(json(noteRowids)) as {
    rowid: number;
    plain_text: string;
  }[];
}

/** The blocks' texts of these notes, in order, by note rowid. */
export function blockTextsByRowid(db: Database.Database, noteRowids: readonly number[]): Map<number, string[]> {
  const rows = prepared(
    db,
    `SELECT n.rowid, b.text FROM notes n JOIN note_blocks b ON b.note_id = n.id
     WHERE n.rowid IN (SELECT value FROM json_each(?)) ORDER BY n.rowid, b.seq`,
  )
    .raw()
    .all(json(noteRowids)) as [number, string][];
  const out = new Map<number, string[]>(noteRowids.map((rowid) => [rowid, []]));
  for (const [rowid, text] of rows) out.get(rowid)?.push(text);
  return out;
}
