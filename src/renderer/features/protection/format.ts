/** How a workspace's contents read in a sentence: "3 engagements, 1 participant, 2 notes, 40 themes, 12 passages". */
const NOUNS: [table: string, one: string, many: string][] = [
  ['engagements', 'engagement', 'engagements'],
  ['participants', 'participant', 'participants'],
  ['notes', 'note', 'notes'],
  ['themes', 'theme', 'themes'],
  ['passages', 'tagged passage', 'tagged passages'],
];

export function describeCounts(counts: Record<string, number>): string {
  const parts = NOUNS.filter(([table]) => counts[table] !== undefined).map(([table, one, many]) => {
    const n = counts[table]!;
    return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
  });
  return parts.length ? parts.join(', ') : 'contents not recorded';
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A backup's time as people read it, in their own time zone. */
export const formatTakenAt = (iso: string): string => when.format(new Date(iso));

/** Why a backup was taken, as a phrase. */
export function describeReason(reason: string): string {
  switch (reason) {
    case 'on open':
      return 'When the workspace was opened';
    case 'while editing':
      return 'While you worked';
    case 'by hand':
      return 'Backed up by hand';
    case 'new passphrase':
      return 'After the passphrase changed';
    default:
      return reason.startsWith('before') ? `${reason[0]!.toUpperCase()}${reason.slice(1)}` : reason;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
