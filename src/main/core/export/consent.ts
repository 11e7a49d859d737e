/**
 * Who may be quoted, how a quote is attributed, and which recorded real names
 * must come out of exported text (issue 13). Every export — Word, PDF, CSV,
 * Excel, REFI-QDA — asks these rules and nothing else, so the promise "a
 * participant marked not for quotation never appears" is kept in one place.
 *
 * Pure: no database, no files. `consentRules()` is built once per export from
 * the participants (with their real names, which only this module and the
 * participant's own record ever see).
 */
import { staffGroupLabels, type Consent, type StaffGroup } from '../../../shared/domain/participant';

export interface ConsentParticipant {
  id: string;
  code: string;
  realName: string;
  staffGroup: StaffGroup;
  consent: Consent;
}

/**
 * `pseudonym`: every quote reads "P014, nurse". `names`: a participant who
 * consented to attribution is named ("Asha Patel, nurse"); everyone else
 * stays a pseudonym.
 */
export type AttributionLevel = 'pseudonym' | 'names';

export interface QuoteSource {
  passageId: string;
  /** The participant the passage is linked to (its speaker), if any. */
  participantId: string | null;
  text: string;
}

/** A recorded real name found in exported text and what replaced it. */
export interface NameReplacement {
  /** The words as they stood in the text. */
  found: string;
  /** What they became: "[P014]", or "[name]" where a word is part of more than one person's name. */
  replacement: string;
  /** The participant whose name it was; null when the word belongs to several. */
  participantCode: string | null;
}

export type WithheldReason =
  /** The speaker is marked "not for quotation". */
  | 'not_for_quotation'
  /** The passage runs into a turn of a speaker who is not for quotation (or is not a recorded participant). */
  | 'contains_unquotable_speaker'
  /** Said in a turn of a speaker code linked to no participant: whose consent is unknown (services/unknownSpeakers.ts). */
  | 'unknown_speaker';

export type QuoteDecision =
  | {
      quotable: true;
      /** The quote as it may be printed: speaker labels taken off, real names replaced. */
      text: string;
      /** "P014, nurse"; null when the passage has no speaker (the caller names its source instead). */
      attribution: string | null;
      participantCode: string | null;
      replacements: NameReplacement[];
    }
  | {
      quotable: false;
      reason: WithheldReason;
      /** The speaker codes that made it unquotable. */
      speakers: string[];
      /** A sentence for the pre-export check. */
      explanation: string;
    };

export interface ConsentRules {
  /** Whether anything this participant said may appear in an export. */
  mayQuote(participantId: string | null): boolean;
  /** "P014, nurse", or "Asha Patel, nurse" when consented and allowed; null for no participant. */
  attribute(participantId: string | null): string | null;
  /** Replace recorded real names in any exported text (quotes, memos, statements, titles). */
  pseudonymise(text: string): { text: string; replacements: NameReplacement[] };
  /** The full decision for one passage. */
  decide(source: QuoteSource): QuoteDecision;
}

/** "P014:" at the start of a line: a speaker turn inside a passage's text. */
const SPEAKER_TURN = /(^|\n)[ \t]*(P\d{3,}):[ \t]*/g;

/**
 * Name parts that are also everyday English words. Alone (not in the full
 * name) they are replaced only where written with a capital letter, so "we
 * may need" survives a participant called May Long while "May said" does not.
 */
const COMMON_WORDS = new Set(
  `able all an and april art august bay bell berry best bill bird black bloom bond born brand bridge brook brown bush
  can carpenter case chance child church clay close cook cross day dale dean dear do early east ever fair faith field
  fine fish ford fox frank free fuller gay glass gold good grace grant gray green grey hall hand hardy hart hay heart
  hill hope house hunt ivy jack joy june just keen king knight lake land lane law lee light little long love lucky
  major march mark mason may mercy middle mill miller moon moore more morning new north oak page park parks pat pen
  penny pink poll pool pope post power price prince read reed rich ring rock rose rowe royal ruby rush sage salt
  shepherd short sky small smart snow south spring stone storm strong summer sun swan sweet tan taylor thomas
  timber took town tree true turner wall ward ware waters way webb well wells west white will wise wolf wood woods
  young`.split(/\s+/),
);

/** Letters that NFKD does not decompose but people type without their marks. */
const FOLD_EXTRA: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u2010': '-',
  '\u2011': '-',
};

