import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { ThemeViewPassage, ThemeViewResult } from '../../../shared/domain/analysis';
import { plainTexts } from '../store/notes';
import { tagsFor } from '../store/passages';
import { passageDetails, type PassageDetailRow } from '../store/themeView';
import { themeViewOrder, type PassageScope } from './analysisScan';
import { sourceRef, speakerOf } from '../store/sources';
import { toUnits } from './searchText';
import { unknownSpeakersOf } from './unknownSpeakers';

/**
 * The theme view (issue 4): every passage carrying any (or all) of the
 * chosen themes — a sub-theme counting as its theme when asked — with its
 * source, speaker and some context, in the order the evidence was gathered
 * (engagement date, then place in the note), and the counts for the whole
 * filtered set.
 *
 * The filtered set in order comes from the analysis index (analysisScan.ts:
 * a scan of passages already held in view order, no sort); then two queries
 * for the page — its details and its tags — and each page note's text once,
 * its context slices found in one pass over it (see toUnits); a passage of
 * no participant is asked whose turn it is (unknownSpeakers.ts).
 */
export type ThemeViewInput = ParsedInput<'themes.view'> & PassageScope;

/** Code points of context on each side of a passage. */
export const CONTEXT = 160;

export function themeView(db: Database.Database, input: ThemeViewInput): ThemeViewResult {
  // The whole filtered set in order, from the analysis index: the counts come from it, and the page is a slice of it.
  const { ix, order } = themeViewOrder(db, input);
  const { passages } = ix;
  const people = new Set<number>();
  const engagements = new Set<number>();
  for (const i of order) {
    if (passages.participant[i]! >= 0) people.add(passages.participant[i]!);
    engagements.add(passages.engagement[i]!);
  }
  const counts = { passages: order.length, participants: people.size, engagements: engagements.size };
  const offset = input.offset ?? 0;
  const page = order.slice(offset, offset + (input.limit ?? 200)).map((i) => passages.rowid[i]!);
  if (page.length === 0) return { counts, passages: [] };

  const byRowid = new Map(passageDetails(db, page).map((r) => [r.rowid, r]));
  const rows = page.flatMap((rowid) => byRowid.get(rowid) ?? []);
  const tags = tagsFor(db, rows.map((r) => r.id));

  const context = contextOf(db, rows);
  const unknown = unknownSpeakersOf(db, rows);
  return {
    counts,
    passages: rows.map(
      (r): ThemeViewPassage => ({
        passageId: r.id,
        source: sourceRef(r),
        quotedText: r.quoted_text,
        ...(context.get(r.id) ?? { before: '', after: '' }),
        themeIds: (tags.get(r.id) ?? []).map((t) => t.themeId),
        participant: speakerOf(r),
        unknownSpeaker: unknown.get(r.id) ?? null,
        keyQuote: r.key_quote === 1,
        memo: r.memo,
        detached: r.detached === 1,
        start: r.start_offset,
        end: r.end_offset,
      }),
    ),
  };
}

/**
 * Up to CONTEXT code points before and after each attached passage, within
 * its paragraph(s), cut back to whole words, with "…" where the text goes on. Each note on the page is read once; a detached passage's
 * text is no longer in its note, so it has no context.
 */
function contextOf(db: Database.Database, rows: PassageDetailRow[]): Map<string, { before: string; after: string }> {
  const out = new Map<string, { before: string; after: string }>();
  const attached = rows.filter((r) => r.detached === 0);
  const noteIds = [...new Set(attached.map((r) => r.note_id))];
  if (noteIds.length === 0) return out;
  for (const [id, text] of plainTexts(db, noteIds)) {
    const mine = attached.filter((r) => r.note_id === id);
    const points = mine.flatMap((r) => [Math.max(0, r.start_offset - CONTEXT), r.start_offset, r.end_offset, r.end_offset + CONTEXT]);
    const units = toUnits(text, points);
    mine.forEach((r, i) => {
      const [a, s, e, b] = units.slice(4 * i, 4 * i + 4) as [number, number, number, number];
      out.set(r.id, { before: wholeWordsBefore(text, a, s), after: wholeWordsAfter(text, e, b) });
    });
  }
  return out;
}

/**
 * The context before a passage: back to the start of its paragraph (another
 * paragraph may be someone else's turn), or else whole words, with "…" where
 * the paragraph goes on.
 */
function wholeWordsBefore(text: string, from: number, to: number): string {
  const slice = text.slice(from, to);
  const paragraph = slice.lastIndexOf('\n');
  if (paragraph >= 0) return slice.slice(paragraph + 1);
  if (from === 0) return slice;
  const space = /\s/.test(text[from - 1]!) ? -1 : slice.search(/\s/);
  return `…${space < 0 ? slice : slice.slice(space + 1)}`;
}

/** The context after a passage: to the end of its paragraph, or else whole words and "…". */
function wholeWordsAfter(text: string, from: number, to: number): string {
  const slice = text.slice(from, to);
  const paragraph = slice.indexOf('\n');
  if (paragraph >= 0) return slice.slice(0, paragraph);
  if (to >= text.length) return slice;
  const space = /\s/.test(text[to]!) ? -1 : slice.search(/\s\S*$/);
  return `${space < 0 ? slice : slice.slice(0, space)}…`;
}
