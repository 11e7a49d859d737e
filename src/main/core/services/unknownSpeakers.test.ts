// A passage said by a speaker code linked to nobody has no known consent (issue 11). The passage bar and search said
// so; the theme view, a matrix or co-occurrence cell and a finding's evidence now carry the code too, and a finding
// resting on such passages warns — the same passages every export withholds.
import { afterEach, describe, expect, it } from 'vitest';
import { NewFinding } from '../../../shared/domain/finding';
import { NewParticipant } from '../../../shared/domain/participant';
import { documentAnchors, speakerAt } from '../../../shared/note/anchors';
import { unlinkedSpeakerCodes } from '../store/noteSpeakers';
import { getNote } from '../store/notes';
import { analysisWorkspace, type AnalysisWorkspace } from '../testing/analysisFixtures';
import { tempFolders, TEST_REVIEWER } from '../testing/tempWorkspace';
import { cooccurrencePassages } from './cooccurrence';
import { createFinding, getFinding, listFindings } from './findings';
import { matrixCell } from './matrix';
import { createParticipant } from './participants';
import { updatePassage } from './passages';
import { linkSpeaker } from './speakers';
import { themeView } from './themeView';
import { unknownSpeakersOf, type PassageSpeakerRow } from './unknownSpeakers';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/**
 * P001 (a nurse, quotable) speaks, then P005 and P007, codes nobody has been linked to, then a paragraph with no
 * turn; a second engagement where P005 is linked to nobody either. Every passage is tagged Training.
 */
function setting() {
  const w = analysisWorkspace(folders);
  const p001 = createParticipant(w.db, NewParticipant.parse({ staffGroup: 'nurse', consent: 'anonymous' }), TEST_REVIEWER.id);
  expect(p001.code).toBe('P001');
  const training = w.theme('Training');
  const ethics = w.theme('Ethics');
  const leeds = w.engagement({ title: 'Leeds workshop', type: 'workshop', date: '2018-09-03' });
  const note = w.note(w.engagement(), ['P001: We train on the job.', 'P005: Training is what we lack.', 'P007: Nobody trains us.', 'Training came up often.']);
  const other = w.note(leeds, ['P005: Pharmacists were never asked.']);
  const p = {
    known: note.tag('We train on the job', [training]),
    unknown: note.tag('Training is what we lack', [training, ethics]),
    seventh: note.tag('Nobody trains us', [training]),
    noTurn: note.tag('Training came up often', [training]),
    leeds: other.tag('Pharmacists were never asked', [training]),
  };
  const view = () => new Map(themeView(w.db, { themeIds: [training], mode: 'any', includeSubthemes: true }).passages.map((x) => [x.passageId, x.unknownSpeaker]));
  return { w, p, note, other, training, ethics, p001: p001.id, view };
}

