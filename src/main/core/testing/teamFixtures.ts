// A review touching every tracked table (db/changeTracking.ts), for the change
// tracking and merge tests: built through the services, as the app writes.
import { NewParticipant } from '../../../shared/domain/participant';
import { PNG_1X1 } from './fileFixtures';
import { smallReview } from './findingsFixtures';
import { TEST_REVIEWER } from './tempWorkspace';
import type { AnalysisWorkspace } from './analysisFixtures';
import { addAttachment } from '../files/attachments';
import { addEngagementType } from '../services/engagements';
import { createFinding } from '../services/findings';
import { saveSummary } from '../services/matrix';
import { defineAttribute } from '../services/participantAttributes';
import { createParticipant } from '../services/participants';
import { createGroup, createRecommendation } from '../services/recommendations';

export function fullReview(w: AnalysisWorkspace) {
  const review = smallReview(w);
  const { db } = w;
  const by = TEST_REVIEWER.id;
  const type = addEngagementType(db, 'Webinar');
  const band = defineAttribute(db, { name: 'Band', kind: 'choice', choices: ['5', '6', '7'] }, by);
  const banded = createParticipant(
    db,
    NewParticipant.parse({ staffGroup: 'nurse', engagementId: review.engagements.leeds, attributes: { [band.id]: '6' } }),
    by,
  );
  const photo = addAttachment(db, { fileName: 'flipchart.png', mediaType: 'image/png', purpose: 'attachment', bytes: PNG_1X1 }, review.engagements.moorfields, by);
  const finding = createFinding(
    db,
    { statement: 'Radiographers need structured training before AI triage.', themeIds: [review.themes.training], passageIds: [review.p.triage], status: 'draft' },
    by,
  );
  const group = createGroup(db, 'Regulators');
  const recommendation = createRecommendation(db, { groupId: group.id, text: 'Fund protected learning time.', findingIds: [finding.id] }, by);
  saveSummary(db, { themeId: review.themes.training, dimension: 'staffGroup', value: 'nurse', text: 'Nurses ask for time.' }, by);
  return { ...review, type, band, banded, photo, finding, group, recommendation };
}
