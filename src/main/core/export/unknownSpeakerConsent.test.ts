// A passage said by a speaker code linked to nobody has no known consent: every export withholds it, and
// the pre-export check says why, until the code is linked to a participant who may be quoted (issue 11).
import { afterEach, describe, expect, it } from 'vitest';
import { NewParticipant } from '../../../shared/domain/participant';
import { ReportOptions } from '../../../shared/domain/report';
import { createFinding } from '../services/findings';
import { createParticipant } from '../services/participants';
import { updatePassage } from '../services/passages';
import { linkSpeaker } from '../services/speakers';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { tempFolders, TEST_REVIEWER } from '../testing/tempWorkspace';
import { codedPassagesTable } from './evidence/codedPassages';
import { preExportCheck } from './exportReport';
import { CheckList } from './report/checkList';
import { unknownSpeakersOf } from '../services/unknownSpeakers';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** Someone who consented to be quoted anonymously; their code. */
const quotable = (w: ReturnType<typeof analysisWorkspace>, staffGroup: string) =>
  createParticipant(w.db, NewParticipant.parse({ staffGroup, consent: 'anonymous' }), TEST_REVIEWER.id).code;

/** P001 (a nurse, quotable) speaks first; then P005, a code nobody has been linked to. */
function setting() {
  const w = analysisWorkspace(folders);
  const e = w.engagement();
  expect(quotable(w, 'nurse')).toBe('P001');
  const theme = w.theme('Training');
  const note = w.note(e, ['P001: We train on the job.', 'P005: Training is what we lack.']);
  const known = note.tag('We train on the job', [theme]);
  const unknown = note.tag('Training is what we lack', [theme]);
  createFinding(w.db, { statement: 'Staff learn on the job.', themeIds: [theme], passageIds: [known, unknown], status: 'draft' }, TEST_REVIEWER.id);
  const csvRows = async () => {
    const check = new CheckList();
    const table = await codedPassagesTable(w.db, { themeIds: null, attribution: 'pseudonym' }, check);
    return { text: JSON.stringify(table.rows), leftOut: check.list().filter((i) => i.kind === 'left_out') };
  };
  const reportCheck = () => preExportCheck('docx', ReportOptions.parse({}), { db: w.db, workspaceName: 'Review', today: '2026-12-02' });
  return { w, note, known, unknown, csvRows, reportCheck };
}

describe('passages of a speaker code linked to nobody', () => {
  it('are found by their turn, and only theirs', () => {
    const { w, unknown } = setting();
    try {
      expect([...unknownSpeakersOf(w.db)]).toEqual([[unknown, 'P005']]);
    } finally {
      w.close();
    }
  });

  it('are left out of the coded passages and the report, with the reason in the pre-export check', async () => {
    const { w, csvRows, reportCheck } = setting();
    try {
      const csv = await csvRows();
      expect(csv.text).toContain('We train on the job');
      expect(csv.text).not.toContain('Training is what we lack');
      expect(csv.leftOut.map((i) => i.why)).toEqual([expect.stringMatching(/P005, a speaker code linked to no participant/)]);
      const check = await reportCheck();
      expect(check.counts.quotes).toBe(1);
      expect(check.items.filter((i) => i.kind === 'left_out').map((i) => i.why)).toEqual([expect.stringMatching(/P005.*link the code/)]);
    } finally {
      w.close();
    }
  });

  it('are quoted once the code is linked to someone quotable, or once the reviewer says by hand who spoke', async () => {
    const { w, note, unknown, csvRows, reportCheck } = setting();
    try {
      for (const group of ['doctor', 'doctor', 'nurse', 'midwife']) quotable(w, group);
      const p005 = w.db.prepare(`SELECT id FROM participants WHERE code = 'P005'`).pluck().get() as string;
      linkSpeaker(w.db, { noteId: note.id, code: 'P005', participantId: p005 }, TEST_REVIEWER.id);
      expect((await csvRows()).text).toContain('Training is what we lack');
      expect((await reportCheck()).counts.quotes).toBe(2);

      linkSpeaker(w.db, { noteId: note.id, code: 'P005', participantId: null }, TEST_REVIEWER.id);
      expect((await csvRows()).text).not.toContain('Training is what we lack');
      // "Said by: no one", chosen by hand, is the reviewer's word: the passage is theirs to quote.
      updatePassage(w.db, { id: unknown, participantId: null });
      expect(unknownSpeakersOf(w.db).size).toBe(0);
      expect((await csvRows()).text).toContain('Training is what we lack');
    } finally {
      w.close();
    }
  });
});
