import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ReviewerInput, suggestInitials } from '../../shared/domain/reviewer';
import { FieldnotesError } from '../../shared/rpc/result';
import { APP_VERSION } from '../../shared/version';
import { InstallationSettings } from '../core/settings/settings';
import type { WorkspaceKey } from '../core/workspace/encryption';
import { DamagedWorkspaceError } from '../core/workspace/errors';
import { createWorkspace, inspectWorkspace, type Inspection } from '../core/workspace/workspace';
import { exportQdpxCommand, importQdpxCommand, type QdpxFlags } from './qdpx';
import { backupCommand, restoreCommand } from './backup';
import { MERGE_HELP, mergeCommand, type MergeFlags } from './merge';
import { exportReportCommand, REPORT_HELP, reportFormatNames, type ReportFlags } from './report';
import { defaultSettingsFolder } from './settingsFolder';

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, problem: 1, usage: 2, cannotOpen: 3 } as const;

export const HELP = `Fieldnotes ${APP_VERSION} — command line

Usage:
  fieldnotes create <file.fieldnotes> [--name NAME] [--by "Your Name"] [--initials XX]
  fieldnotes info <file.fieldnotes> [--json]
  fieldnotes check <file.fieldnotes> [--json]
  fieldnotes export <file.fieldnotes> --format qdpx --out <file.qdpx> [--force] [--real-names] [--include-unquotable] [--qualify-names]
${REPORT_HELP}
  fieldnotes import <file.qdpx> --into <file.fieldnotes> | --new <file.fieldnotes> [--by "Your Name"]
  fieldnotes backup <file.fieldnotes> [--list] [--to FOLDER] [--json]
  fieldnotes restore <file.fieldnotes> <backup.fieldnotes> [--json]
${MERGE_HELP}
  fieldnotes --help | --version

Commands:
  create   Make a new, empty workspace file. Refuses to overwrite an existing file.
  info     Show a workspace's name, format version and what it holds. Changes nothing.
  check    Run the full integrity check, the schema check and the recovery log (-wal) check. Changes nothing.
  backup   Take a verified backup (beside the workspace, or in --to FOLDER); --list shows them with their contents.
  restore  Put a backup in the workspace's place; the file it replaces is kept beside it.
  export   Write the workspace in another format. qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA
           or QualCoder. Passages of participants not for quotation are left out and real names are
           never written, unless --include-unquotable or --real-names.
           docx/pdf: the findings report; csv/xlsx: the coded passages (and the matrix). The same consent
           rules apply: the pre-export check printed says what was left out or replaced, and why.
  import   Add a REFI-QDA project (.qdpx) to a workspace (--into) or to a new one (--new), and print
           what was imported and what could not be carried.
  merge    Merge a colleague's merge pack ("Send for merging…" in the app) into a workspace: prints what
           is new, changed, changed on both sides and deleted, asks, takes a backup, then merges in one
           transaction. --dry-run only previews (changes nothing); --yes merges without asking;
           --combine-themes combines themes of one name under one parent (their passages move);
           --delete-anyway deletes the records one side deleted and the other changed afterwards
           (without it they are kept, and listed).

Options:
  --name      Workspace name (default: the file name).
  --by        Reviewer name recorded as creator (default: the reviewer set in the app).
  --initials  Reviewer initials (default: from the name).
  --json      Print machine-readable output.

Encrypted workspaces: set FIELDNOTES_PASSPHRASE in the environment (create then makes an encrypted one).

Exit codes: 0 ok, 1 check found a problem, 2 usage error, 3 cannot open or create.
`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** The key of an encrypted workspace, derived by index.ts from FIELDNOTES_PASSPHRASE (Argon2id is asynchronous). */
  key?: WorkspaceKey;
  /** Ask the person at the terminal (absent when stdin is not a terminal: commands then need --yes). */
  confirm?: (question: string) => Promise<boolean>;
}

function usage(io: Io, message: string): number {
  io.err(`fieldnotes: ${message}`);
  io.err('Run "fieldnotes --help" for usage.');
  return EXIT.usage;
}

