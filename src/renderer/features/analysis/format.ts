import type { SourceRef } from '../../../shared/domain/analysis';
import { staffGroupLabels, type StaffGroup } from '../../../shared/domain/participant';
import { formatDate } from '../engagements/format';

/** "1 passage", "3 passages". */
export const count = (n: number, word: string, plural = `${word}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? word : plural}`;

export const staffGroupLabel = (group: string | null | undefined): string =>
  group ? (staffGroupLabels[group as StaffGroup] ?? group) : 'staff group not recorded';

/**
 * "P014 · Allied health professional", or "no speaker". Every participant has a staff group, so a turn's code with
 * none is linked to nobody in its note (issue 11): an unknown speaker, not a person whose group went unrecorded.
 */
export const speakerLine = (speaker: { code: string; staffGroup: string | null } | null): string =>
  speaker ? `${speaker.code} · ${speaker.staffGroup ? staffGroupLabel(speaker.staffGroup) : 'unknown speaker'}` : 'no speaker';

/**
 * Where a passage or hit comes from, each part said once: "Moorfields Eye Hospital · Site visit · 12 Jun 2018 ·
 * NHS trust · Afternoon session". A note is named after its engagement by default ("Moorfields Eye Hospital,
 * 19 June 2018"), so its title is added only when it says something the engagement's parts do not.
 */
export function sourceLine(source: SourceRef, typeLabel?: (id: string) => string): string {
  const parts = [source.engagementTitle];
  if (typeLabel) parts.push(typeLabel(source.engagementType));
  parts.push(formatDate(source.date));
  if (source.organisation && source.organisation !== source.engagementTitle) parts.push(source.organisation);
  if (source.noteTitle && !source.noteTitle.startsWith(source.engagementTitle)) parts.push(source.noteTitle);
  return parts.join(' · ');
}
