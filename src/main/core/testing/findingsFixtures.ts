// A small review for the matrix, co-occurrence, coverage and findings tests,
// small enough to count by hand (the counts are worked out in the tests).
import { NewParticipant } from '../../../shared/domain/participant';
import { createParticipant } from '../services/participants';
import { analysisWorkspace, type AnalysisWorkspace } from './analysisFixtures';
import { TEST_REVIEWER, type tempFolders } from './tempWorkspace';

/**
 * Codebook: AI › Imaging; Training; Ethics; Genomics (no evidence).
 * People: P001 nurse, P002 allied health professional (both quotable), P003
 * doctor (not for quotation), P004 pharmacist (met at the roundtable, never quoted).
 * Engagements: Moorfields site visit (P002, P003), Leeds workshop (P001),
 * Bristol roundtable (P004; a note, nothing tagged).
 *
 * Passages (themes; speaker; engagement):
 *   triage    "AI triage"                   AI, Training   P002  Moorfields
 *   scans     "read scans"                  Imaging        P002  Moorfields
 *   ethics    "ethics of automated imaging" Ethics, Imaging P003 Moorfields
 *   cameUp    "automated imaging came up"   Training       P003  Moorfields  (overlaps ethics)
 *   nurses    "time for training"           Training       P001  Leeds
 *   unsaid    "about training"              Training       —     Moorfields
 */
export function smallReview(w: AnalysisWorkspace) {
  const ai = w.theme('AI');
  const imaging = w.theme('Imaging', ai);
  const training = w.theme('Training');
  const ethics = w.theme('Ethics');
  const genomics = w.theme('Genomics');
  const moorfields = w.engagement({ title: 'Moorfields visit', type: 'site_visit', organisation: 'Moorfields Eye Hospital', date: '2018-06-19' });
  const leeds = w.engagement({ title: 'Leeds workshop', type: 'workshop', organisation: 'Leeds Teaching Hospitals', date: '2018-09-03' });
  const bristol = w.engagement({ title: 'Bristol roundtable', type: 'roundtable', organisation: 'Bristol', date: '2018-10-01' });
  const person = (staffGroup: string, consent: string, engagementId: string) =>
    createParticipant(w.db, NewParticipant.parse({ staffGroup, consent, engagementId }), TEST_REVIEWER.id);
  const nurse = person('nurse', 'anonymous', leeds);
  const ahp = person('allied_health_professional', 'anonymous', moorfields);
  const doctor = person('doctor', 'none', moorfields);
  const pharmacist = person('pharmacist', 'attributed', bristol);
  const mNote = w.note(moorfields, [
    `${ahp.code}: AI triage helps radiographers read scans every day.`,
    `${doctor.code}: The ethics of automated imaging came up.`,
    'Nobody said who wrote this about training.',
  ]);
  const lNote = w.note(leeds, [`${nurse.code}: Nurses need time for training in AI tools.`]);
  w.note(bristol, ['A discussion of pharmacy workforce planning.']);
  const p = {
    triage: mNote.tag('AI triage', [ai, training]),
    scans: mNote.tag('read scans', [imaging], { keyQuote: true }),
    ethics: mNote.tag('ethics of automated imaging', [ethics, imaging]),
    cameUp: mNote.tag('automated imaging came up', [training]),
    nurses: lNote.tag('time for training', [training]),
    unsaid: mNote.tag('about training', [training]),
  };
  return {
    themes: { ai, imaging, training, ethics, genomics },
    engagements: { moorfields, leeds, bristol },
    people: { nurse, ahp, doctor, pharmacist },
    notes: { moorfields: mNote, leeds: lNote },
    p,
  };
}

/** Run `fn` on a fresh small review (smallReview), closing its workspace afterwards whatever happens. */
export function withSmallReview(folders: ReturnType<typeof tempFolders>, fn: (w: AnalysisWorkspace, r: ReturnType<typeof smallReview>) => void): void {
  const w = analysisWorkspace(folders);
  try {
    fn(w, smallReview(w));
  } finally {
    w.close();
  }
}
