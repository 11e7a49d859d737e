/**
 * A review-scale workspace for benchmarks (issue 4, "Review scale, measured"):
 * at scale 1, 400 engagements, 1,500 participants, about 2 million words of
 * notes (one of them 50,000 words), 80 themes and 40,000 tagged passages.
 *
 * Everything goes through the core's own schema and services — createWorkspace,
 * applyTemplate, createTheme, defineAttribute, createEngagement,
 * createParticipant, linkEngagement, insertNote, createPassages, updatePassage —
 * so the file is a workspace like any other and `fieldnotes check` passes on it.
 * What makes it fast: each note's document is built once with all its passages'
 * marks in it (TextRun.marks → mark nodes in blocksToDocument), offsets come from
 * documentAnchors as on every save, the notes go in one transaction, and the
 * full-text indexes are built once at the end (bulk.ts).
 *
 * Content is deterministic for a seed (text, structure, passage ids); the ids
 * the services mint and the timestamps they write are not.
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { applyTemplate } from '../../src/main/core/codebook/codebook';
import { createEngagement } from '../../src/main/core/services/engagements';
import { insertNote } from '../../src/main/core/services/notes';
import { defineAttribute } from '../../src/main/core/services/participantAttributes';
import { createParticipant, linkEngagement } from '../../src/main/core/services/participants';
import { createPassages, updatePassage } from '../../src/main/core/services/passages';
import { recordReviewer } from '../../src/main/core/store/reviewers';
import { noteTextSql } from '../../src/main/core/store/noteBlocks';
import { createTheme, listThemes } from '../../src/main/core/services/themes';
import { createWorkspace } from '../../src/main/core/workspace/workspace';
import { NewEngagement } from '../../src/shared/domain/engagement';
import { NewParticipant, staffGroupLabels, type StaffGroup } from '../../src/shared/domain/participant';
import { documentAnchors } from '../../src/shared/note/anchors';
import { blocksToDocument } from '../../src/shared/note/blocksToDocument';
import { writeInBulk } from './bulk';
import { addFindings, type GeneratedFindings } from './findings';
import { buildNote, type NotePlan, type ThemeChoice } from './noteBuilder';
import { Random } from './random';
import {
  clauses,
  extraThemes,
  firstNames,
  largestThemes,
  lastNames,
  organisations,
  organisationTypeOfKind,
  panels,
  RARE_WORD,
  regionOfPlace,
  reviewers as reviewerNames,
  roundtables,
  staffGroupMix,
  topics,
  type Organisation,
} from './vocabulary';

/** The review the issue describes, at scale 1. */
export const FULL_SCALE = {
  engagements: 400,
  participants: 1500,
  words: 2_000_000,
  themes: 80,
  passages: 40_000,
  bigNoteWords: 50_000,
} as const;

export const BIG_NOTE_TITLE = 'Full-day transcript';

export interface GenerateOptions {
  seed?: number;
  /** 1 = review scale; 0.01 builds a small one for tests. Themes stay at 80. */
  scale?: number;
  onProgress?: (line: string) => void;
}

export interface GeneratedWorkspace {
  path: string;
  seed: number;
  scale: number;
  seconds: number;
  fileBytes: number;
  counts: {
    engagements: number;
    engagementTypes: number;
    participants: number;
    participantLinks: number;
    notes: number;
    words: number;
    themes: number;
    passages: number;
    tags: number;
    overlapping: number;
    spanningBlocks: number;
    withParticipant: number;
    memos: number;
    keyQuotes: number;
    notesWithRareWord: number;
  };
  bigNote: { id: string; words: number; passages: number };
  /** Findings with CERQual and passages, recommendations citing them, matrix cell summaries (issue 8). */
  findings: GeneratedFindings;
  largestThemes: { name: string; passages: number }[];
}

type EngagementType = 'interview' | 'site_visit' | 'focus_group' | 'written_submission' | 'workshop' | 'roundtable';

/** How a review's engagements divide between the six types (sums to 400), their size and their notes. */
const TYPES: Record<EngagementType, { count: number; people: [number, number]; notes: [number, number]; medianWords: number }> = {
  interview: { count: 130, people: [1, 2], notes: [1, 2], medianWords: 2200 },
  site_visit: { count: 80, people: [4, 12], notes: [1, 3], medianWords: 1700 },
  focus_group: { count: 70, people: [6, 10], notes: [1, 2], medianWords: 2600 },
  written_submission: { count: 60, people: [0, 1], notes: [1, 1], medianWords: 2000 },
  workshop: { count: 45, people: [12, 25], notes: [2, 3], medianWords: 2200 },
  roundtable: { count: 15, people: [25, 45], notes: [2, 3], medianWords: 3200 },
};

