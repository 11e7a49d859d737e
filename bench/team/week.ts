/**
 * One reviewer's week on their own laptop, for the team bench (issue 10): 20 engagements with a note each,
 * 50,000 words and 1,000 tagged passages in all, three new people (whose codes collide with three the
 * secretariat added meanwhile); and, for agreement, a second coding of 100 notes someone else tagged — the
 * second coder's own passages over the same text, mostly on the same stretches and themes.
 * Written through the core's services, as the app writes.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { NewParticipant } from '../../src/shared/domain/participant';
import { documentAnchors } from '../../src/shared/note/anchors';
import { blocksToDocument } from '../../src/shared/note/blocksToDocument';
import { createNoteEditor, serialize, tagRange } from '../../src/shared/note/editing';
import { createEngagement } from '../../src/main/core/services/engagements';
import { getNote, insertNote, saveNote } from '../../src/main/core/services/notes';
import { createParticipant } from '../../src/main/core/services/participants';
import { createPassages } from '../../src/main/core/services/passages';
import { listThemes } from '../../src/main/core/services/themes';
import { buildNote, type ThemeChoice } from '../workspace/noteBuilder';
import { Random } from '../workspace/random';
import { clauses } from '../workspace/vocabulary';

export const WEEK = { engagements: 20, words: 50_000, passages: 1_000, newPeople: 3, doubleCoded: 100 };

export interface Week {
  words: number;
  passages: number;
}

function themeChoice(db: Database.Database): ThemeChoice {
  const themes = listThemes(db);
  const weights = themes.map(() => 1);
  return {
    ids: themes.map((t) => t.id),
    weights,
    total: weights.length,
    clauses: themes.map((t) => clauses[t.name] ?? [`${t.name.toLowerCase()} came up again and again`, `nobody had a clear plan for ${t.name.toLowerCase()}`]),
  };
}

/** People met on both laptops in the same days: each side's codes run on from the same last number. */
export function meetPeople(db: Database.Database, reviewerId: string, staffGroup: string): void {
  for (let n = 0; n < WEEK.newPeople; n++) createParticipant(db, NewParticipant.parse({ staffGroup }), reviewerId);
}

export function writeWeek(db: Database.Database, reviewerId: string, seed = 7): Week {
  const random = new Random(seed);
  const themes = themeChoice(db);
  meetPeople(db, reviewerId, 'pharmacist');
  const speakers = db.prepare('SELECT code FROM participants ORDER BY code DESC LIMIT 12').pluck().all() as string[];
  let words = 0;
  let passages = 0;
  db.transaction(() => {
    for (let n = 0; n < WEEK.engagements; n++) {
      const engagement = createEngagement(db, { title: `Week visit ${n + 1}`, type: n % 4 === 0 ? 'interview' : 'site_visit', date: `2018-12-${String(3 + (n % 5)).padStart(2, '0')}` }, reviewerId);
      const built = buildNote(random, { kind: 'conversation', words: WEEK.words / WEEK.engagements, passages: WEEK.passages / WEEK.engagements, speakers, rareWord: false }, themes);
      const document = blocksToDocument(built.blocks);
      const noteId = insertNote(db, { engagementId: engagement.id, title: 'Notes', document, source: 'typed' }, reviewerId);
      createPassages(db, noteId, documentAnchors(document), built.passages.map((p) => ({ id: p.id, themeIds: p.themeIds })), reviewerId);
      words += built.words;
      passages += built.passages.length;
    }
  })();
  return { words, passages };
}

/**
 * A second coder codes 100 notes another reviewer tagged: for each of that reviewer's passages, the same
 * stretch and theme three times in four (the ends moved a few letters now and then), another theme one time
 * in ten, and the rest left untagged. Returns the first coder and how many passages the second made.
 */
export function secondCoding(db: Database.Database, reviewerId: string, random = new Random(11)): { first: string; passages: number } {
  const first = db.prepare("SELECT tagged_by FROM passage_themes GROUP BY tagged_by ORDER BY count(*) DESC LIMIT 1").pluck().get() as string;
  const notes = db
    .prepare(
      `SELECT p.note_id FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id JOIN notes n ON n.id = p.note_id
       WHERE pt.tagged_by = ? AND n.word_count < 10000 GROUP BY p.note_id ORDER BY p.note_id LIMIT ?`,
    )
    .pluck()
    .all(first, WEEK.doubleCoded) as string[];
  const themeIds = listThemes(db).map((t) => t.id);
  const stretches = db.prepare(
    `SELECT p.start_offset AS start, p.end_offset AS end, min(pt.theme_id) AS themeId FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id
     WHERE p.note_id = ? AND pt.tagged_by = ? AND p.detached = 0 GROUP BY p.id ORDER BY p.start_offset`,
  );
  let made = 0;
  for (const noteId of notes) {
    const note = getNote(db, noteId);
    const editor = createNoteEditor(note.document);
    const creates: { id: string; themeIds: string[] }[] = [];
    for (const s of stretches.all(noteId, first) as { start: number; end: number; themeId: string }[]) {
      const roll = random.next();
      if (roll >= 0.85) continue;
      const nudge = random.chance(0.3) ? random.int(-3, 3) : 0;
      const start = Math.max(0, s.start + nudge);
      const end = Math.max(start + 1, s.end + (random.chance(0.3) ? random.int(-3, 3) : 0));
      const id = randomUUID();
      if (!tagRange(editor, start, end, id)) continue;
      creates.push({ id, themeIds: [roll < 0.75 ? s.themeId : random.pick(themeIds)] });
    }
    saveNote(db, { id: noteId, document: serialize(editor), baseRevision: note.revision, createPassages: creates }, reviewerId);
    made += creates.length;
  }
  return { first, passages: made };
}
