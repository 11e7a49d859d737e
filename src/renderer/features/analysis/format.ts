import { staffGroupLabels, type StaffGroup } from '../../../shared/domain/participant';

/** "1 passage", "3 passages". */
export const count = (n: number, word: string, plural = `${word}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? word : plural}`;

export const staffGroupLabel = (group: string | null | undefined): string =>
  group ? (staffGroupLabels[group as StaffGroup] ?? group) : 'staff group not recorded';

/** "P014 · Allied health professional", or "no speaker". */
export const speakerLine = (speaker: { code: string; staffGroup: string | null } | null): string =>
  speaker ? `${speaker.code} · ${staffGroupLabel(speaker.staffGroup)}` : 'no speaker';