/** One character's comparable form: no accents, lower case, typographic apostrophes and hyphens plain. */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const extra = FOLD_EXTRA[lower];
  if (extra !== undefined) return extra;
  return lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** A folded copy of a text, with where each folded unit came from in the original. */
interface FoldedText {
  folded: string;
  /** For a UTF-16 unit of `folded`: the original span [from, to) of the character it came from. */
  from: (i: number) => number;
  to: (i: number) => number;
}

const ASCII_ONLY = /^[\t\n\r\u0020-\u007e]*$/;
const unit = (i: number) => i;
const nextUnit = (i: number) => i + 1;

function foldText(text: string): FoldedText {
  // Most evidence is plain ASCII: folding is lower-casing, position for position.
  if (ASCII_ONLY.test(text)) return { folded: text.toLowerCase(), from: unit, to: nextUnit };
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  return { folded, from: (k) => from[k]!, to: (k) => to[k]! };
}

const fold = (text: string) => foldText(text).folded;

interface NamePattern {
  /** Folded words of the name. */
  words: string[];
  codes: Set<string>;
  commonWord: boolean;
}

/** The words of a recorded name that identify a person alone: two letters or more ("Li", "Ng" count). */
function nameWords(realName: string): string[] {
  return fold(realName)
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => /\p{L}.*\p{L}/u.test(w));
}

function buildPatterns(people: ConsentParticipant[]): NamePattern[] {
  const byKey = new Map<string, NamePattern>();
  const add = (words: string[], code: string) => {
    const key = words.join(' ');
    const known = byKey.get(key);
    if (known) known.codes.add(code);
    else byKey.set(key, { words, codes: new Set([code]), commonWord: words.length === 1 && COMMON_WORDS.has(key) });
  };
  for (const person of people) {
    const words = nameWords(person.realName);
    if (words.length === 0) continue;
    if (words.length > 1) add(words, person.code);
    for (const word of words) add([word], person.code);
  }
  return [...byKey.values()];
}

