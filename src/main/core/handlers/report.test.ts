import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportProgress, PreExportCheck } from '../../../shared/domain/report';
import { buildReportFixture } from '../export/testing/reportFixture';
import { createCore, type Core } from '../index';
import { failure, value } from '../testing/coreFiles';
import { sha256, tempFolders } from '../testing/tempWorkspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

/** The fixture review, open in a core as the app opens it (the loopback host takes a typed path). */
async function openReview(): Promise<{ core: Core; path: string; codes: { silent: string } }> {
  const fixture = buildReportFixture(folders);
  fixture.w.close();
  const core = createCore({ settingsFolder: folders.make('fieldnotes-settings-'), defaultFolder: folders.make(), host: 'loopback', version: '9.9.9-test', log: () => {} });
  cores.push(core);
  await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  await value(core, 'workspace.open', { path: fixture.w.workspace.path });
  return { core, path: fixture.w.workspace.path, codes: fixture.codes };
}

/** The workspace's bytes: the file and its write-ahead log, where SQLite keeps recent commits. */
const bytesOf = (path: string) => ({ file: sha256(path), wal: existsSync(`${path}-wal`) ? sha256(`${path}-wal`) : null });

async function finished(core: Core, started: ExportProgress): Promise<ExportProgress> {
  let progress = started;
  while (progress.state === 'running') {
    await new Promise((r) => setTimeout(r, 10));
    progress = await value<ExportProgress>(core, 'report.progress', { jobId: started.jobId });
  }
  return progress;
}

describe('report.* in the app', () => {
  it('report.check and report.export change no byte of the workspace (file and -wal)', async () => {
    const { core, path, codes } = await openReview();
    const before = bytesOf(path);
    const check = await value<PreExportCheck>(core, 'report.check', { format: 'docx', options: {} });
    expect(check.items.find((i) => i.kind === 'left_out' && i.participantCodes.includes(codes.silent))?.why).toMatch(/not for quotation/);
    const out = join(folders.make(), 'passages.csv');
    const done = await finished(core, await value<ExportProgress>(core, 'report.export', { format: 'csv', options: {}, path: out }));
    expect(done).toMatchObject({ state: 'done', path: out });
    expect(readFileSync(out, 'utf8')).toContain('Theme');
    expect(bytesOf(path)).toEqual(before);
  });

  it('refuses a taken name before doing any work, and replaces it only when asked', async () => {
    const { core } = await openReview();
    const out = join(folders.make(), 'report.docx');
    writeFileSync(out, 'last week’s report');
    expect(await failure(core, 'report.export', { format: 'docx', options: {}, path: out }, 'FILE_EXISTS')).toMatch(/already a file/);
    expect(readFileSync(out, 'utf8')).toBe('last week’s report');
    const done = await finished(core, await value<ExportProgress>(core, 'report.export', { format: 'docx', options: {}, path: out, overwrite: true }));
    expect(done.state).toBe('done');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
