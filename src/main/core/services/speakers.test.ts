import { afterEach, describe, expect, it } from 'vitest';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { tempFolders, TEST_REVIEWER } from '../testing/tempWorkspace';
import { insertNote } from './notes';
import { passagesForNote } from './passages';
import { search } from './search';
import { linkSpeaker, speakersOfNote, speakerSummary } from './speakers';
import { themeView } from './themeView';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** P001 is a nurse; the note has turns of P001 and of P005, whom nobody is yet. */
function setting() {
  const w = analysisWorkspace(folders);
  const e = w.engagement();
  expect(w.participant('nurse')).toBe('P001');
  const theme = w.theme('Training');
  const note = w.note(e, ['P001: We train on the job.', 'P005: Training is what we lack.']);
  const passage = note.tag('Training is what we lack', [theme]);
  const speakerOf = () => passagesForNote(w.db, note.id).find((p) => p.id === passage)!.participantId;
  return { w, e, theme, note, passage, speakerOf };
}

describe('speaker codes of a note', () => {
  it('a code nobody has is an unknown speaker; creating P005 afterwards does not make those turns theirs', () => {
    const { w, note, speakerOf } = setting();
    try {
      expect(speakersOfNote(w.db, note.id).map((s) => [s.code, s.participant?.code ?? null])).toEqual([
        ['P001', 'P001'],
        ['P005', null],
      ]);
      expect(speakerOf()).toBeNull();
      for (const group of ['doctor', 'doctor', 'nurse']) w.participant(group);
      expect(w.participant('midwife')).toBe('P005');
      note.insert(0, 'Ward 3. '); // a later save re-reads every turn's speaker
      expect(speakerOf()).toBeNull();
      expect(speakersOfNote(w.db, note.id).find((s) => s.code === 'P005')!.participant).toBeNull();
    } finally {
      w.close();
    }
  });

  it('linking is a choice: the passages of those turns follow it, and a later save keeps it', () => {
    const { w, note, passage, speakerOf } = setting();
    try {
      for (const group of ['doctor', 'doctor', 'nurse', 'midwife']) w.participant(group);
      const p005 = w.db.prepare(`SELECT id FROM participants WHERE code = 'P005'`).pluck().get() as string;
      const linked = linkSpeaker(w.db, { noteId: note.id, code: 'P005', participantId: p005 }, TEST_REVIEWER.id);
      expect(linked.changedPassages.map((p) => [p.id, p.participantId])).toEqual([[passage, p005]]);
      expect(linked.speakers.find((s) => s.code === 'P005')).toMatchObject({ participant: { id: p005, staffGroup: 'midwife' }, linkedByHand: true });
      note.insert(0, 'Ward 3. ');
      expect(speakerOf()).toBe(p005);
      // And back to unknown.
      linkSpeaker(w.db, { noteId: note.id, code: 'P005', participantId: null }, TEST_REVIEWER.id);
      expect(speakerOf()).toBeNull();
    } finally {
      w.close();
    }
  });

  it("search's staff-group filter and the theme view go by the link, not the code", () => {
    const { w, theme, note } = setting();
    try {
      for (const group of ['doctor', 'doctor', 'nurse', 'midwife']) w.participant(group); // P005 is a midwife now
      const midwives = { staffGroups: ['midwife'] };
      expect(search(w.db, { query: 'lack', filters: midwives }).total).toBe(0);
      expect(themeView(w.db, { themeIds: [theme], mode: 'any', includeSubthemes: false, filters: midwives }).counts.passages).toBe(0);
      const p005 = w.db.prepare(`SELECT id FROM participants WHERE code = 'P005'`).pluck().get() as string;
      linkSpeaker(w.db, { noteId: note.id, code: 'P005', participantId: p005 }, TEST_REVIEWER.id);
      const hits = search(w.db, { query: 'lack', filters: midwives }).hits;
      expect(hits.map((h) => [h.source.noteId, h.speaker])).toEqual([[note.id, { code: 'P005', staffGroup: 'midwife', consent: 'none' }]]);
      expect(themeView(w.db, { themeIds: [theme], mode: 'any', includeSubthemes: false, filters: midwives }).counts.passages).toBe(1);
      // P001's turn is linked to P001 (a nurse) from the start.
      expect(search(w.db, { query: 'job', filters: { staffGroups: ['nurse'] } }).total).toBe(1);
    } finally {
      w.close();
    }
  });

  it("an import's summary names the codes no participant has", () => {
    const w = analysisWorkspace(folders);
    try {
      const e = w.engagement();
      w.participant('nurse');
      const document = blocksToDocument(
        ['P001: Yes.', 'P009: No.', 'P005: Maybe.', 'P009: Again.'].map((text) => ({ kind: 'paragraph' as const, runs: [{ text }] })),
      );
      const id = insertNote(w.db, { engagementId: e, title: 'Transcript', document, source: 'import:txt' }, TEST_REVIEWER.id);
      expect(speakerSummary(w.db, [id])).toEqual({ linked: ['P001'], unknown: ['P005', 'P009'] });
    } finally {
      w.close();
    }
  });
});
