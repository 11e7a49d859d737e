import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgress } from '../../../shared/domain/report';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useRead } from '../../api/queries';

/** How often the screen asks an export how far it has got. */
const POLL_MS = 250;

export type ExportJob =
  | { state: 'idle' }
  | { state: 'running' | 'done' | 'cancelled' | 'failed'; progress: ExportProgress };

/**
 * One export at a time: started by `report.export` (through the save path),
 * followed by polling `report.progress` until it is done, failed or
 * cancelled. Leaving the screen stops the polling, not the export.
 */
export function useExportJob(): {
  job: ExportJob;
  follow: (progress: ExportProgress) => void;
  cancel: () => void;
  reset: () => void;
  error: RpcError | null;
} {
  const [job, setJob] = useState<ExportJob>({ state: 'idle' });
  const [error, setError] = useState<RpcError | null>(null);
  const cancelExport = useMutation('report.cancel', { errorShownHere: true }).run;
  const readProgress = useRead('report.progress', { errorShownHere: true });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const follow = useCallback((progress: ExportProgress) => {
    stop();
    setError(null);
    setJob({ state: progress.state, progress });
    const poll = async () => {
      const result = await readProgress({ jobId: progress.jobId });
      if (!result.ok) {
        setError(result.error);
        setJob({ state: 'idle' });
        return;
      }
      setJob({ state: result.value.state, progress: result.value });
      if (result.value.state === 'running') timer.current = setTimeout(() => void poll(), POLL_MS);
    };
    if (progress.state === 'running') timer.current = setTimeout(() => void poll(), POLL_MS);
  }, [readProgress]);

  const cancel = useCallback(() => {
    if (job.state !== 'running') return;
    void (async () => {
      const result = await cancelExport({ jobId: job.progress.jobId });
      if (!result.ok) setError(result.error);
    })();
  }, [job, cancelExport]);

  const reset = useCallback(() => {
    stop();
    setJob({ state: 'idle' });
  }, []);

  return { job, follow, cancel, reset, error };
}