const ORGANISATION_KINDS: Record<EngagementType, Organisation['kind'][]> = {
  interview: ['acute', 'specialist', 'mental_health', 'community', 'ambulance', 'primary', 'university', 'college', 'national', 'industry', 'charity'],
  site_visit: ['acute', 'specialist', 'mental_health', 'community', 'ambulance', 'primary'],
  focus_group: ['acute', 'specialist', 'mental_health', 'community', 'ambulance', 'primary'],
  written_submission: ['college', 'national', 'charity', 'industry', 'university'],
  workshop: ['university', 'national', 'acute', 'college'],
  roundtable: ['national'],
};

const short = (name: string) => name.replace(/ NHS (Foundation )?Trust$/, '');
/** "Change management" → "change management"; "IT infrastructure" stays as it is. */
const lower = (s: string) => (/^.[a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const iso = (d: Date) => d.toISOString().slice(0, 10);

function dateIn2018(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  for (;;) {
    const date = new Date(start + random.int(0, days) * 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) return iso(date);
  }
}

/** Largest-remainder split of `total` in proportion to `weights`: the parts sum to exactly `total`. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

interface PlannedEngagement {
  id: string;
  type: EngagementType;
  date: string;
  organisation: Organisation;
  reviewerIds: string[];
  people: number[];
  codes: string[];
}

export function generateWorkspace(path: string, options: GenerateOptions = {}): GeneratedWorkspace {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const say = options.onProgress ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const random = new Random(seed);

  const reviewers = reviewerNames.map((r) => ({ id: random.uuid(), ...r }));
  const workspace = createWorkspace(path, { name: 'Topol-scale review (generated)', createdBy: reviewers[0]! });
  const db = workspace.db;
  // A bigger page cache for the build only (a connection setting; nothing is stored).
  db.pragma('cache_size = -131072');
  let result;
  try {
    const { big, findings } = writeInBulk(db, () => {
      const big = db.transaction(() => {
        for (const r of reviewers.slice(1)) recordReviewer(db, { ...r });
        const plan = setUp(db, random, scale, reviewers.map((r) => r.id));
        say(
          `codebook ${plan.themes.ids.length} themes, ${plan.engagements.length} engagements, ${plan.participantCount} participants (${elapsed()})`,
        );
        return writeNotes(db, random, scale, plan, say, elapsed);
      })();
      // Not in a transaction: the findings read the theme view, whose analysis index is then built once and kept
      // (within a transaction it is built afresh for every read: 60 builds of ~5 s each at scale 4).
      const findings = addFindings(db, random, scale, reviewers.map((r) => r.id));
      say(`${findings.findings} findings, ${findings.recommendations} recommendations, ${findings.cellSummaries} cell summaries (${elapsed()})`);
      return { big, findings };
    });
    say(`full-text indexes built, written (${elapsed()})`);
    result = { ...summarise(db, workspace.path, seed, scale, big), findings };
  } finally {
    workspace.close(); // checkpoints the WAL into the file
  }
  return { ...result, fileBytes: statSync(workspace.path).size, seconds: (performance.now() - started) / 1000 };
}

interface Plan {
  themes: ThemeChoice;
  engagements: PlannedEngagement[];
  participantCount: number;
  secretariat: string;
}

function setUp(db: Database.Database, random: Random, scale: number, reviewerIds: string[]): Plan {
  const secretariat = reviewerIds[0]!;
  const panelIds = reviewerIds.slice(1);
  const panelNames = reviewerNames.slice(1).map((r) => r.name);

  // Codebook: the Topol template, then the themes a larger review adds (80 in all).
  applyTemplate(db, secretariat);
  const idByName = new Map(listThemes(db).map((t) => [t.name, t.id]));
  for (const extra of extraThemes) {
    const parentId = extra.parent ? idByName.get(extra.parent) : null;
    if (parentId === undefined) throw new Error(`no theme "${extra.parent}" for "${extra.name}"`);
    const theme = createTheme(db, { name: extra.name, parentId, definition: extra.definition }, secretariat);
    idByName.set(theme.name, theme.id);
  }
  const all = listThemes(db);
  const topLevel = all.filter((t) => t.depth === 0).map((t) => t.name);
  const rest = random.shuffle(all.map((t) => t.name).filter((n) => !largestThemes.includes(n) && !topLevel.includes(n)));
  const ranked = [...largestThemes, ...rest, ...topLevel];
  const weights = ranked.map((_, rank) => 1 / (rank + 2.5) ** 1.05);
  const themes: ThemeChoice = {
    ids: ranked.map((n) => idByName.get(n)!),
    weights,
    total: weights.reduce((a, b) => a + b, 0),
    clauses: ranked.map(
      (n) =>
        clauses[n] ?? [
          `${lower(n)} came up again and again`,
          `nobody had a clear plan for ${lower(n)}`,
          `${lower(n)} matters more than the technology itself`,
          `the trust is only starting to think about ${lower(n)}`,
        ],
    ),
  };

  // Custom participant attributes, as a secretariat would add them.
  const years = defineAttribute(db, { name: 'Years in post', kind: 'number' }, secretariat);
  const confidence = defineAttribute(db, { name: 'Digital confidence', kind: 'choice', choices: ['Low', 'Medium', 'High'] }, secretariat);

  // Engagements: every type, dated across 2018, at organisations that fit the type.
  const engagements: PlannedEngagement[] = [];
  let roundtable = 0;
  for (const [type, spec] of Object.entries(TYPES) as [EngagementType, (typeof TYPES)[EngagementType]][]) {
    const count = Math.max(1, Math.round(spec.count * scale));
    const choices = organisations.filter((o) => ORGANISATION_KINDS[type].includes(o.kind));
    for (let i = 0; i < count; i++) {
      const organisation = type === 'roundtable' ? organisations.find((o) => o.name === 'Health Education England')! : random.pick(choices);
      const topic = random.pick(topics);
      const date = type === 'written_submission' ? dateIn2018(random, '2018-06-01', '2018-09-28') : dateIn2018(random, '2018-01-15', '2018-12-14');
      const present = random.shuffle([...panelIds.keys()]).slice(0, random.int(1, 3));
      const startHour = random.int(9, 14);
      const hours = { interview: 1, site_visit: 5, focus_group: 2, written_submission: 0, workshop: 5, roundtable: 4 }[type];
      const role = random.pick(random.pick(staffGroupMix).roles);
      const group = staffGroupLabels[random.pick(staffGroupMix).group].toLowerCase();
      const title = {
        interview: `Interview: ${role}, ${short(organisation.name)}`,
        site_visit: `Site visit: ${short(organisation.name)} — ${topic}`,
        focus_group: `Focus group: ${group} staff at ${short(organisation.name)}`,
        written_submission: `Written submission: ${organisation.name}`,
        workshop: `Workshop: ${topic}`,
        roundtable: `${roundtables[roundtable % roundtables.length]}${roundtable >= roundtables.length ? ` (${Math.floor(roundtable / roundtables.length) + 1})` : ''}`,
      }[type];
      if (type === 'roundtable') roundtable++;
      const input = NewEngagement.parse({
        title,
        type,
        date,
        startTime: hours ? `${String(startHour).padStart(2, '0')}:00` : null,
        endTime: hours ? `${String(startHour + hours).padStart(2, '0')}:${hours === 1 ? '00' : '30'}` : null,
        place: type === 'roundtable' ? random.pick(['London', 'Leeds', 'Manchester', 'Birmingham']) : organisation.place,
        organisation: organisation.name,
        panel: random.pick(panels),
        reviewersPresent: type === 'written_submission' ? [] : present.map((i) => panelNames[i]!),
        context:
          type === 'written_submission'
            ? 'Response to the call for evidence.'
            : `The panel's ${type.replace('_', ' ')} on ${topic}, to hear how staff are being prepared for it.`,
      });
      const created = createEngagement(db, input, secretariat);
      engagements.push({
        id: created.id,
        type,
        date,
        organisation,
        reviewerIds: present.map((i) => panelIds[i]!),
        people: [],
        codes: [],
      });
    }
  }

  // Who took part where: each participant in at least one engagement, some in several.
  const participantCount = Math.max(12, Math.round(FULL_SCALE.participants * scale));
  const home: number[] = new Array(participantCount).fill(-1);
  let queue: number[] = [];
  const nextPerson = () => {
    if (queue.length === 0) queue = random.shuffle([...Array(participantCount).keys()]);
    return queue.pop()!;
  };
  engagements.forEach((e, index) => {
    const [min, max] = TYPES[e.type].people;
    const size = Math.min(participantCount, random.int(min, max));
    for (let tries = 0; e.people.length < size && tries < size * 4; tries++) {
      const person = nextPerson();
      if (e.people.includes(person)) continue;
      e.people.push(person);
      if (home[person] === -1) home[person] = index;
    }
  });
  // Anyone the queue did not reach yet joins a workshop or roundtable.
  const large = engagements.filter((e) => e.type === 'workshop' || e.type === 'roundtable');
  for (let person = 0; person < participantCount; person++) {
    if (home[person] !== -1) continue;
    const e = random.pick(large);
    e.people.push(person);
    home[person] = engagements.indexOf(e);
  }

  const ids: string[] = [];
  const codes: string[] = [];
  const staffWeights = staffGroupMix.map((g) => g.weight);
  for (let person = 0; person < participantCount; person++) {
    const homeEngagement = engagements[home[person]!]!;
    const mix = staffGroupMix[random.weighted(staffWeights)]!;
    const consentRoll = random.next();
    const consent = consentRoll < 0.7 ? 'anonymous' : consentRoll < 0.82 ? 'attributed' : 'none';
    const attributes: Record<string, string | number> = {};
    if (random.chance(0.7)) attributes[years.id] = random.int(0, 35);
    if (random.chance(0.6)) attributes[confidence.id] = random.pick(['Low', 'Medium', 'High']);
    const participant = createParticipant(
      db,
      NewParticipant.parse({
        realName: `${random.pick(firstNames)} ${random.pick(lastNames)}`,
        staffGroup: mix.group as StaffGroup,
        role: random.pick(mix.roles),
        organisationType: organisationTypeOfKind[homeEngagement.organisation.kind],
        region: regionOfPlace[homeEngagement.organisation.place] ?? 'National',
        consent,
        consentDate: consent === 'none' ? null : homeEngagement.date,
        attributes,
        engagementId: homeEngagement.id,
      }),
      secretariat,
    );
    ids.push(participant.id);
    codes.push(participant.code);
  }
  for (const e of engagements) {
    for (const person of e.people) {
      if (engagements[home[person]!] !== e) linkEngagement(db, ids[person]!, e.id);
      e.codes.push(codes[person]!);
    }
  }
  return { themes, engagements, participantCount, secretariat };
}

interface NoteJob {
  engagement: PlannedEngagement;
  title: string;
  plan: NotePlan;
  big: boolean;
}

function writeNotes(
  db: Database.Database,
  random: Random,
  scale: number,
  plan: Plan,
  say: (line: string) => void,
  elapsed: () => string,
): { id: string; words: number; passages: number } {
  const jobs: NoteJob[] = [];
  const sizes: number[] = [];
  for (const engagement of plan.engagements) {
    const spec = TYPES[engagement.type];
    const count = random.int(spec.notes[0], spec.notes[1]);
    for (let n = 0; n < count; n++) {
      const kind: NotePlan['kind'] =
        engagement.type === 'written_submission' ? 'submission' : engagement.type === 'interview' ? 'interview' : 'conversation';
      const title =
        kind === 'submission'
          ? 'Submission text'
          : count === 1
            ? 'Notes'
            : random.pick(['Morning session', 'Afternoon session', 'Breakout group', 'Notes', 'Tour and conversations', 'Follow-up']) +
              ` (${n + 1})`;
      jobs.push({
        engagement,
        title,
        plan: { kind, words: 0, passages: 0, speakers: kind === 'submission' ? [] : engagement.codes, rareWord: false },
        big: false,
      });
      sizes.push(random.logNormal(spec.medianWords, 0.55));
    }
  }
  // The long note, for the tagging benchmark: a full day of a roundtable.
  const host = plan.engagements.find((e) => e.type === 'roundtable')!;
  const bigWords = Math.round(FULL_SCALE.bigNoteWords * scale);
  jobs.push({ engagement: host, title: BIG_NOTE_TITLE, plan: { kind: 'conversation', words: bigWords, passages: 0, speakers: host.codes, rareWord: false }, big: true });

  const totalWords = Math.round(FULL_SCALE.words * scale);
  const ordinary = apportion(totalWords - bigWords, sizes);
  ordinary.forEach((words, i) => (jobs[i]!.plan.words = Math.max(60, words)));
  const passageCounts = apportion(
    Math.round(FULL_SCALE.passages * scale),
    jobs.map((j) => j.plan.words),
  );
  jobs.forEach((job, i) => (job.plan.passages = passageCounts[i]!));
  // A handful of notes mention a rare word, for the rare-word search.
  const step = Math.max(1, Math.floor(jobs.length / 6));
  for (let i = step >> 1; i < jobs.length; i += step) jobs[i]!.plan.rareWord = true;

  let done = 0;
  let words = 0;
  let passages = 0;
  let big = { id: '', words: 0, passages: 0 };
  let nextReport = 0.1;
  for (const job of jobs) {
    const built = buildNote(random, job.plan, plan.themes);
    const document = blocksToDocument(built.blocks);
    const reviewerId = job.engagement.reviewerIds.length ? random.pick(job.engagement.reviewerIds) : plan.secretariat;
    const noteId = insertNote(
      db,
      { engagementId: job.engagement.id, title: job.title, document, source: job.plan.kind === 'submission' ? 'import:docx' : 'typed' },
      reviewerId,
    );
    const anchors = documentAnchors(document);
    createPassages(
      db,
      noteId,
      anchors,
      built.passages.map((p) => ({ id: p.id, themeIds: p.themeIds })),
      reviewerId,
    );
    for (const p of built.passages) {
      if (p.memo || p.keyQuote) updatePassage(db, { id: p.id, ...(p.memo ? { memo: p.memo } : {}), ...(p.keyQuote ? { keyQuote: true } : {}) });
    }
    done++;
    words += built.words;
    passages += built.passages.length;
    if (job.big) big = { id: noteId, words: built.words, passages: built.passages.length };
    if (done / jobs.length >= nextReport || done === jobs.length) {
      say(`notes ${done}/${jobs.length}, ${words.toLocaleString('en-GB')} words, ${passages.toLocaleString('en-GB')} passages (${elapsed()})`);
      while (nextReport <= done / jobs.length) nextReport += 0.1;
    }
  }
  return big;
}

function summarise(
  db: Database.Database,
  path: string,
  seed: number,
  scale: number,
  big: { id: string; words: number; passages: number },
): Omit<GeneratedWorkspace, 'fileBytes' | 'seconds' | 'findings'> {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const bigWords = (db.prepare('SELECT word_count AS n FROM notes WHERE id = ?').get(big.id) as { n: number }).n;
  return {
    path,
    seed,
    scale,
    counts: {
      engagements: n('SELECT count(*) AS n FROM engagements'),
      engagementTypes: n('SELECT count(DISTINCT type) AS n FROM engagements'),
      participants: n('SELECT count(*) AS n FROM participants'),
      participantLinks: n('SELECT count(*) AS n FROM engagement_participants'),
      notes: n('SELECT count(*) AS n FROM notes'),
      words: n('SELECT coalesce(sum(word_count), 0) AS n FROM notes'),
      themes: n('SELECT count(*) AS n FROM themes'),
      passages: n('SELECT count(*) AS n FROM passages'),
      tags: n('SELECT count(*) AS n FROM passage_themes'),
      // A passage overlaps another when one before it (by start) ends after it starts, or the next starts before
      // it ends: one pass in order, where a join of every pair took 69 s at scale 4.
      overlapping: n(`SELECT count(*) AS n FROM (
        SELECT start_offset AS s, end_offset AS e,
          max(end_offset) OVER (PARTITION BY note_id ORDER BY start_offset, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end,
          lead(start_offset) OVER (PARTITION BY note_id ORDER BY start_offset, id) AS next_start
        FROM passages) WHERE before_end > s OR next_start < e`),
      spanningBlocks: n(`SELECT count(*) AS n FROM passages WHERE instr(quoted_text, char(10)) > 0`),
      withParticipant: n('SELECT count(*) AS n FROM passages WHERE participant_id IS NOT NULL'),
      memos: n("SELECT count(*) AS n FROM passages WHERE memo <> ''"),
      keyQuotes: n('SELECT count(*) AS n FROM passages WHERE key_quote = 1'),
      notesWithRareWord: (db.prepare(`SELECT count(*) AS n FROM notes WHERE instr(${noteTextSql('notes.id')}, ?) > 0`).get(RARE_WORD) as { n: number }).n,
    },
    bigNote: { ...big, words: bigWords },
    largestThemes: (
      db
        .prepare(
          `SELECT t.name, count(*) AS passages FROM passage_themes pt JOIN themes t ON t.id = pt.theme_id
           GROUP BY pt.theme_id ORDER BY passages DESC LIMIT 5`,
        )
        .all() as { name: string; passages: number }[]
    ).map((r) => ({ name: r.name, passages: r.passages })),
  };
}
