/**
 * Exports that run while the app stays responsive (issue 13): each a job
 * with progress the renderer polls and a cancel that aborts it. The file is
 * written only once the bytes are complete, through `writeFileAtomic`, so a
 * cancelled or failed export leaves nothing under the chosen name.
 */
import { randomUUID } from 'node:crypto';
import type { ExportProgress } from '../../../shared/domain/report';
import { FieldnotesError } from '../../../shared/rpc/result';
import { writeFileAtomic } from '../files/writeOut';

interface Job {
  progress: ExportProgress;
  controller: AbortController;
  finishedAt: number | null;
}

export type ExportWork = (signal: AbortSignal, report: (phase: string, done: number, total: number) => void) => Promise<Uint8Array>;

/** Finished jobs are forgotten after this long (the renderer has long since read their end). */
const KEEP_MS = 10 * 60_000;

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly log: (message: string, detail?: unknown) => void = () => undefined) {}

  start(path: string, overwrite: boolean, work: ExportWork): ExportProgress {
    this.sweep();
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: Job = {
      controller,
      finishedAt: null,
      progress: { jobId, state: 'running', phase: 'Starting', done: 0, total: 1, path: null, error: null },
    };
    this.jobs.set(jobId, job);
    const report = (phase: string, done: number, total: number) => {
      if (job.progress.state === 'running') job.progress = { ...job.progress, phase, done, total };
    };
    void (async () => {
      try {
        const bytes = await work(controller.signal, report);
        controller.signal.throwIfAborted();
        report('Saving the file', 1, 1);
        await writeFileAtomic(path, bytes, { overwrite });
        job.progress = { ...job.progress, state: 'done', phase: 'Saved', done: 1, total: 1, path };
      } catch (error) {
        if (controller.signal.aborted) {
          job.progress = { ...job.progress, state: 'cancelled', phase: 'Cancelled' };
        } else {
          if (!(error instanceof FieldnotesError)) this.log('export failed', error);
          const message =
            error instanceof FieldnotesError ? error.message : 'The export failed and no file was written. Try again; if it fails again, export to another folder.';
          job.progress = { ...job.progress, state: 'failed', phase: 'Failed', error: message };
        }
      } finally {
        job.finishedAt = Date.now();
      }
    })();
    return job.progress;
  }

  progress(jobId: string): ExportProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new FieldnotesError('NOT_FOUND', 'That export is no longer known. Start it again.');
    return job.progress;
  }

  cancel(jobId: string): ExportProgress {
    const job = this.jobs.get(jobId);
    if (!job) throw new FieldnotesError('NOT_FOUND', 'That export is no longer known.');
    if (job.progress.state === 'running') job.controller.abort(new Error('cancelled'));
    return job.progress;
  }

  /** Cancel every running export (the workspace is closing). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.progress.state === 'running') job.controller.abort(new Error('closing'));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}
