/**
 * A person's search text, made into an FTS5 query that can never be a syntax
 * error (issue 4). Words are ANDed; "a phrase" matches those words in a row;
 * word* matches any word starting so. Everything else FTS5 would read as
 * syntax — AND, OR, NOT, NEAR, parentheses, column filters, ^, + — is taken
 * as text to find: each word or phrase is put inside a double-quoted FTS5
 * string (inner quotes doubled), where only the tokenizer looks at it. The
 * same unicode61 tokenizer that built the index then splits and folds it, so
 * query and index agree on what a word is (accents, case, emoji) without us
 * imitating it.
 */
import { CJK_LETTER, searchedText } from '../store/indexedText';

export interface SearchTerm {
  /** The words as typed (a phrase's words, or one word). */
  text: string;
  phrase: boolean;
  prefix: boolean;
}

/** More terms than anyone types; a bound on the work one query can ask for. */
export const MAX_TERMS = 32;

/** Characters FTS5's query parser cannot take even inside a string (it stops at NUL), and other controls. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f]/g;
/** Does a piece contain anything the tokenizer could keep (not only punctuation and spaces)? */
const WORDLIKE = /[^\p{P}\p{Z}\p{Cc}\p{Cf}\p{Sm}\p{Sc}\p{Sk}]/u;

/** Split search text into terms: "quoted phrases" (a missing closing quote ends at the end) and words. */
export function parseSearch(input: string): SearchTerm[] {
  const text = input.replace(CONTROLS, ' ');
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < text.length && terms.length < MAX_TERMS) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let body: string;
    let phrase = false;
    if (ch === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? text.length : close;
      body = text.slice(i + 1, end);
      i = close < 0 ? text.length : close + 1;
      phrase = true;
    } else {
      const match = /^[^\s"]+/.exec(text.slice(i))!;
      body = match[0];
      i += body.length;
    }
    let prefix = false;
    if (text[i] === '*' && phrase) {
      prefix = true;
      while (text[i] === '*') i++;
    } else if (!phrase && /\*+$/.test(body)) {
      prefix = true;
      body = body.replace(/\*+$/, '');
    }
    const words = body.trim();
    if (WORDLIKE.test(words)) terms.push({ text: words, phrase: phrase && /\s/.test(words), prefix });
  }
  return terms;
}

/**
 * The FTS5 MATCH expression for the terms: each a quoted string, ANDed by juxtaposition. For the note index
 * (`notes`), each CJK letter is a word of its own there (store/indexedText.ts), so a term gets the same breaks
 * and 調査 is asked as the phrase 調 査; the memo index makes one word of a CJK run, as the text has it.
 */
export function toFtsQuery(terms: SearchTerm[], index: 'notes' | 'memos' = 'memos'): string {
  return terms
    .map((t) => `"${(index === 'notes' ? searchedText(t.text) : t.text).replaceAll('"', '""')}"${t.prefix ? '*' : ''}`)
    .join(' ');
}

/**
 * A term as the note index is asked for it (store/search.ts): its FTS5 query, and its words when it is not a
 * phrase — if the index's tokenizer makes one word of them, its occurrences are counted for ranking.
 */
export function toTermQuery(term: SearchTerm): { fts: string; words: string | null; prefix: boolean } {
  return { fts: toFtsQuery([term], 'notes'), words: term.phrase ? null : searchedText(term.text), prefix: term.prefix };
}

const TOKEN_CHARS = '\\p{L}\\p{N}\\p{Co}';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What search compares: compatibility-decomposed, without accents, lower case. */
export const normalise = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Each term as a regular expression over normalised text (see normalise):
 * its words in a row, each whole, the last only begun if it is a prefix. An
 * approximation of what FTS5's unicode61 tokenizer matches, for deciding
 * quickly whether a stretch of text (a speaker's turn, a key quote) holds a
 * match; positions shown to people always come from FTS5 itself.
 */
export function termPatterns(terms: SearchTerm[]): RegExp[] {
  return terms.flatMap((term) => {
    // A CJK letter is a word of its own in the note index: next to one, no separator is needed.
    const words = searchedText(normalise(term.text)).match(new RegExp(`[${TOKEN_CHARS}]+`, 'gu')) ?? [];
    if (words.length === 0) return [];
    const cjk = (word: string) => isCjk.test(word);
    const body = words.map((word, i) => (i === 0 ? '' : cjk(word) || cjk(words[i - 1]!) ? `[^${TOKEN_CHARS}]*` : `[^${TOKEN_CHARS}]+`) + escape(word)).join('');
    const before = cjk(words[0]!) ? '' : `(?<![${TOKEN_CHARS}])`;
    const after = term.prefix || cjk(words[words.length - 1]!) ? '' : `(?![${TOKEN_CHARS}])`;
    return [new RegExp(`${before}${body}${after}`, 'u')];
  });
}

const isCjk = new RegExp(CJK_LETTER, 'v');
