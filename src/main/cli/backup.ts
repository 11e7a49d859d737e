// `fieldnotes backup` and `fieldnotes restore`: take, list and restore verified backups.
import { listBackups, type BackupInfo } from '../core/backup/backups';
import type { WorkspaceKey } from '../core/workspace/encryption';
import { backupWorkspaceFile, restoreWorkspace } from '../core/workspace/workspace';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const describe = (b: BackupInfo): string => {
  const counts = Object.entries(b.counts).map(([table, n]) => `${n} ${table}`).join(', ');
  return `${b.takenAt}  ${b.reason.padEnd(13)} ${counts || '(contents not recorded)'}\n    ${b.path}`;
};

function list(file: string, folder: string | undefined, json: boolean, io: Io): number {
  const backups = listBackups(file, folder);
  if (json) {
    io.out(JSON.stringify({ ok: true, backups }));
    return 0;
  }
  if (backups.length === 0) io.out(`No backups of "${file}" yet.`);
  else io.out(`Backups, newest first:\n${backups.map(describe).join('\n')}`);
  return 0;
}

export function backupCommand(file: string, options: { list?: boolean; to?: string; json?: boolean; key?: WorkspaceKey }, io: Io): number {
  if (options.list) return list(file, options.to, Boolean(options.json), io);
  const backup = backupWorkspaceFile(file, options.to, options.key);
  if (options.json) io.out(JSON.stringify({ ok: true, backup }));
  else io.out(`Backed up and verified (integrity check passed):\n${describe(backup)}\nThe workspace itself has not been changed.`);
  return 0;
}

export function restoreCommand(file: string, from: string | undefined, options: { json?: boolean; to?: string; key?: WorkspaceKey }, io: Io): number {
  if (!from) {
    io.err('Say which backup to restore: fieldnotes restore <file.fieldnotes> <backup.fieldnotes>');
    list(file, options.to, false, io);
    return 2;
  }
  const { setAside } = restoreWorkspace(file, from, options.key);
  if (options.json) io.out(JSON.stringify({ ok: true, restored: from, setAside }));
  else io.out(`Restored "${file}" from ${from}.${setAside ? `\nThe file it replaced is kept as ${setAside}.` : ''}`);
  return 0;
}
