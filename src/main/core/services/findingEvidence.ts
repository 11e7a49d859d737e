import type { EvidenceSpread, FindingPassage, FindingWarning } from '../../../shared/domain/finding';
import { findingLabel } from '../../../shared/domain/finding';

/**
 * How far a finding's evidence reaches and what a reader should be warned of
 * (issue 8): a finding resting on one person or one engagement is weaker than
 * it reads, and one resting on people who may not be quoted — or on a speaker
 * code linked to nobody, whose consent is unknown (issue 11) — cannot be
 * illustrated with their words in the report.
 */
export function evidenceSpread(passages: readonly FindingPassage[]): EvidenceSpread {
  const present = passages.filter((p) => p.state !== 'deleted');
  const participants = new Set<string>();
  const staffGroups = new Set<string>();
  const engagements = new Set<string>();
  let notForQuotation = 0;
  let noSpeaker = 0;
  let unknownSpeaker = 0;
  for (const p of present) {
    if (p.source) engagements.add(p.source.engagementId);
    if (p.participant) {
      participants.add(p.participant.id);
      staffGroups.add(p.participant.staffGroup);
      if (p.participant.consent === 'none') notForQuotation++;
    } else if (p.unknownSpeaker) unknownSpeaker++;
    else noSpeaker++;
  }
  return {
    passages: present.length,
    participants: participants.size,
    staffGroups: staffGroups.size,
    engagements: engagements.size,
    notForQuotation,
    noSpeaker,
    unknownSpeaker,
    detached: passages.filter((p) => p.state === 'detached').length,
    deleted: passages.filter((p) => p.state === 'deleted').length,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Each code, once, in the order the evidence has them, joined as a sentence says them: "P005", "P005 and P007", "P005, P007 and P009". */
function codesSaid(passages: readonly FindingPassage[]): { said: string; many: boolean } {
  const codes = [...new Set(passages.flatMap((p) => (p.state !== 'deleted' && !p.participant && p.unknownSpeaker ? [p.unknownSpeaker] : [])))];
  const said = codes.length <= 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} and ${codes.at(-1)}`;
  return { said, many: codes.length > 1 };
}

export function findingWarnings(number: number, spread: EvidenceSpread, assessed: boolean, passages: readonly FindingPassage[]): FindingWarning[] {
  const label = findingLabel(number);
  const out: FindingWarning[] = [];
  if (spread.passages === 0) {
    out.push({
      code: 'no_evidence',
      message: `${label} has no supporting passages yet. Add them from the theme view, the matrix, search or the passage bar.`,
    });
  } else {
    // A passage of no known participant may be someone else's: then "one participant" would overstate it.
    if (spread.participants === 1 && spread.noSpeaker === 0 && spread.unknownSpeaker === 0) {
      out.push({ code: 'one_participant', message: `${label} rests on one participant only.` });
    }
    if (spread.engagements === 1) out.push({ code: 'one_engagement', message: `${label} rests on one engagement only.` });
  }
  if (spread.notForQuotation > 0) {
    out.push({
      code: 'not_for_quotation',
      message: `${plural(spread.notForQuotation, 'passage')} of ${label} ${spread.notForQuotation === 1 ? 'comes from a participant' : 'come from participants'} who may not be quoted: the report will not quote ${spread.notForQuotation === 1 ? 'it' : 'them'}.`,
    });
  }
  if (spread.unknownSpeaker > 0) {
    const n = spread.unknownSpeaker;
    const { said, many } = codesSaid(passages);
    out.push({
      code: 'unknown_speaker',
      message: `${plural(n, 'passage')} of ${label} ${n === 1 ? 'was' : 'were'} said by ${said}, ${many ? 'speaker codes' : 'a speaker code'} linked to no participant: their consent is unknown, so the report will not quote ${n === 1 ? 'it' : 'them'} until ${many ? 'the codes are' : 'the code is'} linked to a participant who may be quoted.`,
    });
  }
  if (spread.detached > 0) {
    out.push({
      code: 'detached',
      message: `${plural(spread.detached, 'supporting passage')} of ${label} ${spread.detached === 1 ? 'is' : 'are'} no longer in ${spread.detached === 1 ? 'its note' : 'their notes'} (detached).`,
    });
  }
  if (spread.deleted > 0) {
    out.push({
      code: 'deleted',
      message: `${plural(spread.deleted, 'supporting passage')} of ${label} ${spread.deleted === 1 ? 'was' : 'were'} deleted; only the quoted text is kept. Remove ${spread.deleted === 1 ? 'it' : 'them'} or add others.`,
    });
  }
  if (!assessed) out.push({ code: 'not_assessed', message: `${label} has no CERQual assessment yet.` });
  return out;
}
