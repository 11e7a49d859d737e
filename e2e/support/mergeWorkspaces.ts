// Run with tsx: one review made into two laptops' workspaces and edited apart — one note edited on both, a new
// person on each given the same code, the engagement's organisation set on both (Grace's, later, wins; Ada's goes
// to its history), and an engagement Grace deletes after Ada renamed it — for the merge spec.
// Prints {"here": …, "pack": …} as JSON.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewParticipant } from '../../src/shared/domain/participant';
import { insertText } from '../../src/shared/note/editing';
import { packBytes } from '../../src/main/core/merge/packs';
import { deleteEngagement, getEngagement, updateEngagement } from '../../src/main/core/services/engagements';
import { createParticipant } from '../../src/main/core/services/participants';
import { actAs } from '../../src/main/core/services/reviewer';
import { analysisWorkspace, OTHER_REVIEWER } from '../../src/main/core/testing/analysisFixtures';
import { editNote } from '../../src/main/core/testing/mergeFixtures';
import { TEST_REVIEWER } from '../../src/main/core/testing/tempWorkspace';
import { openWorkspace } from '../../src/main/core/workspace/workspace';

const renameEngagement = (db: Parameters<typeof getEngagement>[0], id: string, title: string) => {
  const { type, date } = getEngagement(db, id);
  updateEngagement(db, { id, title, type, date });
};

const folder = process.argv[2];
if (!folder) throw new Error('usage: mergeWorkspaces.ts FOLDER');
const ws = analysisWorkspace({ make: () => folder, cleanup: () => undefined });
const engagement = ws.engagement({ title: 'Moorfields visit' });
const note = ws.note(engagement, ['Radiographers need structured training before AI triage is introduced.']);
const leeds = ws.engagement({ title: 'Leeds workshop', type: 'workshop', date: '2018-09-03' });
const here = join(folder, 'Panel review.fieldnotes');
const theirs = join(folder, 'Grace laptop.fieldnotes');
ws.db.prepare('VACUUM INTO ?').run(here);
ws.db.prepare('VACUUM INTO ?').run(theirs);
ws.close();

const person = (path: string, reviewer: typeof TEST_REVIEWER, staffGroup: string, edit: string, organisation: string) => {
  const w = openWorkspace(path);
  actAs(w.db, reviewer, `laptop-${reviewer.initials}`);
  createParticipant(w.db, NewParticipant.parse({ staffGroup, engagementId: engagement }), reviewer.id);
  editNote(w.db, note.id, reviewer.id, (e) => insertText(e, 0, edit));
  const { id, title, type, date } = getEngagement(w.db, engagement);
  updateEngagement(w.db, { id, title, type, date, organisation });
  return w;
};
const a = person(here, TEST_REVIEWER, 'nurse', 'Ada: ', 'Moorfields Eye Hospital');
renameEngagement(a.db, leeds, 'Leeds workshop, checked');
a.close();
const b = person(theirs, OTHER_REVIEWER, 'midwife', 'Grace: ', 'Moorfields NHS Foundation Trust');
deleteEngagement(b.db, leeds);
const pack = join(folder, 'Grace for merging.fieldnotes');
writeFileSync(pack, packBytes(b.db));
b.close();
console.log(JSON.stringify({ here, pack }));