/** The whole CLI as a function of its arguments, so tests run it in-process and as a child. */
export function runCli(argv: string[], io: Io): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'boolean' },
        name: { type: 'string' },
        by: { type: 'string' },
        initials: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        into: { type: 'string' },
        new: { type: 'string' },
        force: { type: 'boolean' },
        'real-names': { type: 'boolean' },
        'include-unquotable': { type: 'boolean' },
        'qualify-names': { type: 'boolean' },
        list: { type: 'boolean' },
        to: { type: 'string' },
        draft: { type: 'boolean' },
        'attribute-names': { type: 'boolean' },
        'no-matrix': { type: 'boolean' },
        'no-appendices': { type: 'boolean' },
        table: { type: 'string' },
        title: { type: 'string' },
        panel: { type: 'string' },
        'report-version': { type: 'string' },
        date: { type: 'string' },
        quotes: { type: 'string' },
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean', short: 'y' },
        'combine-themes': { type: 'boolean' },
        'delete-anyway': { type: 'boolean' },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.out(APP_VERSION);
    return EXIT.ok;
  }
  const [command, file, ...extra] = positionals;
  if (!command) return usage(io, 'say what to do: create, info, check, backup, restore, export, import or merge.');
  if (!['create', 'info', 'check', 'backup', 'restore', 'export', 'import', 'merge'].includes(command)) return usage(io, `unknown command "${command}".`);
  if (!file) return usage(io, command === 'merge' ? '"merge" needs the merge pack to merge in.' : `"${command}" needs a workspace file.`);
  if (extra.length > (command === 'restore' ? 1 : 0)) return usage(io, `unexpected argument "${extra[extra.length - 1]}".`);

  if (command === 'export' || command === 'import' || command === 'merge') return exchange(command, file, values, io);

  try {
    switch (command) {
      case 'create':
        return create(file, values, io);
      case 'info':
        return info(file, Boolean(values.json), io);
      case 'backup':
        return backupCommand(file, { ...values, key: io.key }, io);
      case 'restore':
        return restoreCommand(file, extra[0], { ...values, key: io.key }, io);
      default:
        return check(file, Boolean(values.json), io);
    }
  } catch (error) {
    // Every failure is a sentence (and JSON when asked), never a stack trace.
    const known = error instanceof FieldnotesError;
    const code = known ? error.code : 'INTERNAL';
    const message = known ? error.message : `Something unexpected went wrong: ${(error as Error)?.message ?? String(error)}`;
    if (values.json) io.out(JSON.stringify({ ok: false, code, message, findings: findingsOf(error) }));
    io.err(`fieldnotes: ${message}`);
    for (const line of findingsOf(error)) io.err(`  ${line}`);
    if (!known) return EXIT.problem;
    return command === 'check' && error.code !== 'NOT_FOUND' ? EXIT.problem : EXIT.cannotOpen;
  }
}

/** The file formats `export` knows; each lives in its own module. */
async function exchange(command: 'export' | 'import' | 'merge', file: string, values: QdpxFlags & ReportFlags & MergeFlags & { format?: string }, io: Io): Promise<number> {
  try {
    if (command === 'merge') return await mergeCommand(file, values, io);
    if (command === 'import') return await importQdpxCommand(file, values, io);
    const format = values.format?.toLowerCase();
    if (format === 'qdpx') return await exportQdpxCommand(file, values, io);
    const report = reportFormatNames.find((f) => f === format);
    if (report) return await exportReportCommand(file, report, values, io);
    return usage(io, format ? `unknown export format "${values.format}".` : 'say which format to export: --format docx, pdf, csv, xlsx or qdpx.');
  } catch (error) {
    if (error instanceof FieldnotesError) {
      io.err(`fieldnotes: ${error.message}`);
      return error.code === 'INVALID_INPUT' ? EXIT.usage : EXIT.problem;
    }
    throw error;
  }
}

const findingsOf = (error: unknown): string[] => (error instanceof DamagedWorkspaceError ? error.findings : []);

