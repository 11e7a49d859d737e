/**
 * The report's own sentences, shared by the Word and HTML renderers so both
 * read the same. UK English.
 */
import type { ReportFinding, ReportModel } from './model';

export const sectionTitles = {
  summary: 'Summary of findings',
  method: 'How the evidence was gathered',
  matrix: 'Framework matrix',
  recommendations: 'Recommendations',
  engagementLog: 'Appendix A. Engagement log',
  codebook: 'Appendix B. Codebook',
  consentNote:
    'Quotations are attributed by the participant’s code and staff group, for example “P014, nurse”, unless the participant agreed to be named. ' +
    'Nothing said by a participant who did not consent to quotation is quoted, although it may inform the findings. ' +
    'Where a quotation named a participant, the name has been replaced by their code in square brackets; “[name]” stands for a name shared by more than one person.\n\n' +
    'Confidence in each finding was assessed with GRADE-CERQual, which considers methodological limitations, coherence, adequacy of data and relevance, and rates confidence as high, moderate, low or very low.',
} as const;

/** A count as the report prints it: "12,345" (en-GB), in sentences and tables alike. */
export const figure = (n: number): string => n.toLocaleString('en-GB');

const count = (n: number, one: string, many: string) => `${figure(n)} ${n === 1 ? one : many}`;

/** The method chapter's opening sentence. */
export function methodIntroduction(model: ReportModel): string {
  const o = model.overview;
  const p = model.method.period;
  return (
    `The panel gathered evidence in ${count(o.engagements, 'engagement', 'engagements')}${p ? ` between ${p.from} and ${p.to}` : ''}, ` +
    `meeting ${count(o.participants, 'participant', 'participants')}. Reviewers tagged ${count(o.passages, 'passage', 'passages')} of their notes ` +
    'against the codebook (Appendix B), and drew the findings from them.'
  );
}

export function introduction(model: ReportModel): string {
  const o = model.overview;
  const parts = [
    `This report sets out ${count(o.findings, 'finding', 'findings')} of ${model.title}, drawn from ${count(o.engagements, 'engagement', 'engagements')} ` +
      `with ${count(o.participants, 'participant', 'participants')} and ${count(o.passages, 'tagged passage', 'tagged passages')} of evidence.`,
  ];
  if (o.recommendations > 0) {
    parts.push(`It makes ${count(o.recommendations, 'recommendation', 'recommendations')}, each citing the findings it rests on.`);
  }
  if (model.findingsSummary.length > 0) {
    parts.push('Table 1 lists the findings with the confidence the panel places in each and the evidence behind it.');
  }
  return parts.join(' ');
}

/** At most twelve places named in a table cell; the engagement log has them all. */
export function placesText(places: string[]): string {
  if (places.length <= 12) return places.join('; ');
  return `${places.slice(0, 12).join('; ')}; and ${figure(places.length - 12)} more (see Appendix A)`;
}

export function evidenceLine(e: ReportFinding['evidence']): string {
  return `Evidence: ${count(e.passages, 'passage', 'passages')} from ${count(e.participants, 'participant', 'participants')} in ${count(e.staffGroups, 'staff group', 'staff groups')}, across ${count(e.engagements, 'engagement', 'engagements')}.`;
}