describe('passages of a speaker code linked to nobody, on the screens', () => {
  it('carry their turn’s code in the theme view and in matrix and co-occurrence cells, and only they', () => {
    const { w, p, training, ethics, view } = setting();
    try {
      expect(view()).toEqual(
        new Map([
          [p.known, null],
          [p.unknown, 'P005'],
          [p.seventh, 'P007'],
          [p.noTurn, null],
          [p.leeds, 'P005'],
        ]),
      );
      // What the screens mark is what the exports withhold.
      expect(new Map([...view()].filter(([, code]) => code !== null))).toEqual(unknownSpeakersOf(w.db));
      const cell = matrixCell(w.db, { themeId: training, dimension: 'engagementType', value: 'workshop' });
      expect(cell.passages.map((x) => [x.passageId, x.unknownSpeaker])).toEqual([[p.leeds, 'P005']]);
      const both = cooccurrencePassages(w.db, { a: training, b: ethics, kind: 'both' });
      expect(both.passages.map((x) => [x.passageId, x.participant, x.unknownSpeaker])).toEqual([[p.unknown, null, 'P005']]);
    } finally {
      w.close();
    }
  });

  it('lose the code once it is linked to a participant, or once the reviewer says by hand who spoke, and gain it when unlinked', () => {
    const { w, p, note, p001, view } = setting();
    try {
      linkSpeaker(w.db, { noteId: note.id, code: 'P005', participantId: p001 }, TEST_REVIEWER.id);
      // Linking P005 in one note says nothing of P005 in another.
      expect([view().get(p.unknown), view().get(p.leeds)]).toEqual([null, 'P005']);
      linkSpeaker(w.db, { noteId: note.id, code: 'P005', participantId: null }, TEST_REVIEWER.id);
      expect(view().get(p.unknown)).toBe('P005');
      // "Said by: no one", chosen by hand, is the reviewer's word.
      updatePassage(w.db, { id: p.leeds, participantId: null });
      expect(view().get(p.leeds)).toBeNull();
      expect(unknownSpeakersOf(w.db).has(p.leeds)).toBe(false);
    } finally {
      w.close();
    }
  });

  it('are none among passages with a participant or a speaker chosen by hand', () => {
    const { w, p } = setting();
    try {
      const rows = w.db.prepare('SELECT id, note_id, start_offset, participant_id, speaker_set_by_hand, detached FROM passages WHERE id IN (?, ?)').all(p.known, p.unknown) as PassageSpeakerRow[];
      expect(unknownSpeakersOf(w.db, rows)).toEqual(new Map([[p.unknown, 'P005']]));
      // As the reads see a passage whose speaker the reviewer chose as "no one".
      expect(unknownSpeakersOf(w.db, rows.map((r) => ({ ...r, speaker_set_by_hand: 1 }))).size).toBe(0);
      expect(unknownSpeakersOf(w.db, []).size).toBe(0);
    } finally {
      w.close();
    }
  });
});

describe('a finding resting on passages of a speaker code linked to nobody', () => {
  it('shows the code on each such passage, counts them apart from passages of no speaker, and warns, naming the codes', () => {
    const { w, p } = setting();
    try {
      const f = createFinding(w.db, NewFinding.parse({ statement: 'Staff learn on the job.', passageIds: [p.known, p.unknown, p.seventh, p.noTurn] }), TEST_REVIEWER.id);
      expect(f.passages.map((x) => [x.passageId, x.unknownSpeaker])).toEqual([
        [p.known, null],
        [p.unknown, 'P005'],
        [p.seventh, 'P007'],
        [p.noTurn, null],
      ]);
      expect(f.spread).toMatchObject({ participants: 1, noSpeaker: 1, unknownSpeaker: 2, notForQuotation: 0 });
      const warning = f.warnings.find((x) => x.code === 'unknown_speaker');
      expect(warning?.message).toBe(
        '2 passages of F1 were said by P005 and P007, speaker codes linked to no participant: their consent is unknown, so the report will not quote them until the codes are linked to a participant who may be quoted.',
      );
      // The list of findings warns as the finding does.
      expect(listFindings(w.db)[0]!.warnings.map((x) => x.code)).toContain('unknown_speaker');

      const one = createFinding(w.db, NewFinding.parse({ statement: 'Pharmacists were left out.', passageIds: [p.known, p.leeds] }), TEST_REVIEWER.id);
      expect(one.warnings.map((x) => x.code)).toEqual(['unknown_speaker', 'not_assessed']);
      expect(one.warnings[0]!.message).toBe(
        '1 passage of F2 was said by P005, a speaker code linked to no participant: their consent is unknown, so the report will not quote it until the code is linked to a participant who may be quoted.',
      );
      // P001 and an unknown speaker: not "one participant only", since P005 may be someone else.
      expect(one.spread).toMatchObject({ participants: 1, unknownSpeaker: 1 });
    } finally {
      w.close();
    }
  });

  it('stops warning once the code is linked to a participant', () => {
    const { w, p, other, p001 } = setting();
    try {
      const f = createFinding(w.db, NewFinding.parse({ statement: 'Pharmacists were left out.', passageIds: [p.leeds] }), TEST_REVIEWER.id);
      expect(f.warnings.map((x) => x.code)).toContain('unknown_speaker');
      linkSpeaker(w.db, { noteId: other.id, code: 'P005', participantId: p001 }, TEST_REVIEWER.id);
      const linked = getFinding(w.db, f.id);
      expect(linked.passages[0]).toMatchObject({ unknownSpeaker: null, participant: { code: 'P001' } });
      expect(linked.warnings.map((x) => x.code)).toEqual(['one_participant', 'one_engagement', 'not_assessed']);
    } finally {
      w.close();
    }
  });
});