const WORD = /[\p{L}\p{N}]+/gu;
/** What may stand between the words of one name in running text: spaces, a hyphen, an apostrophe, a full stop. */
const NAME_JOIN = /^[\s\u00a0'.-]{1,3}$/u;

/**
 * The names as token sequences, by their first token. A text is read word by word once and each
 * word looks up the names that start with it — linear in the text, whatever the number of people
 * (one regular expression of 4,500 names took 8 ms per passage).
 */
type NameMatcher = Map<string, { tokens: string[]; pattern: NamePattern }[]>;

function nameMatcher(patterns: NamePattern[]): NameMatcher {
  const byFirst: NameMatcher = new Map();
  for (const pattern of patterns) {
    const tokens = pattern.words.join(' ').match(WORD) ?? [];
    if (tokens.length === 0) continue;
    const list = byFirst.get(tokens[0]!) ?? [];
    list.push({ tokens, pattern });
    byFirst.set(tokens[0]!, list);
  }
  // Longest first, so "Asha Patel" is one replacement and not two.
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirst;
}

/** Whether any word of the text starts a name: most passages name nobody, and this is all they cost. */
function mentionsAny(folded: string, matcher: NameMatcher): boolean {
  // Plain ASCII is scanned without Unicode classes, several times faster.
  const re = ASCII_ONLY.test(folded) ? /[a-z0-9]+/g : new RegExp(WORD.source, 'gu');
  for (let m = re.exec(folded); m; m = re.exec(folded)) if (matcher.has(m[0])) return true;
  return false;
}

/** Replace every recorded real name in a text, longest names first, each stretch once. */
function replaceNames(text: string, matcher: NameMatcher): { text: string; replacements: NameReplacement[] } {
  if (matcher.size === 0 || text.length === 0) return { text, replacements: [] };
  const { folded, from, to } = foldText(text);
  if (!mentionsAny(folded, matcher)) return { text, replacements: [] };
  const words = [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  let out = '';
  let at = 0;
  const replacements: NameReplacement[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = matcher.get(words[i]!.word);
    if (!candidates) continue;
    const hit = candidates.find(({ tokens, pattern }) => {
      for (let k = 1; k < tokens.length; k++) {
        const word = words[i + k];
        if (!word || word.word !== tokens[k] || !NAME_JOIN.test(folded.slice(words[i + k - 1]!.end, word.start))) return false;
      }
      return !pattern.commonWord || /^\p{Lu}/u.test(text.slice(from(words[i]!.start)));
    });
    if (!hit) continue;
    const start = from(words[i]!.start);
    const end = to(words[i + hit.tokens.length - 1]!.end - 1);
    const codes = hit.pattern.codes;
    // Several people share the word: say only "[name]", never a guess at whose it is.
    const single = codes.size === 1 ? [...codes][0]! : null;
    const replacement = { found: text.slice(start, end), replacement: single ? `[${single}]` : '[name]', participantCode: single };
    out += text.slice(at, start) + replacement.replacement;
    at = end;
    replacements.push(replacement);
    i += hit.tokens.length - 1;
  }
  return replacements.length === 0 ? { text, replacements } : { text: out + text.slice(at), replacements };
}

/** "Allied health professional" → "allied health professional", as it reads after a code. */
export function staffGroupInText(group: StaffGroup): string {
  const label = staffGroupLabels[group];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * `unlinked`: passage id → the speaker code of its turn, for passages said by a code linked to nobody
 * (`unknownSpeakersOf`, services/unknownSpeakers.ts); withheld, since nobody has said whose consent applies.
 */
export function consentRules(
  participants: ConsentParticipant[],
  attribution: AttributionLevel,
  unlinked: ReadonlyMap<string, string> = new Map(),
): ConsentRules {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const byCode = new Map(participants.map((p) => [p.code, p]));
  const named = (p: ConsentParticipant) => attribution === 'names' && p.consent === 'attributed' && p.realName.trim() !== '';
  // A person named in the report keeps their name in the text too; everyone else's comes out. A word
  // shared by a named and an unnamed person still comes out, as "[name]": we cannot tell whose it is.
  const namedCodes = new Set(participants.filter(named).map((p) => p.code));
  const matcher = nameMatcher(
    buildPatterns(participants).filter((pattern) => [...pattern.codes].some((c) => !namedCodes.has(c))),
  );

  const mayQuote = (participantId: string | null) => {
    if (participantId === null) return true;
    const p = byId.get(participantId);
    return p !== undefined && p.consent !== 'none';
  };

  const attribute = (participantId: string | null) => {
    if (participantId === null) return null;
    const p = byId.get(participantId);
    if (!p) return null;
    const who = named(p) ? p.realName.trim() : p.code;
    return `${who}, ${staffGroupInText(p.staffGroup)}`;
  };

  const pseudonymise = (text: string) => replaceNames(text, matcher);

  const decide = (source: QuoteSource): QuoteDecision => {
    const speaker = source.participantId === null ? undefined : byId.get(source.participantId);
    if (source.participantId !== null && (!speaker || speaker.consent === 'none')) {
      const code = speaker?.code ?? 'an unknown participant';
      return {
        quotable: false,
        reason: 'not_for_quotation',
        speakers: speaker ? [speaker.code] : [],
        explanation: `Said by ${code}, who is not for quotation.`,
      };
    }
    const unknownCode = unlinked.get(source.passageId);
    if (unknownCode !== undefined) {
      return {
        quotable: false,
        reason: 'unknown_speaker',
        speakers: [unknownCode],
        explanation: `Said by ${unknownCode}, a speaker code linked to no participant, so whose consent applies is unknown: link the code to quote it.`,
      };
    }
    // Speaker turns inside the passage: every one must be someone who may be quoted.
    const blocked = new Set<string>();
    for (const m of source.text.matchAll(SPEAKER_TURN)) {
      const other = byCode.get(m[2]!);
      if (!other || other.consent === 'none') blocked.add(m[2]!);
    }
    if (blocked.size > 0) {
      const codes = [...blocked].sort();
      return {
        quotable: false,
        reason: 'contains_unquotable_speaker',
        speakers: codes,
        explanation: `Runs into words of ${codes.join(', ')}, who ${codes.length > 1 ? 'are' : 'is'} not for quotation or not a recorded participant.`,
      };
    }
    const unlabelled = source.text.replace(SPEAKER_TURN, (_all, lineStart: string) => lineStart).trim();
    const { text, replacements } = pseudonymise(unlabelled);
    return {
      quotable: true,
      text,
      attribution: attribute(source.participantId),
      participantCode: speaker?.code ?? null,
      replacements,
    };
  };

  return { mayQuote, attribute, pseudonymise, decide };
}
