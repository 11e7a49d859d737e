/**
 * One generated note: blocks of text as a reviewer types them during a visit
 * (headings, speaker turns "P014: …", continuations, observations, lists,
 * quotations), with chosen runs of sentences tagged as passages. The marks go
 * straight into the blocks (TextRun.marks), so the document is built once with
 * every passage in it instead of one editor update per passage.
 */
import type { NoteBlock, TextRun } from '../../src/shared/domain/noteBlocks';
import { countWords } from '../../src/shared/note/text';
import type { Random } from './random';
import { fillers, frames, memos, observations, questions, rareSentence } from './vocabulary';

export interface ThemeChoice {
  /** Theme ids, index-aligned with weights and clauses. */
  ids: string[];
  weights: number[];
  total: number;
  clauses: string[][];
}

export interface NotePlan {
  kind: 'conversation' | 'interview' | 'submission';
  words: number;
  passages: number;
  /** Participant codes who may speak ("P014"); empty: nobody speaks by turn. */
  speakers: string[];
  rareWord: boolean;
}

export interface PlannedPassage {
  id: string;
  themeIds: string[];
  memo: string;
  keyQuote: boolean;
  /** The passage runs from the end of one paragraph into the next. */
  spansBlocks: boolean;
}

export interface BuiltNote {
  blocks: NoteBlock[];
  passages: PlannedPassage[];
  words: number;
}

interface Draft {
  kind: 'heading' | 'paragraph' | 'quote' | 'item';
  prefix: TextRun[];
  sentences: string[];
  /** Passage ids covering each sentence. */
  covers: string[][];
  theme: number;
  taggable: boolean;
  /** A paragraph that carries on the previous turn without a speaker label. */
  continuation: boolean;
  hasSpeaker: boolean;
  /** List items of one list share a group number. */
  list: number;
  ordered: boolean;
}

/** Draw a theme index by weight (a few large themes, a long tail). */
export const pickTheme = (themes: ThemeChoice, random: Random): number => random.weighted(themes.weights, themes.total);

/**
 * A sentence mostly about the paragraph's theme, sometimes about another,
 * sometimes small talk; a clause already said in the paragraph is redrawn once.
 */
function sentenceFrom(random: Random, themes: ThemeChoice, theme: number, said: Set<string>): string {
  const roll = random.next();
  if (roll < 0.22) return random.pick(fillers);
  const bank = themes.clauses[roll < 0.85 ? theme : pickTheme(themes, random)]!;
  let clause = random.pick(bank);
  if (said.has(clause)) clause = random.pick(bank);
  said.add(clause);
  return random.pick(frames)(clause);
}

export function buildNote(random: Random, plan: NotePlan, themes: ThemeChoice): BuiltNote {
  const drafts: Draft[] = [];
  let words = 0;
  let lists = 0;
  let session = 0;
  let rarePlanted = false;
  const draft = (kind: Draft['kind'], sentences: string[], extra: Partial<Draft> = {}): Draft => {
    const d: Draft = {
      kind,
      prefix: [],
      sentences,
      covers: sentences.map(() => []),
      theme: 0,
      taggable: false,
      continuation: false,
      hasSpeaker: false,
      list: -1,
      ordered: false,
      ...extra,
    };
    drafts.push(d);
    words += d.prefix.reduce((n, r) => n + countWords(r.text), 0) + sentences.reduce((n, s) => n + countWords(s), 0);
    return d;
  };
  const sentences = (theme: number, min: number, max: number) => {
    const said = new Set<string>();
    return Array.from({ length: random.int(min, max) }, () => sentenceFrom(random, themes, theme, said));
  };

  const hour = random.int(9, 13);
  while (words < plan.words) {
    if (drafts.length === 0 || (drafts.length % 14 === 0 && words < plan.words - 100)) {
      session++;
      const time = `${String(hour + Math.floor(session / 2)).padStart(2, '0')}:${session % 2 ? '00' : '30'}`;
      const title =
        plan.kind === 'submission'
          ? `${session}. ${random.pick(['Summary', 'Evidence', 'Our members’ experience', 'Recommendations', 'Training needs'])}`
          : `Session ${session} (${time})`;
      draft('heading', [title]);
      continue;
    }
    if (plan.rareWord && !rarePlanted && drafts.length >= 2) {
      draft('paragraph', [rareSentence], { prefix: [{ text: 'Observation:', bold: true }, { text: ' ' }] });
      rarePlanted = true;
      continue;
    }
    const roll = random.next();
    const theme = pickTheme(themes, random);
    if (plan.kind === 'interview' && roll < 0.12) {
      draft('paragraph', [random.pick(questions)], { prefix: [{ text: 'Q:', bold: true }, { text: ' ' }] });
    } else if (roll < 0.06) {
      draft('paragraph', [random.pick(observations)], { prefix: [{ text: 'Observation:', bold: true }, { text: ' ' }] });
    } else if (roll < 0.1) {
      const list = lists++;
      const ordered = random.chance(0.3);
      draft('paragraph', [random.pick(['Actions agreed:', 'Points raised:', 'What would help:'])]);
      for (let i = random.int(2, 5); i > 0; i--) {
        draft('item', sentences(theme, 1, 1), { list, ordered, theme, taggable: true });
      }
    } else if (roll < 0.13) {
      draft('quote', sentences(theme, 1, 2), { theme, taggable: true });
    } else if (roll < 0.24 && drafts[drafts.length - 1]?.kind === 'paragraph' && drafts[drafts.length - 1]!.taggable) {
      draft('paragraph', sentences(theme, 2, 4), { theme, taggable: true, continuation: true });
    } else if (plan.speakers.length) {
      const code = random.pick(plan.speakers);
      draft('paragraph', sentences(theme, 2, 6), {
        prefix: [{ text: `${code}: ` }],
        theme,
        taggable: true,
        hasSpeaker: true,
      });
    } else {
      draft('paragraph', sentences(theme, 3, 7), { theme, taggable: true });
    }
  }

  const passages = choosePassages(random, drafts, plan.passages, themes);
  return { blocks: render(drafts), passages, words };
}

