import type { RemovalPreview } from '../../../shared/domain/removal';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** What goes with a note or an engagement, one sentence a line, before anything is deleted (issue 11). */
export function removalLines(preview: RemovalPreview, what: 'note' | 'engagement'): string[] {
  const lines: string[] = [];
  if (what === 'engagement') {
    const notes = preview.notes === 1 ? 'Its note' : `Its ${count(preview.notes, 'note')}`;
    lines.push(preview.notes === 0 ? 'It has no notes.' : `${notes} (${count(preview.words, 'word')}) will be deleted.`);
  } else {
    lines.push(`Its ${count(preview.words, 'word')} will be deleted.`);
  }
  if (preview.passages > 0) {
    const its = preview.passages === 1 ? 'its themes and memo' : 'their themes and memos';
    lines.push(`${count(preview.passages, 'tagged passage')} in ${what === 'note' ? 'it' : 'them'} will be deleted, with ${its}.`);
  }
  if (preview.findings > 0) {
    lines.push(
      `${count(preview.findings, 'finding cites', 'findings cite')} ${preview.citedPassages.toLocaleString('en-GB')} of these passages; ${preview.findings === 1 ? 'it keeps' : 'they keep'} the quoted text, marked deleted.`,
    );
  }
  if (preview.attachments > 0) lines.push(`${count(preview.attachments, 'attachment')} will be deleted.`);
  if (preview.participants > 0) {
    lines.push(`${count(preview.participants, 'participant is', 'participants are')} linked to it; they stay in the workspace, unlinked.`);
  }
  lines.push('This cannot be undone.');
  return lines;
}
