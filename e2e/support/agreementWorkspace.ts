// Run with tsx: builds a workspace in which two reviewers tagged the same note, for the agreement spec.
// The tagging itself is the core's (headless editor, saveNote), as in the unit tests.
import { analysisWorkspace, OTHER_REVIEWER } from '../../src/main/core/testing/analysisFixtures';
import { TEST_REVIEWER } from '../../src/main/core/testing/tempWorkspace';

const folder = process.argv[2];
if (!folder) throw new Error('usage: agreementWorkspace.ts FOLDER');
const ws = analysisWorkspace({ make: () => folder, cleanup: () => undefined });
const training = ws.theme('Education and training');
const ai = ws.theme('Automated image interpretation');
const note = ws.note(ws.engagement(), ['Radiographers need structured training before AI triage is introduced.']);
note.tag('structured training', [training], { by: TEST_REVIEWER.id });
note.tag('need structured training', [training], { by: OTHER_REVIEWER.id });
note.tag('AI triage', [ai], { by: OTHER_REVIEWER.id });
ws.close();
console.log(ws.workspace.path);
