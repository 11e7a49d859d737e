import { z } from 'zod';
import { IsoDate } from './engagement';
import { Consent, Speaker } from './participant';

const Id = z.string().min(1).max(100);

/** The filters every analysis view shares (issue 4): who said it, where, when, tagged by whom. */
export const AnalysisFilter = z
  .object({
    staffGroups: z.array(z.string().max(60)).max(30).optional(),
    engagementTypes: z.array(z.string().max(60)).max(50).optional(),
    /** Words found in the engagement's organisation. */
    organisation: z.string().trim().max(300).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    reviewerIds: z.array(Id).max(50).optional(),
    keyQuotesOnly: z.boolean().optional(),
  })
  .strict();
export type AnalysisFilter = z.infer<typeof AnalysisFilter>;

/** Where a passage or hit comes from, for its line in a list and the jump to it. */
export const SourceRef = z.object({
  noteId: z.string(),
  noteTitle: z.string(),
  engagementId: z.string(),
  engagementTitle: z.string(),
  engagementType: z.string(),
  date: z.string(),
  organisation: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const ThemeViewPassage = z.object({
  passageId: z.string(),
  source: SourceRef,
  quotedText: z.string(),
  /**
   * Up to 160 characters of the note before and after, for context: within the
   * passage's paragraphs, whole words, "…" where the paragraph goes on.
   */
  before: z.string(),
  after: z.string(),
  themeIds: z.array(z.string()),
  /** Consent is carried so every place that shows a passage can say when its speaker is not for quotation. */
  participant: Speaker.nullable(),
  /**
   * With no participant: the code of its turn ("P005") when that code is linked to no participant, so its
   * consent is unknown and exports withhold it (core services/unknownSpeakers.ts); else null.
   */
  unknownSpeaker: z.string().nullable(),
  keyQuote: z.boolean(),
  memo: z.string(),
  detached: z.boolean(),
  start: z.number().int(),
  end: z.number().int(),
});
export type ThemeViewPassage = z.infer<typeof ThemeViewPassage>;

export const ThemeViewResult = z.object({
  counts: z.object({ passages: z.number().int(), participants: z.number().int(), engagements: z.number().int() }),
  passages: z.array(ThemeViewPassage),
});
export type ThemeViewResult = z.infer<typeof ThemeViewResult>;

const Snippet = z.array(z.object({ text: z.string(), match: z.boolean() }));
/** A stretch of a note's plain text in code points, [start, end). */
const TextRange = z.object({ start: z.number().int(), end: z.number().int() });

/** One more place in a note where the search matched (a note hit lists every place, in order). */
export const SearchPlace = z.object({
  /** Text around the match, with the matched words marked: [before, match, after, match, after…]; never past its paragraph. */
  snippet: Snippet,
  start: z.number().int(),
  end: z.number().int(),
  /** The sentence the match is in: what "Tag…" offers. */
  sentence: TextRange,
  /** That sentence's words, for the tag picker to show what it will tag. */
  sentenceText: z.string(),
  /** Who says it: a linked participant's staff group and consent (null: an unknown speaker), for the consent sign. */
  speaker: z.object({ code: z.string(), staffGroup: z.string().nullable(), consent: Consent.nullable() }).nullable(),
  themeIds: z.array(z.string()),
  /** The passages that already cover the match: what "Add to finding…" adds. */
  passageIds: z.array(z.string()),
});
export type SearchPlace = z.infer<typeof SearchPlace>;

/**
 * A note (or a passage memo) the search found: its first place — the match the snippet shows, in code points of the
 * note's plain text, for the jump and to tag it (what you see is what you tag); for a memo hit, the passage's place,
 * sentence (its quoted text), speaker and themes — and, for a note, every place it matched.
 */
export const SearchHit = SearchPlace.extend({
  source: SourceRef,
  /** 'note' for the note's text, 'memo' for a passage memo. */
  kind: z.enum(['note', 'memo']),
  passageId: z.string().nullable(),
  /** A note hit: every place in the note the search matched, in order (the one above among them); at most 50. */
  places: z.array(SearchPlace),
  /** How many places there are in all (more than `places` holds when the note has very many). */
  placeCount: z.number().int(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ total: z.number().int(), hits: z.array(SearchHit) });
export type SearchResult = z.infer<typeof SearchResult>;

/** A reviewer recorded in the workspace, for the reviewer filter. */
export const AnalysisReviewer = z.object({ id: z.string(), name: z.string(), initials: z.string() });
export type AnalysisReviewer = z.infer<typeof AnalysisReviewer>;
