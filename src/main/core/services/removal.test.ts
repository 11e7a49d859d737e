import { afterEach, describe, expect, it } from 'vitest';
import { NewFinding } from '../../../shared/domain/finding';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { smallReview } from '../testing/findingsFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { createFinding } from './findings';
import { previewEngagementDelete, previewNoteDelete } from './removal';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('what a delete takes with it, said first', () => {
  it('counts an engagement’s notes, words, passages, attachments, participants and the findings citing it', () => {
    const w = analysisWorkspace(folders);
    try {
      const { engagements, notes, p } = smallReview(w);
      createFinding(w.db, NewFinding.parse({ statement: 'Triage needs training.', passageIds: [p.triage, p.scans, p.nurses] }), TEST_REVIEWER.id);
      createFinding(w.db, NewFinding.parse({ statement: 'Ethics matter.', passageIds: [p.ethics] }), TEST_REVIEWER.id);
      const changes = () => w.db.prepare('SELECT total_changes() AS n').get() as { n: number };
      const before = changes();

      // Moorfields: one note (9 + 8 + 7 words), five passages there, both findings cite three of them; P002 and P003.
      expect(previewEngagementDelete(w.db, engagements.moorfields)).toEqual({
        notes: 1, words: 24, passages: 5, findings: 2, citedPassages: 3, attachments: 0, participants: 2,
      });
      expect(previewNoteDelete(w.db, notes.leeds.id)).toMatchObject({ notes: 1, passages: 1, findings: 1, citedPassages: 1 });
      expect(previewEngagementDelete(w.db, engagements.bristol)).toMatchObject({ notes: 1, passages: 0, findings: 0, participants: 1 });

      expect(changes(), 'a preview writes no row').toEqual(before);
    } finally {
      w.close();
    }
  });

  it('refuses an engagement that is not there with a sentence', () => {
    const w = analysisWorkspace(folders);
    try {
      expect(() => previewEngagementDelete(w.db, 'gone')).toThrow(/no longer exists|not found/i);
    } finally {
      w.close();
    }
  });
});
