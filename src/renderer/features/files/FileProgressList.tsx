import { useEffect } from 'react';
import { formatBytes } from '../../../shared/domain/files';
import type { FileStatus } from './useFileQueue';
import '../../styles/files.css';

interface Props {
  statuses: FileStatus[];
  onDismiss: (key: number) => void;
  /** "Importing" or "Attaching", for the labels. */
  verb: string;
}

/**
 * One row per chosen file: a progress bar while it is sent (chunks
 * received out of the total), an indeterminate bar while the core reads
 * it, then what happened — success as a status, a refusal as an alert that
 * names the file and the reason.
 */
export function FileProgressList({ statuses, onDismiss, verb }: Props) {
  // Success notes fade after a while (the list shows the result anyway); refusals stay until dismissed.
  const done = statuses.filter((s) => s.phase === 'done').map((s) => s.key).join();
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => done.split(',').forEach((key) => onDismiss(Number(key))), 8000);
    return () => clearTimeout(timer);
  }, [done, onDismiss]);
  if (!statuses.length) return null;
  return (
    <ul className="files-progress-list" aria-label={`${verb} files`}>
      {statuses.map((status) => (
        <li key={status.key} className={`files-progress-item files-${status.phase}`}>
          <FileStatusRow status={status} verb={verb} />
          {(status.phase === 'done' || status.phase === 'failed') && (
            <button type="button" className="quiet files-dismiss" onClick={() => onDismiss(status.key)}>
              Dismiss<span className="visually-hidden"> the message about {status.name}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function FileStatusRow({ status, verb }: { status: FileStatus; verb: string }) {
  switch (status.phase) {
    case 'waiting':
      return <span className="files-progress-name">{status.name} — waiting…</span>;
    case 'sending': {
      const percent = status.total ? Math.floor((status.sent / status.total) * 100) : 100;
      return (
        <>
          <span className="files-progress-name">
            {status.name} — {formatBytes(status.sent)} of {formatBytes(status.total)}
          </span>
          <div
            className="files-bar"
            role="progressbar"
            aria-label={`${verb} ${status.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}% sent`}
          >
            <div className="files-bar-fill" style={{ width: `${percent}%` }} />
          </div>
        </>
      );
    }
    case 'reading':
      return (
        <>
          <span className="files-progress-name">{status.name} — Reading…</span>
          <div className="files-bar files-bar-indeterminate" role="progressbar" aria-label={`Reading ${status.name}`} aria-valuetext="Reading…">
            <div className="files-bar-fill" />
          </div>
        </>
      );
    case 'done':
      return (
        <p className="files-outcome" role="status">
          {status.message}
        </p>
      );
    case 'failed':
      return (
        <p className="files-outcome files-error" role="alert">
          {status.message}
        </p>
      );
  }
}