function create(file: string, values: { name?: string; by?: string; initials?: string }, io: Io): number {
  const settings = new InstallationSettings(defaultSettingsFolder(io.env));
  const stored = settings.reviewer();
  let reviewer;
  if (values.by) {
    const input = ReviewerInput.safeParse({ name: values.by, initials: values.initials ?? suggestInitials(values.by) });
    if (!input.success) return usage(io, input.error.issues[0]!.message);
    // The same person keeps the same id when they already set their name in the app.
    reviewer = { id: stored?.id ?? crypto.randomUUID(), ...input.data };
  } else if (stored) {
    reviewer = stored;
  } else {
    return usage(io, 'say who is creating the workspace: --by "Your Name" (or set your name in the app first).');
  }
  const name = values.name?.trim() || basename(file).replace(/\.fieldnotes$/i, '');
  const workspace = createWorkspace(file, { name, createdBy: reviewer }, { key: io.key });
  const created = workspace.info();
  workspace.close();
  io.out(`Created workspace "${created.name}" at ${created.path}`);
  return EXIT.ok;
}

function info(file: string, json: boolean, io: Io): number {
  const inspection = inspectWorkspace(file, io.key);
  const problems = problemsOf(inspection);
  if (json) {
    io.out(JSON.stringify({ ...inspection.info, counts: inspection.counts, ok: problems.length === 0, problems }));
  } else {
    const { info: ws, counts } = inspection;
    io.out(`Workspace:   ${ws.name}`);
    io.out(`File:        ${ws.path}`);
    io.out(`Format:      version ${ws.schemaVersion}`);
    io.out(`Created:     ${ws.createdAt}`);
    for (const [table, n] of Object.entries(counts)) io.out(`${`${table[0]!.toUpperCase()}${table.slice(1)}:`.padEnd(13)}${n}`);
    for (const problem of problems) io.err(`Problem: ${problem}`);
  }
  return problems.length === 0 ? EXIT.ok : EXIT.problem;
}

/** What `check` found, as sentences; empty when the workspace is sound. */
function problemsOf(inspection: Inspection): string[] {
  const problems: string[] = [];
  const { integrity, foreignKeyProblems, wal } = inspection;
  const file = basename(inspection.info.path);
  if (wal.state === 'damaged') problems.push(`The recovery log "${file}-wal" ${wal.problem}.`);
  else if (wal.belongs === false) problems.push(`The recovery log "${file}-wal" does not belong to this file (restored or copied without it?). Set it aside to use the file as it is.`);
  if (integrity[0] !== 'ok') problems.push(`The integrity check found damage:\n  ${integrity.join('\n  ')}`);
  if (foreignKeyProblems > 0) problems.push(`${foreignKeyProblems} broken reference(s) between records. Keep a copy of the file and report this.`);
  return problems;
}

function check(file: string, json: boolean, io: Io): number {
  const inspection = inspectWorkspace(file, io.key);
  const problems = problemsOf(inspection);
  const ok = problems.length === 0;
  if (json) {
    io.out(
      JSON.stringify({
        ok,
        schemaVersion: inspection.info.schemaVersion,
        integrity: inspection.integrity,
        foreignKeyProblems: inspection.foreignKeyProblems,
        recoveryLog: { state: inspection.wal.state, belongs: inspection.wal.belongs, commits: inspection.wal.commits, problem: inspection.wal.problem ?? null },
        problems,
      }),
    );
  } else if (ok) {
    io.out(`OK: "${inspection.info.name}" passed the integrity check (format version ${inspection.info.schemaVersion}).`);
    io.out(`integrity_check: ${inspection.integrity.join('; ')}`);
    if (inspection.wal.state === 'readable') {
      io.out(`Recovery log: ${inspection.wal.commits} saved change(s) not yet folded into the file; they belong to it and will be applied when it is opened.`);
    }
    io.out('The file has not been changed.');
  } else {
    for (const problem of problems) io.err(`Problem: ${problem}`);
    io.err('The file has not been changed.');
  }
  return ok ? EXIT.ok : EXIT.problem;
}
