import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { SearchHit, SearchPlace, SearchResult } from '../../../shared/domain/analysis';
import { noteFilter, passageFilter } from '../store/analysisFilter';
import { type LinkedSpeaker, speakerKey, speakersOfPlaces } from '../store/noteSpeakers';
import * as searchStore from '../store/search';
import type { BlockLayout, Candidate, WantedBlocks } from '../store/search';
import { analysisIndex } from './analysisIndex';
import type { MarkedText } from './searchMarks';
import { notePlaces, type Places } from './searchPlaces';
import { parseSearch, toFtsQuery, toTermQuery } from './searchQuery';
import {
  chooseAnchor,
  CLOSE,
  markedNote,
  OPEN,
  placesOf,
  readMarked,
  sentenceAround,
  snippet,
  speakerOfLine,
  toCodePoints,
  type Span,
} from './searchText';
import { sourceRef } from '../store/sources';

/**
 * Full-text search over notes and memos (issue 4).
 *
 * FTS5 finds and ranks (bm25: hits in notes first, then hits in memos, each
 * by rank), SQL applies the filters, and only the page of hits shown is read
 * (of its notes, the paragraphs that matched; the rest by their lengths,
 * store/search.ts). For those, FTS5's highlight() marks every match with its own
 * tokenizer, so positions agree with what matched — accents, case and emoji
 * included — and the snippet is cut around the match whose position the hit
 * reports: the place you jump to or tag is the place you read.
 *
 * A note hit has no single speaker, so the staff-group filter keeps a note
 * only if a match lies in a speaker turn ("P014: …") the note links to
 * someone in those groups, and the hit then shows that match; key quotes only keeps a note
 * only if a match lies inside a key-quote passage (searchPlaces.ts). Memo
 * hits take every filter from their passage, as the theme view does.
 */
export type SearchInput = ParsedInput<'search.query'>;

type Marked = MarkedText;

/** Places listed under one note hit; a note with more says how many more there are. */
export const PLACES_PER_NOTE = 50;

/** Each memo's text with its matches marked by FTS5, by passage rowid. */
function memoHighlights(db: Database.Database, fts: string, rowids: number[]): Map<number, Marked> {
  const out = new Map<number, Marked>();
  for (const row of searchStore.highlighted(db, 'memos_fts', fts, rowids, { open: OPEN, close: CLOSE })) {
    out.set(row.rowid, readMarked(row.marked) ?? { text: row.marked.replace(/[\uFDD0\uFDD1\uFDD2]/g, ''), matches: [] });
  }
  return out;
}

/**
 * A search as a note's marks are read for it: the whole FTS5 query (as the memo index is asked it; the key its
 * marks are kept under), and any one of its terms as the note index is asked (a note's blocks each hold some).
 */
export interface NoteQuery {
  fts: string;
  anyTerm: string;
}

/**
 * The notes' marked texts, from those kept for this query (searchMarks.ts) where the note is unchanged,
 * else from FTS5 — its blocks marked where any term matches (`anyTerm`).
 */
function noteHighlights(db: Database.Database, { fts, anyTerm }: NoteQuery, rowids: number[], wanted?: WantedBlocks): Map<number, Marked> {
  const { dims, searchMarks, blockLayouts } = analysisIndex(db);
  searchMarks.touch(fts);
  const idOf = (rowid: number) => {
    const note = dims.noteByRowid.get(rowid);
    return note === undefined ? undefined : dims.noteIds[note];
  };
  // The notes' layouts are kept in the analysis index until their text changes, as their speaker turns are.
  const layouts = new Map<number, BlockLayout>();
  const unread: number[] = [];
  for (const rowid of rowids) {
    const id = idOf(rowid);
    const kept = id === undefined ? undefined : blockLayouts.get(id);
    if (kept) layouts.set(rowid, kept);
    else unread.push(rowid);
  }
  for (const [rowid, layout] of searchStore.blockLayouts(db, unread)) {
    layouts.set(rowid, layout);
    const id = idOf(rowid);
    if (id !== undefined) blockLayouts.set(id, layout);
  }
  const out = new Map<number, Marked>();
  const missing = new Map<number, BlockLayout>();
  const only = new Map<number, ReadonlySet<number> | null>();
  const signature = new Map<number, string | null>();
  for (const rowid of rowids) {
    const layout = layouts.get(rowid);
    if (!layout) continue;
    const blocks = wanted?.(rowid, layout) ?? null;
    const sign = blocks === null ? null : [...blocks].sort((a, b) => a - b).join(',');
    const id = idOf(rowid);
    const kept = id === undefined ? undefined : searchMarks.get(fts, id, sign);
    if (kept) out.set(rowid, kept);
    else {
      missing.set(rowid, layout);
      only.set(rowid, blocks);
      signature.set(rowid, sign);
    }
  }
  for (const note of searchStore.highlightedNotes(db, anyTerm, missing, { open: OPEN, close: CLOSE }, only)) {
    const marked = markedNote(note.blocks);
    out.set(note.rowid, marked);
    const id = idOf(note.rowid);
    // Marks of some blocks only serve a page asking for those blocks (searchMarks.ts).
    if (id !== undefined) searchMarks.set(fts, id, marked, note.restricted ? (signature.get(note.rowid) ?? null) : null);
  }
  return out;
}