function choosePassages(random: Random, drafts: Draft[], count: number, themes: ThemeChoice): PlannedPassage[] {
  const taggable = drafts.map((d, i) => ({ d, i })).filter(({ d }) => d.taggable);
  const weights = taggable.map(({ d }) => (d.kind === 'item' ? 0.3 : d.sentences.length));
  const total = weights.reduce((a, b) => a + b, 0);
  const spanStarts = taggable.filter(({ i }) => drafts[i + 1]?.continuation).map(({ i }) => i);
  const used = new Set<string>();
  const out: PlannedPassage[] = [];
  if (taggable.length === 0) return out;

  for (let n = 0; n < count; n++) {
    const id = random.uuid();
    let theme: number;
    let spansBlocks = false;
    let hasSpeaker: boolean;
    if (spanStarts.length && random.chance(0.02)) {
      // The end of one paragraph and the start of the next: a passage across blocks.
      const i = random.pick(spanStarts);
      const [a, b] = [drafts[i]!, drafts[i + 1]!];
      a.covers[a.sentences.length - 1]!.push(id);
      b.covers[0]!.push(id);
      theme = a.theme;
      hasSpeaker = a.hasSpeaker;
      spansBlocks = true;
    } else {
      const allowOverlap = random.chance(0.12);
      let pick = { d: taggable[0]!.d, start: 0, length: 1 };
      for (let attempt = 0; attempt < 8; attempt++) {
        const { d, i } = taggable[random.weighted(weights, total)]!;
        const r = random.next();
        const length = Math.min(d.sentences.length, r < 0.55 ? 1 : r < 0.85 ? 2 : 3);
        const start = random.int(0, d.sentences.length - length);
        pick = { d, start, length };
        const key = `${i}:${start}:${length}`;
        const free = d.covers.slice(start, start + length).every((c) => c.length === 0);
        if (!used.has(key) && (free || allowOverlap)) {
          used.add(key);
          break;
        }
      }
      for (let k = pick.start; k < pick.start + pick.length; k++) pick.d.covers[k]!.push(id);
      theme = pick.d.theme;
      hasSpeaker = pick.d.hasSpeaker;
    }
    const themeIds = [themes.ids[theme]!];
    const extra = random.chance(0.22) ? (random.chance(0.18) ? 2 : 1) : 0;
    for (let k = 0; k < extra; k++) {
      const other = themes.ids[pickTheme(themes, random)]!;
      if (!themeIds.includes(other)) themeIds.push(other);
    }
    out.push({
      id,
      themeIds,
      memo: random.chance(0.08) ? random.pick(memos) : '',
      keyQuote: random.chance(hasSpeaker ? 0.06 : 0.01),
      spansBlocks,
    });
  }
  return out;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A draft's text as runs: the prefix unmarked, then sentences (and the spaces between them) with their marks. */
function runsOf(d: Draft): TextRun[] {
  const pieces: TextRun[] = d.prefix.map((r) => ({ ...r }));
  d.sentences.forEach((sentence, k) => {
    const marks = d.covers[k]!;
    if (k > 0) {
      const previous = d.covers[k - 1]!;
      pieces.push({ text: ' ', marks: previous.filter((id) => marks.includes(id)) });
    }
    pieces.push({ text: sentence, marks: [...marks] });
  });
  // Join neighbours with the same marks and format, as the editor would hold them.
  const runs: TextRun[] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    const marks = piece.marks ?? [];
    if (last && sameIds(last.marks ?? [], marks) && Boolean(last.bold) === Boolean(piece.bold)) {
      last.text += piece.text;
    } else {
      runs.push({ text: piece.text, ...(piece.bold ? { bold: true } : {}), ...(marks.length ? { marks } : {}) });
    }
  }
  return runs;
}

function render(drafts: Draft[]): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.kind === 'heading') blocks.push({ kind: 'heading', level: 2, runs: runsOf(d) });
    else if (d.kind === 'quote') blocks.push({ kind: 'quote', runs: runsOf(d) });
    else if (d.kind === 'paragraph') blocks.push({ kind: 'paragraph', runs: runsOf(d) });
    else {
      const items: TextRun[][] = [];
      while (drafts[i]?.kind === 'item' && drafts[i]!.list === d.list) items.push(runsOf(drafts[i++]!));
      i--;
      blocks.push({ kind: 'list', ordered: d.ordered, items });
    }
  }
  return blocks;
}
