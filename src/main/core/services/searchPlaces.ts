import type Database from 'better-sqlite3';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import { SPEAKER_PREFIX } from '../../../shared/note/SpeakerLabelNode';
import { normalise, termPatterns, type SearchTerm } from './searchQuery';
import { speakerOfLine, toUnits, type Span } from './searchText';
import { codesInStaffGroups, keyQuotesIn, plainTextsByRowid, type KeyQuoteRow } from '../store/search';

/**
 * Where a note hit may be under the filters that depend on the place of the
 * match: the staff-group filter (the match is in a speaker turn — a paragraph
 * starting "P014:" — of someone in those groups) and key quotes only (the
 * match is inside a key-quote passage).
 *
 * Which notes qualify is decided for every candidate, so it must be cheap:
 * the turns and key quotes are tested with the terms' patterns (termPatterns)
 * rather than by asking FTS5 to mark every match of every note. The match a
 * hit then shows is chosen exactly, among FTS5's own matches, with `allowed`.
 */
export interface Places {
  /** Candidate notes (rowids) with a match in an allowed place. */
  keep: Set<number>;
  /** Is this match (UTF-16 span of the note's text; code points start..end) in an allowed place? */
  allowed(rowid: number, text: string, span: Span, start: number, end: number): boolean;
}

type KeyQuote = KeyQuoteRow;

export function notePlaces(db: Database.Database, filter: AnalysisFilter, terms: SearchTerm[], rowids: number[]): Places {
  const patterns = termPatterns(terms);
  const holdsMatch = (text: string) => {
    const normal = normalise(text);
    return patterns.some((p) => p.test(normal));
  };
  const codes = filter.staffGroups?.length ? codesInStaffGroups(db, filter.staffGroups) : null;
  const quotes = new Map<number, KeyQuote[]>();
  if (filter.keyQuotesOnly) {
    const rows = keyQuotesIn(db, rowids);
    for (const r of rows) quotes.set(r.rowid, [...(quotes.get(r.rowid) ?? []), r]);
  }

  const keep = new Set<number>();
  if (codes) {
    // Only the notes that could qualify are read (with key quotes only, those with a matching key quote).
    const readable = filter.keyQuotesOnly ? rowids.filter((r) => quotes.get(r)?.some((q) => holdsMatch(q.quoted_text))) : rowids;
    const texts = plainTextsByRowid(db, readable);
    for (const { rowid, plain_text: text } of texts) {
      if (filter.keyQuotesOnly) {
        const mine = (quotes.get(rowid) ?? []).filter((q) => holdsMatch(q.quoted_text));
        const starts = toUnits(text, mine.map((q) => q.start));
        if (starts.some((unit) => codes.has(speakerOfLine(text, unit) ?? ''))) keep.add(rowid);
      } else {
        const turns = text.split('\n').filter((line) => codes.has(SPEAKER_PREFIX.exec(line)?.[1] ?? ''));
        if (turns.length && holdsMatch(turns.join('\n'))) keep.add(rowid);
      }
    }
  } else {
    for (const rowid of rowids) if (quotes.get(rowid)?.some((q) => holdsMatch(q.quoted_text))) keep.add(rowid);
  }

  return {
    keep,
    allowed(rowid, text, span, start, end) {
      if (codes && !codes.has(speakerOfLine(text, span.start) ?? '')) return false;
      if (filter.keyQuotesOnly && !(quotes.get(rowid) ?? []).some((q) => q.start <= start && end <= q.end)) return false;
      return true;
    },
  };
}
