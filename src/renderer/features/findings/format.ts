import { count } from '../analysis/format';

/** "1 Dec 2026, 09:12": when something was written, in the reviewer's words. */
export const formatWhen = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * What the evidence line adds after its counts: passages that count for no participant, said why — " (1 passage
 * with no speaker; 2 of an unknown speaker)". Empty when every passage has its participant.
 */
export function spreadAside(spread: { noSpeaker: number; unknownSpeaker: number }): string {
  const parts: string[] = [];
  if (spread.noSpeaker > 0) parts.push(`${count(spread.noSpeaker, 'passage')} with no speaker`);
  if (spread.unknownSpeaker > 0) parts.push(`${parts.length > 0 ? spread.unknownSpeaker.toLocaleString('en-GB') : count(spread.unknownSpeaker, 'passage')} of an unknown speaker`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/**
 * The evidence line: "3 passages from 2 participants in 2 staff groups, across 1 engagement", and, when no passage
 * has a participant, "1 passage, from no linked participant, across 1 engagement" rather than "from 0 participants in
 * 0 staff groups"; then what spreadAside adds.
 */
export function spreadLine(spread: { passages: number; participants: number; staffGroups: number; engagements: number; noSpeaker: number; unknownSpeaker: number }): string {
  const who =
    spread.participants > 0
      ? ` from ${count(spread.participants, 'participant')} in ${count(spread.staffGroups, 'staff group')},`
      : ', from no linked participant,';
  return `${count(spread.passages, 'passage')}${who} across ${count(spread.engagements, 'engagement')}${spreadAside(spread)}.`;
}