/** A match of a note as the hit shows it: its snippet, its place and its sentence in code points, its speaker. */
function notePlace(m: Marked, anchor: Span | null): SearchPlace {
  if (!anchor) return { snippet: snippet(m.text, m.matches, null), start: 0, end: 0, sentence: { start: 0, end: 0 }, sentenceText: '', speaker: null, themeIds: [], passageIds: [] };
  const sentence = sentenceAround(m.text, anchor);
  const [start, end, sentenceStart, sentenceEnd] = toCodePoints(m.text, [anchor.start, anchor.end, sentence.start, sentence.end]);
  const code = speakerOfLine(m.text, anchor.start);
  return {
    snippet: snippet(m.text, m.matches, anchor),
    start: start!,
    end: end!,
    sentence: { start: sentenceStart!, end: sentenceEnd! },
    sentenceText: m.text.slice(sentence.start, sentence.end),
    speaker: code ? { code, staffGroup: null, consent: null } : null,
    themeIds: [],
    passageIds: [],
  };
}

/**
 * The reads behind a page of hits that have a fast way and a plain one (issue 8): the notes' texts with
 * their matches marked, and the staff group and consent of each speaker of a place. testing/searchReference.ts holds
 * the plain ones, and search.reference.test.ts holds search's answers to them on a generated workspace.
 */
export interface PageReads {
  /**
   * The notes' (by rowid) texts with the matches of the query's terms marked — where `wanted` names some of
   * a note's blocks, those at least (the others may stand as spaces).
   */
  noteMarks(db: Database.Database, query: NoteQuery, rowids: number[], wanted?: WantedBlocks): Map<number, Marked>;
  /** speakerKey(note, code) → the staff group and consent of the participant that code of the note is linked to. */
  speakers(db: Database.Database, pairs: { noteId: string; code: string }[]): Map<string, LinkedSpeaker>;
}

const FAST: PageReads = { noteMarks: noteHighlights, speakers: speakersOfPlaces };

export function search(db: Database.Database, input: SearchInput, reads: PageReads = FAST): SearchResult {
  const terms = parseSearch(input.query);
  if (terms.length === 0) return { total: 0, hits: [] };
  const fts = toFtsQuery(terms);
  const each = terms.map((t) => toFtsQuery([t], 'notes'));
  const filter = input.filters ?? {};
  const nf = noteFilter(filter);
  const pf = passageFilter(filter);

  let notes = searchStore.noteCandidates(db, terms.map(toTermQuery), nf);
  const memos = searchStore.memoCandidates(db, fts, pf);

  let places: Places | null = null;
  if (filter.staffGroups?.length || filter.keyQuotesOnly) {
    places = notePlaces(db, filter, terms, notes.map((c) => c.rowid));
    notes = notes.filter((c) => places!.keep.has(c.rowid));
  }
  // bm25 scores of two indexes are not comparable (memos are short, so they would always win): the
  // notes' own words first, then reviewers' memos, each by rank.
  const byRank = (a: Candidate, b: Candidate) => a.score - b.score || a.rowid - b.rowid;
  const all = [...notes.sort(byRank), ...memos.sort(byRank)];
  const offset = input.offset ?? 0;
  const page = all.slice(offset, offset + (input.limit ?? 50));
  return { total: all.length, hits: buildHits(db, reads, { fts, anyTerm: each.join(' OR ') }, page, places, terms.length > 1) };
}

