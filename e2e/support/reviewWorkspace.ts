// Run with tsx: the small review of the unit tests (findingsFixtures: three engagements, four people, six
// tagged passages) plus a finding citing two of them, for the new-user spec's delete and search journeys.
// With `long`, also one of each record with 200-character values, for the truncation journey (issue 11);
// with `many`, 1,600 engagements more (four times review scale), for the engagement list's.
import { NewFinding } from '../../src/shared/domain/finding';
import { NewParticipant } from '../../src/shared/domain/participant';
import { createFinding } from '../../src/main/core/services/findings';
import { createParticipant } from '../../src/main/core/services/participants';
import { analysisWorkspace } from '../../src/main/core/testing/analysisFixtures';
import { smallReview } from '../../src/main/core/testing/findingsFixtures';
import { TEST_REVIEWER } from '../../src/main/core/testing/tempWorkspace';

const folder = process.argv[2];
if (!folder) throw new Error('usage: reviewWorkspace.ts FOLDER [long]');
const ws = analysisWorkspace({ make: () => folder, cleanup: () => undefined });
const { p, themes } = smallReview(ws);
createFinding(ws.db, NewFinding.parse({ statement: 'Radiographers need structured training before AI triage.', passageIds: [p.triage, p.nurses] }), TEST_REVIEWER.id);
if (process.argv[3] === 'long') {
  /** A value of exactly n characters, readable words to the end (so the ellipsis is visibly a cut). */
  const long = (start: string, n = 200) => (start + ' and more words'.repeat(n)).slice(0, n);
  ws.engagement({ title: long('Regional roundtable of the North East and North Cumbria integrated care system'), type: 'roundtable', organisation: long('Newcastle upon Tyne Hospitals NHS Foundation Trust') });
  createParticipant(ws.db, NewParticipant.parse({ staffGroup: 'manager_administrator', consent: 'anonymous', role: long('Deputy director of workforce transformation'), organisationType: long('Integrated care board') }), TEST_REVIEWER.id);
  ws.theme(long('Automated interpretation of retinal optical coherence tomography'), themes.ai);
  createFinding(ws.db, NewFinding.parse({ statement: long('Staff in every region asked for protected time to learn'), passageIds: [p.scans] }), TEST_REVIEWER.id);
}
if (process.argv[3] === 'many') {
  // Dated a day apart before the small review's, so the newest-first list ends with "Listed engagement 0001".
  const day = (n: number) => new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  ws.db.transaction(() => {
    for (let n = 1; n <= 1600; n++) {
      ws.engagement({ title: `Listed engagement ${String(n).padStart(4, '0')}`, type: n % 3 ? 'interview' : 'site_visit', date: day(n), organisation: `Trust ${n % 40}` });
    }
  })();
}
ws.close();
console.log(ws.workspace.path);
