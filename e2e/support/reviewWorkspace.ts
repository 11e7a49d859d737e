// Run with tsx: the small review of the unit tests (findingsFixtures: three engagements, four people, six
// tagged passages) plus a finding citing two of them, for the new-user spec's delete and search journeys.
import { NewFinding } from '../../src/shared/domain/finding';
import { createFinding } from '../../src/main/core/services/findings';
import { analysisWorkspace } from '../../src/main/core/testing/analysisFixtures';
import { smallReview } from '../../src/main/core/testing/findingsFixtures';
import { TEST_REVIEWER } from '../../src/main/core/testing/tempWorkspace';

const folder = process.argv[2];
if (!folder) throw new Error('usage: reviewWorkspace.ts FOLDER');
const ws = analysisWorkspace({ make: () => folder, cleanup: () => undefined });
const { p } = smallReview(ws);
createFinding(ws.db, NewFinding.parse({ statement: 'Radiographers need structured training before AI triage.', passageIds: [p.triage, p.nurses] }), TEST_REVIEWER.id);
ws.close();
console.log(ws.workspace.path);