function buildHits(db: Database.Database, reads: PageReads, query: NoteQuery, page: Candidate[], places: Places | null, severalTerms: boolean): SearchHit[] {
  const noteIds = page.filter((c) => c.kind === 'note').map((c) => c.rowid);
  const memoIds = page.filter((c) => c.kind === 'memo').map((c) => c.rowid);
  const wanted = places ? (rowid: number, layout: BlockLayout) => places.wantedBlocks(rowid, layout) : undefined;
  const noteText = reads.noteMarks(db, query, noteIds, wanted);
  const memoText = memoHighlights(db, query.fts, memoIds);

  const noteRows = new Map(searchStore.noteSources(db, noteIds).map((r) => [r.rowid, r]));
  const memoRows = new Map(searchStore.memoSources(db, memoIds).map((r) => [r.rowid, r]));

  const hits: SearchHit[] = [];
  for (const c of page) {
    if (c.kind === 'note') {
      const row = noteRows.get(c.rowid);
      let m = noteText.get(c.rowid);
      if (!row || !m) continue;
      let allowed = places ? places.allowedIn(c.rowid, m) : undefined;
      let anchor = allowed && chooseAnchor(m.text, m.matches, allowed, severalTerms);
      if (places && !anchor) {
        // The filter's quick test kept a note where FTS5 marks no allowed match: the hit shows its first match anywhere.
        m = reads.noteMarks(db, query, [c.rowid]).get(c.rowid) ?? m;
        allowed = places.allowedIn(c.rowid, m);
      }
      anchor ??= chooseAnchor(m.text, m.matches, undefined, severalTerms);
      const found = placesOf(m.text, m.matches, allowed ?? (() => true), PLACES_PER_NOTE);
      const at = [anchor, ...found.places].map((span) => notePlace(m, span));
      hits.push({ source: sourceRef(row), kind: 'note', passageId: null, ...at[0]!, places: at.slice(1), placeCount: found.total });
    } else {
      const row = memoRows.get(c.rowid);
      const m = memoText.get(c.rowid);
      if (!row || !m) continue;
      hits.push({
        source: sourceRef(row),
        kind: 'memo',
        passageId: row.passage_id,
        snippet: snippet(m.text, m.matches, chooseAnchor(m.text, m.matches, undefined, severalTerms)),
        start: row.start_offset,
        end: row.end_offset,
        sentence: { start: row.start_offset, end: row.end_offset },
        sentenceText: row.quoted_text,
        speaker: row.code ? { code: row.code, staffGroup: row.staff_group, consent: row.consent } : null,
        themeIds: [],
        passageIds: [],
        places: [],
        placeCount: 1,
      });
    }
  }
  annotate(db, reads, hits);
  return hits;
}

/** Fill in each place's speaker's staff group and consent, and the passages (and their themes) already on it: two queries for the page. */
function annotate(db: Database.Database, reads: PageReads, hits: SearchHit[]): void {
  const all: { place: SearchPlace; note: string; passage: string | null; kind: SearchHit['kind'] }[] = hits.flatMap((h) => [
    { place: h as SearchPlace, note: h.source.noteId, passage: h.passageId, kind: h.kind },
    ...h.places.map((place) => ({ place, note: h.source.noteId, passage: null, kind: h.kind })),
  ]);
  // A turn's staff group and consent are its note's link for the code (an unknown speaker has neither), not the
  // code's text: consent rides on the same read, so a hit of someone not for quotation can say so at no extra query.
  const pairs = all.flatMap((a) => (a.kind === 'note' && a.place.speaker ? [{ noteId: a.note, code: a.place.speaker.code }] : []));
  if (pairs.length) {
    const linked = reads.speakers(db, pairs);
    for (const a of all) {
      if (a.kind !== 'note' || !a.place.speaker) continue;
      const who = linked.get(speakerKey(a.note, a.place.speaker.code));
      a.place.speaker.staffGroup = who?.staffGroup ?? null;
      a.place.speaker.consent = who?.consent ?? null;
    }
  }
  // The passages covering each place (a memo hit: its own passage), from the analysis index: each note's
  // passages sit together there, so a place looks only at its note's.
  const { dims, passages } = analysisIndex(db);
  for (const a of all) {
    const note = dims.noteIndex.get(a.note);
    if (note === undefined) continue;
    const { start, end } = a.place;
    for (let i = passages.noteStart[note]!; i < passages.noteStart[note + 1]!; i++) {
      const covers = a.passage !== null ? passages.id[i] === a.passage : passages.detached[i] === 0 && passages.start[i]! <= start && passages.end[i]! >= end && end > start;
      if (!covers || passages.themeStart[i] === passages.themeStart[i + 1]) continue;
      a.place.passageIds.push(passages.id[i]!);
      for (let t = passages.themeStart[i]!; t < passages.themeStart[i + 1]!; t++) {
        const theme = dims.themeIds[passages.theme[t]!]!;
        if (!a.place.themeIds.includes(theme)) a.place.themeIds.push(theme);
      }
    }
  }
}
