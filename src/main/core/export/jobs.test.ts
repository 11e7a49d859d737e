import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../shared/domain/report';
import { FieldnotesError } from '../../../shared/rpc/result';
import { tempFolders } from '../testing/tempWorkspace';
import { breathe } from './evidence/codedPassages';
import { ExportJobs, type ExportWork } from './jobs';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** Poll as the renderer does until the job has ended. */
async function ended(jobs: ExportJobs, jobId: string): Promise<ExportProgress> {
  for (;;) {
    const progress = jobs.progress(jobId);
    if (progress.state !== 'running') return progress;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Work in many small steps, as the exporters do, that can be stopped between any two. */
const slowWork =
  (steps: number, onStep?: (i: number) => void): ExportWork =>
  async (signal, report) => {
    for (let i = 0; i < steps; i++) {
      report('Writing quotes', i, steps);
      onStep?.(i);
      await breathe(signal);
    }
    return Buffer.from('the whole report');
  };

describe('export jobs: progress, cancel, and never a partial file', () => {
  it('reports its phase as it goes, and writes the file only once it is complete', async () => {
    const folder = folders.make();
    const target = join(folder, 'report.docx');
    const jobs = new ExportJobs();
    const seen: string[] = [];
    const start = jobs.start(target, false, slowWork(50, (i) => i === 25 && seen.push(`${jobs.progress(start.jobId).done}/${jobs.progress(start.jobId).total}`)));
    expect(start.state).toBe('running');
    const end = await ended(jobs, start.jobId);
    expect(seen).toEqual(['25/50']);
    expect(end).toMatchObject({ state: 'done', path: target, error: null });
    expect(readFileSync(target, 'utf8')).toBe('the whole report');
    expect(readdirSync(folder)).toEqual(['report.docx']);
  });

  it('a cancel stops the work between steps and leaves nothing in the folder, not even a temporary file', async () => {
    const folder = folders.make();
    const target = join(folder, 'report.pdf');
    const jobs = new ExportJobs();
    let steps = 0;
    const start = jobs.start(target, false, slowWork(10_000, () => steps++));
    while (steps < 20) await new Promise((r) => setTimeout(r, 1));
    expect(jobs.cancel(start.jobId).state).toBe('running'); // the answer before the work has seen it
    const end = await ended(jobs, start.jobId);
    expect(end.state).toBe('cancelled');
    expect(end.path).toBeNull();
    expect(steps).toBeLessThan(10_000);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a cancel after the bytes are made but before they are written still writes nothing', async () => {
    const folder = folders.make();
    const target = join(folder, 'late.csv');
    const jobs = new ExportJobs();
    let jobId = '';
    const start = jobs.start(target, false, async () => {
      await breathe(); // the job has its id by now
      jobs.cancel(jobId);
      return Buffer.from('done, then cancelled');
    });
    jobId = start.jobId;
    expect((await ended(jobs, jobId)).state).toBe('cancelled');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a failure says what to do, keeps an existing file as it was, and leaves no temporary file', async () => {
    const folder = folders.make();
    const target = join(folder, 'report.docx');
    writeFileSync(target, 'last week’s report');
    const jobs = new ExportJobs(() => undefined);
    const failed = await ended(
      jobs,
      jobs.start(target, true, async () => {
        throw new FieldnotesError('UNAVAILABLE', 'Chromium could not start.');
      }).jobId,
    );
    expect(failed).toMatchObject({ state: 'failed', error: 'Chromium could not start.' });
    const crashed = await ended(
      jobs,
      jobs.start(target, true, async () => {
        throw new Error('boom');
      }).jobId,
    );
    expect(crashed.error).toMatch(/no file was written/);
    expect(readFileSync(target, 'utf8')).toBe('last week’s report');
    expect(readdirSync(folder)).toEqual(['report.docx']);
  });

  it('answers a clear sentence for a job it does not know', () => {
    expect(() => new ExportJobs().progress('00000000-0000-4000-8000-000000000000')).toThrow(/no longer known/);
  });
});
