import { useId } from 'react';
import type { RemovalPreview } from '../../../shared/domain/removal';
import type { RpcError } from '../../../shared/rpc/result';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { removalLines } from './removalWords';

interface Props {
  what: 'note' | 'engagement';
  /** The note's or engagement's title; null while closed. */
  name: string | null;
  preview: RemovalPreview | undefined;
  error: RpcError | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Delete a note or an engagement: first what goes with it, then the choice. Cancel has focus. */
export function RemovalDialog({ what, name, preview, error, busy, onConfirm, onClose }: Props) {
  const id = useId();
  return (
    <Dialog title={`Delete the ${what} “${name ?? ''}”?`} open={name !== null} onClose={onClose} className="removal-dialog">
      {!preview && !error && <p className="hint">Checking what goes with it…</p>}
      {preview && (
        <ul className="removal-list" id={`${id}-what`}>
          {removalLines(preview, what).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={!preview || busy} aria-describedby={`${id}-what`} onClick={onConfirm}>
          Delete {what}
        </button>
      </div>
    </Dialog>
  );
}
