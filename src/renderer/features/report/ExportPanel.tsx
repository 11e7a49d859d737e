import { useEffect, useRef } from 'react';
import { baseName } from '../../../shared/domain/files';
import type { RpcError } from '../../../shared/rpc/result';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { ExportJob } from './useExportJob';

interface Props {
  job: ExportJob;
  error: RpcError | null;
  /** "Export the Word document…" */
  actionLabel: string;
  disabled: boolean;
  onExport: () => void;
  onCancel: () => void;
}

/**
 * The export's one button, then its progress with Cancel, then where it was
 * saved. Focus follows: to Cancel while it runs, to the outcome when it ends.
 */
export function ExportPanel({ job, error, actionLabel, disabled, onExport, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const running = job.state === 'running';
  const ended = job.state === 'done' || job.state === 'cancelled' || job.state === 'failed';
  // After the save dialog has closed and handed focus back to the (now gone) Export button.
  useEffect(() => {
    if (!running) return;
    const frame = requestAnimationFrame(() => cancelRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [running]);
  useEffect(() => {
    if (!ended) return;
    const frame = requestAnimationFrame(() => outcomeRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [ended]);

  const p = job.state === 'idle' ? null : job.progress;
  const share = p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <div className="report-export">
      <ErrorMessage error={error} />
      {running && p ? (
        <div className="report-progress">
          <label htmlFor="report-progress-bar">{p.phase}…</label>
          <progress id="report-progress-bar" max={100} value={share} aria-valuetext={`${p.phase}, ${share}%`} />
          <button type="button" ref={cancelRef} onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="primary" disabled={disabled} onClick={onExport}>
          {actionLabel}
        </button>
      )}
      <div className="report-outcome" ref={outcomeRef} tabIndex={-1} role="status">
        {job.state === 'done' && p?.path && (
          <p className="report-saved">
            Saved <strong>{baseName(p.path)}</strong> in <span className="report-path">{folderOf(p.path)}</span>.
          </p>
        )}
        {job.state === 'cancelled' && <p>Export cancelled. No file was written.</p>}
        {job.state === 'failed' && p?.error && <p className="error">{p.error}</p>}
      </div>
    </div>
  );
}

function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}
