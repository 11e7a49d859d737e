import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldnotesError } from '../../../shared/rpc/result';
import { isRoot, makeWorkspace, sha256, tempFolders } from '../testing/tempWorkspace';
import { openWorkspace } from '../workspace/workspace';
import { writeFileAtomic } from './writeOut';

const folders = tempFolders();
afterEach(() => folders.cleanup());

async function failure(promise: Promise<unknown>): Promise<FieldnotesError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldnotesError);
  return error as FieldnotesError;
}

describe('writeFileAtomic', () => {
  it('writes bytes and text, leaving nothing but the file', async () => {
    const folder = folders.make();
    await writeFileAtomic(join(folder, 'a.bin'), new Uint8Array([1, 2, 3]));
    await writeFileAtomic(join(folder, 'b.txt'), 'Grüße');
    expect(readdirSync(folder).sort()).toEqual(['a.bin', 'b.txt']);
    expect([...readFileSync(join(folder, 'a.bin'))]).toEqual([1, 2, 3]);
    expect(readFileSync(join(folder, 'b.txt'), 'utf8')).toBe('Grüße');
  });

  it('never replaces the workspace open in this process, or its log, even when told to', async () => {
    const path = join(folders.make(), 'open.fieldnotes');
    makeWorkspace(path);
    const workspace = openWorkspace(path);
    try {
      workspace.db.prepare("INSERT INTO workspace_meta(key, value) VALUES ('kept', 'yes')").run();
      const before = sha256(path);
      for (const target of [path, `${path}-wal`]) {
        const refused = await failure(writeFileAtomic(target, 'a report', { overwrite: true }));
        expect(refused.message).toMatch(/is the workspace open now/);
      }
      expect(sha256(path)).toBe(before);
    } finally {
      workspace.close();
    }
  });

  it('refuses to replace a file unless told to, and then replaces it whole', async () => {
    const folder = folders.make();
    const target = join(folder, 'codebook.qdc');
    writeFileSync(target, 'old');
    const refused = await failure(writeFileAtomic(target, 'new'));
    expect(refused.code).toBe('FILE_EXISTS');
    expect(refused.message).toMatch(/already a file called "codebook.qdc"/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    await writeFileAtomic(target, 'new', { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['codebook.qdc']);
  });

  it('refuses a folder as the target and a folder that does not exist', async () => {
    const folder = folders.make();
    mkdirSync(join(folder, 'sub'));
    expect((await failure(writeFileAtomic(join(folder, 'sub'), 'x', { overwrite: true }))).message).toMatch(/is a folder/);
    const missing = await failure(writeFileAtomic(join(folder, 'nowhere', 'x.txt'), 'x'));
    expect(missing.code).toBe('NOT_FOUND');
    expect(readdirSync(folder)).toEqual(['sub']);
  });

  it('explains a folder it may not write to', async (context) => {
    if (isRoot) {
      console.log('skipped: running as root, who may write to a read-only folder, so the refusal cannot happen here');
      context.skip();
    }
    const folder = folders.make();
    chmodSync(folder, 0o555);
    const refused = await failure(writeFileAtomic(join(folder, 'x.txt'), 'x'));
    expect(refused.code).toBe('READ_ONLY');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('on a full disk says so in a sentence and leaves no temporary file', async (context) => {
    const folder = folders.make();
    // A real full disk: a 64 KiB tmpfs. Mounting needs root and a system that allows it.
    const mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder]).status === 0;
    if (!mounted) {
      console.log('skipped: cannot mount a small tmpfs here (needs root and mount rights) to fill a disk for real');
      context.skip();
    }
    try {
      const refused = await failure(writeFileAtomic(join(folder, 'report.docx'), new Uint8Array(512 * 1024)));
      expect(refused.code).toBe('DISK_FULL');
      expect(refused.message).toMatch(/^The disk is full, so "report.docx" could not be saved\. Free some space/);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      spawnSync('umount', [folder]);
    }
  });
});
