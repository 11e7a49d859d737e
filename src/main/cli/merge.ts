// `fieldnotes merge <pack> --into <workspace> [--dry-run] [--yes]`: a colleague's merge pack into a workspace (issue 10).
import { basename, resolve } from 'node:path';
import { describeKinds, MergeKind, mergeTableLabel, type MergePackInfo, type MergeReport } from '../../shared/domain/merge';
import { FieldnotesError } from '../../shared/rpc/result';
import { TRACKED_TABLES } from '../core/db/changeTracking';
import { mergeInto, previewMerge } from '../core/merge/mergePack';
import { describePack, openPack } from '../core/merge/packs';
import { openSnapshot } from '../core/workspace/snapshot';
import { backupWorkspaceFile, openWorkspace } from '../core/workspace/workspace';
import type { Io } from './run';

export interface MergeFlags {
  into?: string;
  'dry-run'?: boolean;
  yes?: boolean;
  json?: boolean;
  'combine-themes'?: boolean;
  'delete-anyway'?: boolean;
}

export const MERGE_HELP = `  fieldnotes merge <pack.fieldnotes> --into <file.fieldnotes> [--dry-run] [--yes] [--combine-themes] [--delete-anyway] [--json]`;

const KIND_HEADINGS: Record<MergeKind, string> = { new: 'new', changed: 'changed', conflicting: 'both changed', deleted: 'deleted', kept: 'kept' };

/** The preview as a table: one line per kind of record that changes, one column per kind of change. */
export function previewLines(report: MergeReport, pack: MergePackInfo, into: string, combine = false, deleteAnyway = false): string[] {
  const by = pack.reviewers.length ? ` (worked on by ${pack.reviewers.join(', ')})` : '';
  const lines = [`Merging "${pack.name}" from ${pack.fileName}${by} into ${basename(into)}:`];
  const tables = TRACKED_TABLES.map((t) => t.table).filter((t) => report.byTable[t]);
  if (tables.length === 0) return [...lines, '  Nothing to merge: everything in the pack is here already.'];
  const width = Math.max(...tables.map((t) => mergeTableLabel(t).length), 'Total'.length) + 2;
  const cell = (k: MergeKind, n: number | undefined) => String(n ?? 0).padStart(KIND_HEADINGS[k].length + 2);
  lines.push(`  ${''.padEnd(width)}${MergeKind.options.map((k) => KIND_HEADINGS[k].padStart(KIND_HEADINGS[k].length + 2)).join('')}`);
  for (const t of tables) lines.push(`  ${mergeTableLabel(t).padEnd(width)}${MergeKind.options.map((k) => cell(k, report.byTable[t]![k])).join('')}`);
  lines.push(`  ${'Total'.padEnd(width)}${MergeKind.options.map((k) => cell(k, report.counts[k])).join('')}`);
  if (report.renumbered.length) {
    lines.push('Codes and numbers given on both laptops (the one entered later is renumbered; speaker labels follow):');
    for (const r of report.renumbered) lines.push(`  ${r.from} → ${r.to} (${mergeTableLabel(r.table).toLowerCase()}, from ${r.side === 'here' ? 'this workspace' : 'the pack'})`);
  }
  const sameNames = report.renamed.filter((r) => r.table === 'themes');
  if (sameNames.length) {
    lines.push(`Themes of the same name under the same parent (${combine ? 'combined: the passages move to the first' : 'kept apart, the later one renamed; --combine-themes combines them'}):`);
    for (const r of sameNames) lines.push(`  "${r.from}" and "${r.to}"`);
  }
  for (const r of report.renamed.filter((x) => x.table !== 'themes')) lines.push(`${mergeTableLabel(r.table)}: "${r.from}" was given on both laptops; the later is now "${r.to}".`);
  if (report.noteCopies.length) {
    lines.push('Notes edited on both laptops (both versions kept; the other one as a copy beside the note):');
    for (const c of report.noteCopies) lines.push(`  "${c.title}"`);
  }
  if (report.conflicts.length) {
    lines.push('Changed on both sides (field by field; where both changed a field, the later change wins):');
    for (const c of report.conflicts) lines.push(`  ${mergeTableLabel(c.table)}: "${c.label}" — ${c.columns.join(', ')}`);
  }
  if (report.kept.length) {
    lines.push(
      deleteAnyway
        ? 'Deleted on one side but changed on the other afterwards (deleted anyway, as --delete-anyway asks):'
        : 'Deleted on one side but changed on the other afterwards (kept; add --delete-anyway to delete them):',
    );
    for (const k of report.kept) lines.push(`  ${mergeTableLabel(k.table)}: "${k.label}" (deleted ${k.deletedOn === 'here' ? 'here' : 'in the pack'})`);
  }
  return lines;
}

/**
 * Preview first, from private copies of both files (so --dry-run changes no
 * byte); then, once confirmed, a verified backup of the workspace and the
 * merge in one transaction.
 */
export async function mergeCommand(packPath: string, flags: MergeFlags, io: Io): Promise<number> {
  if (!flags.into) throw new FieldnotesError('INVALID_INPUT', 'Say which workspace to merge into: --into WORKSPACE.fieldnotes');
  const into = resolve(flags.into);
  const pack = openPack(packPath);
  try {
    const info = describePack(pack.db, basename(packPath));
    const here = openSnapshot(into, io.key);
    let preview: MergeReport;
    try {
      preview = previewMerge(here.db, pack.db);
    } finally {
      here.close();
    }
    if (flags.json && flags['dry-run']) io.out(JSON.stringify({ ok: true, merged: false, pack: info, preview }));
    else if (!flags.json) for (const line of previewLines(preview, info, into, Boolean(flags['combine-themes']), Boolean(flags['delete-anyway']))) io.out(line);
    if (flags['dry-run']) {
      if (!flags.json) io.out('Dry run: nothing was merged, and neither file has been changed.');
      return 0;
    }
    if (!flags.yes) {
      const confirmed = io.confirm ? await io.confirm(`Merge these into ${basename(into)}? A backup is taken first. [y/N] `) : false;
      if (!confirmed) {
        io.err(io.confirm ? 'Nothing was merged.' : 'Nothing was merged: run again with --yes to merge (or --dry-run to preview only).');
        return 1;
      }
    }
    const backup = backupWorkspaceFile(into, undefined, io.key, 'before merge');
    const workspace = openWorkspace(into, { key: io.key });
    try {
      // The records the preview listed as kept against a deletion go after all: the person's answer to "the merge asks".
      const deleteAnyway = flags['delete-anyway'] ? preview.kept.map(({ table, recordId }) => ({ table, recordId })) : [];
      const result = mergeInto(workspace.db, pack.db, { combineThemes: Boolean(flags['combine-themes']), deleteAnyway });
      if (flags.json) io.out(JSON.stringify({ ok: true, merged: true, pack: info, result, backup: backup.path }));
      else io.out(`Merged: ${describeKinds(result.counts)}. A backup from before the merge is at ${backup.path}`);
      return 0;
    } finally {
      workspace.close();
    }
  } finally {
    pack.close();
  }
}
