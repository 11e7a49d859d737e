import type Database from 'better-sqlite3';
import { and, type SqlFilter } from './analysisFilter';

/**
 * The reads behind the in-memory analysis index (issue 8; services/analysisIndex.ts) and the change log
 * that keeps it current (migration 0011's triggers write `analysis_clock` and `analysis_changes`; nothing
 * else does). Everything here only reads, and returns compact raw rows.
 */

/** The change clock: it moves with every write the index depends on. */
export const analysisTick = (db: Database.Database): number => db.prepare('SELECT tick FROM analysis_clock').pluck().get() as number;

/** Notes whose passages, tags or text changed after `tick`; '*' when a small table (themes, participants, engagements, note order) did. */
export const changedSince = (db: Database.Database, tick: number): string[] =>
  db.prepare('SELECT note_id FROM analysis_changes WHERE tick > ?').pluck().all(tick) as string[];

/** Passages read column by column, one entry per passage in each. */
export interface PassageColumnsRead {
  rowid: number[];
  id: string[];
  note: string[];
  start: number[];
  end: number[];
  detached: number[];
  /** '' when no speaker is linked. */
  participant: string[];
  keyQuote: number[];
  createdBy: string[];
}

/** Tags read column by column, grouped by passage (in (passage, theme) order). */
export interface TagColumnsRead {
  passage: string[];
  theme: string[];
  taggedBy: string[];
}

const PASSAGE_COLUMNS = ['p.rowid', 'p.id', 'p.note_id', 'p.start_offset', 'p.end_offset', 'p.detached', `coalesce(p.participant_id, '')`, 'p.key_quote', 'p.created_by'];
const TAG_COLUMNS = ['pt.passage_id', 'pt.theme_id', 'pt.tagged_by'];

const numbers = (values: string[]) => values.map(Number);

function passageColumns([rowid, id, note, start, end, detached, participant, keyQuote, createdBy]: string[][]): PassageColumnsRead {
  return {
    rowid: numbers(rowid!),
    id: id!,
    note: note!,
    start: numbers(start!),
    end: numbers(end!),
    detached: numbers(detached!),
    participant: participant!,
    keyQuote: numbers(keyQuote!),
    createdBy: createdBy!,
  };
}

const tagColumns = ([passage, theme, taggedBy]: string[][]): TagColumnsRead => ({ passage: passage!, theme: theme!, taggedBy: taggedBy! });

/** Rows (arrays of values) turned into columns of strings, as columnsOf gives them. */
const transpose = (rows: unknown[][], width: number): string[][] => Array.from({ length: width }, (_, c) => rows.map((r) => String(r[c])));

const NOTES = 'SELECT value FROM json_each(?)';

/** The passages of these notes (after a write: a few notes), in no promised order. */
export function passagesOf(db: Database.Database, noteIds: string[]): PassageColumnsRead {
  const rows = db.prepare(`SELECT ${PASSAGE_COLUMNS.join(', ')} FROM passages p WHERE p.note_id IN (${NOTES})`).raw().all(JSON.stringify(noteIds)) as unknown[][];
  return passageColumns(transpose(rows, PASSAGE_COLUMNS.length));
}

/** The themes on the passages of these notes, in (passage, theme) order. */
export function tagsOf(db: Database.Database, noteIds: string[]): TagColumnsRead {
  const rows = db
    .prepare(
      `SELECT ${TAG_COLUMNS.join(', ')} FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id
       WHERE p.note_id IN (${NOTES}) ORDER BY pt.passage_id, pt.theme_id`,
    )
    .raw()
    .all(JSON.stringify(noteIds)) as unknown[][];
  return tagColumns(transpose(rows, TAG_COLUMNS.length));
}

/** Ids (of notes, or of passages) from `from` (inclusive) to `to` (exclusive; null: no end). */
export interface IdRange {
  from: string;
  to: string | null;
}

/**
 * The whole id space in sixteen ranges, by the first hex digit of a UUID (other ids fall in one range or
 * another all the same): the index is first built a range at a time, so the core can answer in between.
 */
export const ID_RANGES: IdRange[] = [...'123456789abcdef', null].map((to, i, all) => ({ from: i === 0 ? '' : all[i - 1]!, to }));

