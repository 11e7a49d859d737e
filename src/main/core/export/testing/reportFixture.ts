// A small review for the export tests (issue 13): one workspace file that holds
// everything the report prints, a participant who is not for quotation, a real
// name written in a quoted passage, and a cell that looks like a formula.
import { NewFinding, type CerqualInput } from '../../../../shared/domain/finding';
import { NewParticipant } from '../../../../shared/domain/participant';
import { assessFinding, createFinding } from '../../services/findings';
import { saveSummary } from '../../services/matrix';
import { createParticipant, linkEngagement } from '../../services/participants';
import { createRecommendation, listRecommendations } from '../../services/recommendations';
import { analysisWorkspace } from '../../testing/analysisFixtures';
import { TEST_REVIEWER, type tempFolders } from '../../testing/tempWorkspace';

/** Words only the participant who is not for quotation said: no export may hold them. */
export const SECRET_WORDS = 'xylophone quartz';
/** A real name recorded for that participant, written (without its accents) in someone else's quoted passage. */
export const REAL_NAME = 'Zoë Ångström';
export const FORMULA_QUOTE = '=HYPERLINK("http://example.invalid","click")';

export const STATEMENTS = [
  'Clinicians outside genetics feel unprepared to explain genomic results to patients.',
  'Radiographers need structured training before AI triage is introduced.',
  'Protected learning time is the precondition for every other training measure.',
];

const assessment = (confidence: CerqualInput['confidence'], explanation: string): CerqualInput => ({
  methodological: { concern: 'minor', note: 'Notes were typed live during the sessions.' },
  coherence: { concern: 'none', note: '' },
  adequacy: { concern: 'moderate', note: 'Few participants outside nursing.' },
  relevance: { concern: 'none', note: '' },
  confidence,
  explanation,
});

export function buildReportFixture(folders: ReturnType<typeof tempFolders>) {
  const w = analysisWorkspace(folders);
  const by = TEST_REVIEWER.id;
  const { db } = w;
  const technology = w.theme('Technology');
  const genomics = w.theme('Genomics', technology);
  const ai = w.theme('Artificial intelligence and robotics', technology);
  const workforce = w.theme('Workforce');
  const training = w.theme('Education and training', workforce);
  const moorfields = w.engagement({ title: 'Moorfields Eye Hospital visit', organisation: 'Moorfields Eye Hospital', place: 'London', panel: 'Review Board' });
  const leeds = w.engagement({ title: 'Genomics roundtable', type: 'roundtable', date: '2018-07-02', organisation: 'Health Education England', place: 'Leeds', panel: 'Review Board' });
  const person = (staffGroup: string, realName: string, consent: string) =>
    createParticipant(db, NewParticipant.parse({ staffGroup, realName, consent }), by);
  const nurse = person('nurse', 'Asha Patel', 'anonymous');
  const silent = person('doctor', REAL_NAME, 'none');
  const radiographer = person('allied_health_professional', 'Tom Long', 'attributed');
  for (const p of [nurse, silent, radiographer]) linkEngagement(db, p.id, moorfields);
  linkEngagement(db, nurse.id, leeds);

  const visit = w.note(moorfields, [
    `${nurse.code}: We need protected time for training before the AI arrives, otherwise it is one more thing on a full shift.`,
    `${silent.code}: Off the record, the ${SECRET_WORDS} pilot failed because nobody was trained.`,
    `${radiographer.code}: I learned from zoe angstrom that genomics is coming to every ward, and radiographers want structured training first.`,
    `${nurse.code}: ${FORMULA_QUOTE}`,
  ]);
  const p1 = visit.tag('We need protected time for training before the AI arrives, otherwise it is one more thing on a full shift.', [training], { keyQuote: true, memo: 'Said twice; Asha Patel was firm.' });
  const p2 = visit.tag(`Off the record, the ${SECRET_WORDS} pilot failed because nobody was trained.`, [ai, training]);
  const p3 = visit.tag('I learned from zoe angstrom that genomics is coming to every ward, and radiographers want structured training first.', [genomics, ai]);
  visit.tag(FORMULA_QUOTE, [ai]);
  const round = w.note(leeds, [`${nurse.code}: Genetic counsellors cannot explain every result; ward staff will have to.`]);
  const p5 = round.tag('Genetic counsellors cannot explain every result; ward staff will have to.', [genomics]);

  const f1 = createFinding(db, NewFinding.parse({ statement: STATEMENTS[0], themeIds: [genomics], passageIds: [p5, p3, p2] }), by);
  assessFinding(db, f1.id, assessment('moderate', 'Consistent across both engagements, from few staff groups.'), by);
  const f2 = createFinding(db, NewFinding.parse({ statement: STATEMENTS[1], themeIds: [ai], passageIds: [p3, p2] }), by);
  assessFinding(db, f2.id, assessment('low', 'One site only.'), by);
  const f3 = createFinding(db, NewFinding.parse({ statement: STATEMENTS[2], themeIds: [training], passageIds: [p1, p2], status: 'draft' }), by);
  const groups = listRecommendations(db);
  createRecommendation(db, { groupId: groups[2]!.id, text: 'Every trust should give staff protected learning time before new technology arrives.', findingIds: [f3.id, f2.id] }, by);
  createRecommendation(db, { groupId: groups[1]!.id, text: 'Genomics literacy should be part of every clinical curriculum.', findingIds: [f1.id] }, by);
  saveSummary(db, { themeId: training, dimension: 'staffGroup', value: 'nurse', text: 'Nurses asked for protected time above all; Asha Patel put it plainly.' }, by);
  return { w, codes: { nurse: nurse.code, silent: silent.code, radiographer: radiographer.code } };
}
