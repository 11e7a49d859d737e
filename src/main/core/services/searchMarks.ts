import type { Span } from './searchText';

/** A text and its matches, in UTF-16 units, as FTS5's highlight() marked them. */
export interface MarkedText {
  text: string;
  matches: Span[];
}

/** Queries whose marked texts are kept; a person going back and forth between filters uses one or two. */
const QUERIES_KEPT = 4;

/**
 * Notes' texts as highlight() marked them, per FTS5 query and note id (issue 8). highlight() re-reads and
 * re-tokenizes each note of the page whole — about half of a search at review scale — and a person who
 * changes a filter, or pages back, asks for the same notes under the same query again. Kept for the last
 * few queries only; held by the analysis index, which forgets a note's marks when the note's text (or
 * anything else of it) changes, as it does the note's speaker turns.
 */
export class SearchMarks {
  private byQuery = new Map<string, Map<string, { marked: MarkedText; only: string | null }>>();

  /**
   * A note's marks for the query: marked whole, or marked in only some blocks (`only` names them,
   * searchPlaces.ts), which serves a page asking for those same blocks alone.
   */
  get(query: string, noteId: string, only: string | null = null): MarkedText | undefined {
    const kept = this.byQuery.get(query)?.get(noteId);
    return kept && (kept.only === null || kept.only === only) ? kept.marked : undefined;
  }

  set(query: string, noteId: string, marked: MarkedText, only: string | null = null): void {
    let notes = this.byQuery.get(query);
    if (!notes) {
      this.byQuery.set(query, (notes = new Map()));
      for (const oldest of this.byQuery.keys()) {
        if (this.byQuery.size <= QUERIES_KEPT) break;
        this.byQuery.delete(oldest);
      }
    }
    if (only !== null && notes.get(noteId)?.only === null) return; // the whole note's marks serve every page
    notes.set(noteId, { marked, only });
  }

  /** The most recent query is the last one asked for: keep it longest. */
  touch(query: string): void {
    const notes = this.byQuery.get(query);
    if (!notes) return;
    this.byQuery.delete(query);
    this.byQuery.set(query, notes);
  }

  forget(noteId: string): void {
    for (const notes of this.byQuery.values()) notes.delete(noteId);
  }

  clear(): void {
    this.byQuery.clear();
  }
}
