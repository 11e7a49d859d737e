import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/rpc/result';

/** Where one chosen file is on its way into the workspace. */
export type FilePhase =
  | { phase: 'waiting' }
  | { phase: 'sending'; sent: number; total: number }
  /** The core is reading the file (parsing a document, storing a photo): no measure of progress. */
  | { phase: 'reading' }
  | { phase: 'done'; message: string }
  | { phase: 'failed'; message: string };

export type FileStatus = { key: number; name: string } & FilePhase;

export type ReportPhase = (phase: { phase: 'sending'; sent: number; total: number } | { phase: 'reading' }) => void;

/** What to do with one file; resolves to the sentence to show when it is done. */
export type FileJob = (file: File, report: ReportPhase) => Promise<Result<string>>;

let nextKey = 1;

/**
 * Files the person chose, handled one at a time (the core reads one
 * document at once and the progress stays readable), each with its own
 * status. The job is read through a ref so the latest props are used.
 */
export function useFileQueue(job: FileJob) {
  const [statuses, setStatuses] = useState<FileStatus[]>([]);
  const jobRef = useRef(job);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  useEffect(() => {
    jobRef.current = job;
  }, [job]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const update = useCallback((key: number, phase: FilePhase) => {
    if (!mounted.current) return;
    setStatuses((all) => all.map((s) => (s.key === key ? { key, name: s.name, ...phase } : s)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const queued = files.map((file) => ({ file, key: nextKey++ }));
      setStatuses((all) => [...all, ...queued.map(({ file, key }): FileStatus => ({ key, name: file.name, phase: 'waiting' }))]);
      for (const { file, key } of queued) {
        chain.current = chain.current.then(async () => {
          let result: Result<string>;
          try {
            result = await jobRef.current(file, (phase) => update(key, phase));
          } catch {
            result = { ok: false, error: { code: 'INTERNAL', message: `"${file.name}" could not be added. Try again.` } };
          }
          update(key, result.ok ? { phase: 'done', message: result.value } : { phase: 'failed', message: result.error.message });
        });
      }
    },
    [update],
  );

  const dismiss = useCallback((key: number) => setStatuses((all) => all.filter((s) => s.key !== key)), []);
  const busy = statuses.some((s) => s.phase === 'waiting' || s.phase === 'sending' || s.phase === 'reading');
  return { statuses, add, dismiss, busy };
}
