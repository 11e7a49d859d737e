/**
 * Text as the full-text indexes hold it (issue 11, Japanese and Chinese search). FTS5's unicode61 tokenizer
 * makes one word of a run of letters, and Japanese and Chinese write without spaces: "市場調査を行った" was one
 * word, so 調査 found nothing. Here every character of a CJK script (Han, Hiragana, Katakana, Hangul, Bopomofo)
 * is a word of its own: a break the tokenizer splits at is put between it and any letter or digit beside it,
 * and a search is given the same breaks (searchQuery.ts), so 調査 is the phrase 調 査 and finds those two in a
 * row wherever they stand — as a browser's find does, with no dictionary to disagree between index and query.
 * Other scripts are untouched: English is indexed and searched as before.
 *
 * The break is a Unicode noncharacter (like highlight()'s markers, searchText.ts), which the tokenizer treats
 * as a separator and which never enters a note: a text that holds one already is indexed as it is. So taking
 * every break out of a marked text gives back the text exactly.
 */
export const WORD_BREAK = '\uFDD2';

/** The note index's tokenizer (migration 0017): unicode61, told that WORD_BREAK separates words. */
export const NOTE_TOKENIZER = `unicode61 remove_diacritics 2 separators '${WORD_BREAK}'`;

/** A letter or digit of a CJK script. */
export const CJK_LETTER = String.raw`[[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]&&[\p{L}\p{N}]]`;
/** What the tokenizer keeps in a word (its default token characters). */
const TOKEN = String.raw`[\p{L}\p{N}\p{Co}]`;
const ANY_CJK = new RegExp(CJK_LETTER, 'v');
/** Between a CJK letter (with any marks on it) and a letter or digit, either way round: where a break goes. */
const BREAK_AT = new RegExp(String.raw`(?<=${CJK_LETTER}\p{M}*)(?=${TOKEN})|(?<=${TOKEN}\p{M}*)(?=${CJK_LETTER})`, 'gv');

/**
 * The text with a WORD_BREAK between each CJK letter and the letter or digit beside it, or null when that is
 * the text itself (no CJK letter beside another) or when the text already holds a WORD_BREAK.
 */
export function indexedText(text: string): string | null {
  if (!ANY_CJK.test(text) || text.includes(WORD_BREAK)) return null;
  const broken = text.replace(BREAK_AT, WORD_BREAK);
  return broken === text ? null : broken;
}

/** The text as a search for it is given to the index: with the breaks its words get there. */
export const searchedText = (text: string): string => indexedText(text) ?? text;
