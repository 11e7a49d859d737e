// `fieldnotes export <ws> --format qdpx` and `fieldnotes import <file.qdpx> --into|--new <ws>`: REFI-QDA projects (issue 9).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { QdpxExportOptions } from '../../shared/domain/refi';
import { ReviewerInput, suggestInitials } from '../../shared/domain/reviewer';
import type { QdpxImportReport } from '../../shared/domain/refi';
import { FieldnotesError } from '../../shared/rpc/result';
import { APP_VERSION } from '../../shared/version';
import { writeFileAtomic } from '../core/files/writeOut';
import { exportQdpx } from '../core/refi/exportProject';
import { importProject } from '../core/refi/importProject';
import { readQdpx } from '../core/refi/readQdpx';
import { actAs } from '../core/services/reviewer';
import { InstallationSettings } from '../core/settings/settings';
import { openSnapshot } from '../core/workspace/snapshot';
import { createWorkspace, openWorkspace } from '../core/workspace/workspace';
import { defaultSettingsFolder } from './settingsFolder';
import type { Io } from './run';

export interface QdpxFlags {
  out?: string;
  into?: string;
  new?: string;
  force?: boolean;
  'real-names'?: boolean;
  'include-unquotable'?: boolean;
  'qualify-names'?: boolean;
  by?: string;
  initials?: string;
}

/** Export a workspace as .qdpx. Participants not for quotation are left out unless --include-unquotable. */
export async function exportQdpxCommand(workspacePath: string, flags: QdpxFlags, io: Io): Promise<number> {
  if (!flags.out) throw new FieldnotesError('INVALID_INPUT', 'Say where to write the project: --out FILE.qdpx');
  const options = QdpxExportOptions.parse({
    omitNotForQuotation: !flags['include-unquotable'],
    includeRealNames: Boolean(flags['real-names']),
    qualifyNames: Boolean(flags['qualify-names']),
  });
  const workspace = openSnapshot(workspacePath);
  try {
    const result = exportQdpx(workspace.db, APP_VERSION, options);
    await writeFileAtomic(resolve(flags.out), result.bytes, { overwrite: Boolean(flags.force) });
    const c = result.counts;
    io.out(`Exported ${c.themes} themes, ${c.sources} notes, ${c.passages} passages, ${c.memos} memos, ${c.participants} participants, ${c.sets} engagements and ${c.findings} findings to ${resolve(flags.out)}`);
    for (const line of result.leftOut) io.out(`Left out: ${line}`);
    for (const shared of result.sharedNames) {
      io.err(`Warning: ${shared.paths.length} themes are called “${shared.name}” (${shared.paths.join('; ')}). Some tools keep only one code of a name; run again with --qualify-names to export them as “Parent::Name”.`);
    }
    return 0;
  } finally {
    workspace.close();
  }
}

export function printImportReport(report: QdpxImportReport, io: Io): void {
  const c = report.counts;
  io.out(`Imported “${report.projectName}”${report.origin ? ` from ${report.origin}` : ''}:`);
  io.out(`  Themes:       ${report.themes.added} added, ${report.themes.merged} merged with themes already here`);
  io.out(`  Notes:        ${c.notes} in ${c.engagements} engagement${c.engagements === 1 ? '' : 's'}`);
  io.out(`  Passages:     ${c.passages} (${report.alignment.aligned} of them start and end on word boundaries)`);
  io.out(`  Participants: ${c.participants}`);
  io.out(`  Memos:        ${c.memos}`);
  io.out(`  Findings:     ${c.findings}`);
  for (const line of report.remarks) io.out(`  Note: ${line}`);
  if (report.notCarried.length) {
    io.out('Not carried:');
    for (const line of report.notCarried) io.out(`  - ${line}`);
  } else {
    io.out('Everything in the file was carried.');
  }
}

/** Import a .qdpx into an existing workspace (--into) or a new one (--new, which exists only if the import succeeds). */
export async function importQdpxCommand(file: string, flags: QdpxFlags, io: Io): Promise<number> {
  if (Boolean(flags.into) === Boolean(flags.new)) {
    throw new FieldnotesError('INVALID_INPUT', 'Say where to import: --into WORKSPACE (an existing one) or --new WORKSPACE (a new file).');
  }
  const stored = new InstallationSettings(defaultSettingsFolder(io.env)).reviewer();
  let reviewer = stored;
  if (flags.by) {
    const input = ReviewerInput.safeParse({ name: flags.by, initials: flags.initials ?? suggestInitials(flags.by) });
    if (!input.success) throw new FieldnotesError('INVALID_INPUT', input.error.issues[0]!.message);
    reviewer = { id: stored?.id ?? crypto.randomUUID(), ...input.data };
  }
  if (!reviewer) throw new FieldnotesError('INVALID_INPUT', 'Say who is importing: --by "Your Name" (or set your name in the app first).');
  const by = reviewer;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new FieldnotesError('NOT_FOUND', `There is no file at ${resolve(file)}.`);
  }
  // Read and check the whole file before any workspace is touched.
  const prepared = await readQdpx(bytes, basename(file));
  const target = resolve((flags.into ?? flags.new)!);
  if (flags.new) {
    // Built whole under a temporary name: a failed import leaves no file under the chosen one.
    let report: QdpxImportReport | null = null;
    const created = createWorkspace(target, { name: prepared.project.name, createdBy: by, fill: (db) => (report = importProject(db, prepared, by.id)) });
    created.close();
    printImportReport(report!, io);
    return 0;
  }
  const workspace = openWorkspace(target);
  try {
    actAs(workspace.db, reviewer, null);
    printImportReport(importProject(workspace.db, prepared, reviewer.id), io);
    return 0;
  } finally {
    workspace.close();
  }
}
