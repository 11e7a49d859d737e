// Run with tsx: one review made into two laptops' workspaces and edited apart — one note edited on both, and a
// new person on each given the same code — for the merge spec. Prints {"here": …, "pack": …} as JSON.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewParticipant } from '../../src/shared/domain/participant';
import { insertText } from '../../src/shared/note/editing';
import { packBytes } from '../../src/main/core/merge/packs';
import { createParticipant } from '../../src/main/core/services/participants';
import { actAs } from '../../src/main/core/services/reviewer';
import { analysisWorkspace, OTHER_REVIEWER } from '../../src/main/core/testing/analysisFixtures';
import { editNote } from '../../src/main/core/testing/mergeFixtures';
import { TEST_REVIEWER } from '../../src/main/core/testing/tempWorkspace';
import { openWorkspace } from '../../src/main/core/workspace/workspace';

const folder = process.argv[2];
if (!folder) throw new Error('usage: mergeWorkspaces.ts FOLDER');
const ws = analysisWorkspace({ make: () => folder, cleanup: () => undefined });
const engagement = ws.engagement({ title: 'Moorfields visit' });
const note = ws.note(engagement, ['Radiographers need structured training before AI triage is introduced.']);
const here = join(folder, 'Panel review.fieldnotes');
const theirs = join(folder, 'Grace laptop.fieldnotes');
ws.db.prepare('VACUUM INTO ?').run(here);
ws.db.prepare('VACUUM INTO ?').run(theirs);
ws.close();

const person = (path: string, reviewer: typeof TEST_REVIEWER, staffGroup: string, edit: string) => {
  const w = openWorkspace(path);
  actAs(w.db, reviewer, `laptop-${reviewer.initials}`);
  createParticipant(w.db, NewParticipant.parse({ staffGroup, engagementId: engagement }), reviewer.id);
  editNote(w.db, note.id, reviewer.id, (e) => insertText(e, 0, edit));
  return w;
};
person(here, TEST_REVIEWER, 'nurse', 'Ada: ').close();
const b = person(theirs, OTHER_REVIEWER, 'midwife', 'Grace: ');
const pack = join(folder, 'Grace for merging.fieldnotes');
writeFileSync(pack, packBytes(b.db));
b.close();
console.log(JSON.stringify({ here, pack }));