const inRange = (column: string, range: IdRange) => `${column} >= @from${range.to === null ? '' : ` AND ${column} < @to`}`;

/**
 * Rows read column by column, each column one string joined by the unit separator (U+001F), which no id
 * contains. better-sqlite3 makes a JavaScript array and values per row, which at four times review scale
 * (160,000 passages, 200,000 tags) took seconds; one string per column, split, is several times cheaper,
 * and leaves no object per row behind. If a value held the separator after all (the column counts
 * disagree), the rows are read as rows.
 */
function columnsOf(db: Database.Database, from: string, columns: string[], params: IdRange): string[][] {
  const read = db
    .prepare(`SELECT count(*), ${columns.map((c) => `group_concat(${c}, char(31))`).join(', ')} FROM ${from}`)
    .raw()
    .get(params) as [number, ...(string | null)[]];
  const [count, ...joined] = read;
  if (count === 0) return columns.map(() => []);
  const out = joined.map((text) => (text ?? '').split('\x1f'));
  if (out.every((values) => values.length === count)) return out;
  return transpose(db.prepare(`SELECT ${columns.join(', ')} FROM ${from}`).raw().all(params) as unknown[][], columns.length);
}

/**
 * The passages of the notes whose ids are in the range, in no promised order (the index sorts each note's
 * own): a stretch of the covering index passages_for_analysis (led by the note since 0012), never the rows
 * with their quoted text.
 */
export function passagesIn(db: Database.Database, range: IdRange): PassageColumnsRead {
  return passageColumns(columnsOf(db, `passages p INDEXED BY passages_for_analysis WHERE ${inRange('p.note_id', range)}`, PASSAGE_COLUMNS, range));
}

/** The tags of the passages whose ids are in the range, in (passage, theme) order: a stretch of the table's own key (WITHOUT ROWID). */
export function tagsIn(db: Database.Database, range: IdRange): TagColumnsRead {
  return tagColumns(columnsOf(db, `passage_themes pt WHERE ${inRange('pt.passage_id', range)}`, TAG_COLUMNS, range));
}

/** [id, parent id], in codebook order. */
export const themeParentRows = (db: Database.Database): [string, string | null][] =>
  db.prepare('SELECT id, parent_id FROM themes ORDER BY position, rowid').raw().all() as [string, string | null][];

/** [id, staff group] */
export const participantRows = (db: Database.Database): [string, string][] =>
  db.prepare('SELECT id, staff_group FROM participants').raw().all() as [string, string][];

/** [id, type, organisation] */
export const engagementRows = (db: Database.Database): [string, string, string][] =>
  db.prepare('SELECT id, type, organisation FROM engagements').raw().all() as [string, string, string][];

/** [note id, engagement id, note rowid], in the order the theme view lists evidence: engagement date, title, id, then the note's place. */
export const notesInViewOrder = (db: Database.Database): [string, string, number][] =>
  db
    .prepare(
      `SELECT n.id, e.id, n.rowid FROM notes n INDEXED BY notes_for_analysis JOIN engagements e ON e.id = n.engagement_id
       ORDER BY e.date, e.title, e.id, n.position, n.id`,
    )
    .raw()
    .all() as [string, string, number][];

/** Engagements meeting the filters' engagement conditions (alias `e`, as analysisFilter.ts writes them). */
export const engagementsMatching = (db: Database.Database, filter: SqlFilter): string[] =>
  db.prepare(`SELECT e.id FROM engagements e WHERE 1${and(filter.engagement)}`).pluck().all(filter.params) as string[];

/** [participant id, value] of one custom attribute. */
export const attributeValueRows = (db: Database.Database, attributeId: string): [string, string][] =>
  db.prepare('SELECT participant_id, value FROM participant_attribute_values WHERE attribute_id = ?').raw().all(attributeId) as [string, string][];

/** [passage rowid, quoted text] of these passages. */
export const quotedTexts = (db: Database.Database, rowids: number[]): [number, string][] =>
  db.prepare('SELECT rowid, quoted_text FROM passages WHERE rowid IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(rowids)) as [
    number,
    string,
  ][];

