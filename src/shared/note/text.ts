/**
 * The canonical plain text of a note, read straight from its serialized
 * document: top-level blocks separated by a blank line, list items by a
 * line break. Search, word counts and (later) passage offsets all use this
 * one rendering, so they agree with each other.
 */
import { documentAnchors } from './anchors';

export interface DocumentText {
  plainText: string;
  wordCount: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Throws if `document` is not a serialized editor state with a root. One walker (anchors.ts) for every reader. */
export function documentText(document: string): DocumentText {
  const { plainText } = documentAnchors(document);
  return { plainText, wordCount: countWords(plainText) };
}