/** The plain reading, to hold the block reads to: each note's whole document, each passage's turn from its marks. */
function byWholeDocuments(w: AnalysisWorkspace): Map<string, string> {
  const found = new Map<string, string>();
  for (const [noteId, codes] of unlinkedSpeakerCodes(w.db)) {
    const anchors = documentAnchors(getNote(w.db, noteId).document);
    const rows = w.db.prepare('SELECT id, participant_id, speaker_set_by_hand FROM passages WHERE note_id = ?').all(noteId) as PassageSpeakerRow[];
    for (const p of rows) {
      const range = anchors.passages.get(p.id);
      const code = range && p.participant_id === null && !p.speaker_set_by_hand ? speakerAt(anchors.blocks, range.start) : null;
      if (code && codes.has(code)) found.set(p.id, code);
    }
  }
  return found;
}

describe('finding a passage\'s turn from the blocks where it starts', () => {
  it('agrees with reading the whole document: list items, a line break in a turn, astral characters and a NUL before it', () => {
    const { w, p: earlier, training } = setting();
    try {
      const e = w.engagement({ title: 'Manchester focus group', type: 'workshop', date: '2018-10-01' });
      const list = (items: string[]) => ({ kind: 'list' as const, ordered: false, items: items.map((text) => [{ text }]) });
      const note = w.note(e, [
        'P009: 🧪 tests \u0000 come back 🧬 slowly.',
        list(['P005: Rotas first.', 'P001: Then training.', 'P007: Nobody asks 🧑‍⚕️ us.']),
        'P007: The first line of a turn\nand its second line, still P007.',
        'No turn here 🙂 at all.',
      ]);
      const p = {
        nul: note.tag('come back', [training]),
        rotas: note.tag('Rotas first', [training]),
        linkedItem: note.tag('Then training', [training]),
        lastItem: note.tag('Nobody asks', [training]),
        secondLine: note.tag('its second line', [training]),
        noTurn: note.tag('No turn here', [training]),
      };
      const found = unknownSpeakersOf(w.db);
      expect(found).toEqual(byWholeDocuments(w));
      expect([p.nul, p.rotas, p.linkedItem, p.lastItem, p.secondLine, p.noTurn].map((id) => found.get(id) ?? null)).toEqual([
        'P009',
        'P005',
        null,
        'P007',
        'P007',
        null,
      ]);
      expect(found.get(earlier.unknown)).toBe('P005');
      // The theme view asks of its page only, and finds the same.
      const page = themeView(w.db, { themeIds: [training], mode: 'any', includeSubthemes: true }).passages;
      expect(new Map(page.flatMap((x) => (x.unknownSpeaker ? [[x.passageId, x.unknownSpeaker]] : [])))).toEqual(found);
    } finally {
      w.close();
    }
  });

  it('is none for a detached passage, whose text has left its note', () => {
    const { w, p, note } = setting();
    try {
      const start = note.text().indexOf('Training is what we lack');
      note.remove(start, start + 'Training is what we lack'.length);
      expect(unknownSpeakersOf(w.db).has(p.unknown)).toBe(false);
      expect(byWholeDocuments(w).has(p.unknown)).toBe(false);
    } finally {
      w.close();
    }
  });
});
