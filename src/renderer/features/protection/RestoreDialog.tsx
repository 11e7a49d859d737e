import { useState } from 'react';
import type { BackupSummary } from '../../../shared/domain/backup';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useRead } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { saveBeforeLeaving } from '../../app/CloseGuard';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { describeCounts, formatTakenAt } from './format';

/** Put a backup in the workspace's place, saying what it replaces; the current file is kept beside it. */
export function RestoreDialog({ backup, current, onClose }: { backup: BackupSummary | null; current: string; onClose: () => void }) {
  const { workspace, setWorkspace } = useApp();
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  // What the restored file is now; a failure to say so goes to the failure notice.
  const readCurrent = useRead('workspace.current');
  const restoreBackup = useMutation('backups.restore', { errorShownHere: true }).run;
  const restore = async () => {
    if (!backup) return;
    setBusy(true);
    const unsaved = await saveBeforeLeaving();
    if (unsaved) {
      setBusy(false);
      return setError({ code: 'UNAVAILABLE', message: unsaved });
    }
    const result = await restoreBackup({ name: backup.name });
    const reopened = await readCurrent({});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (reopened.ok && reopened.value) {
      setWorkspace({
        ...reopened.value,
        notice: `Restored the backup from ${formatTakenAt(backup.takenAt)}.${result.value.setAside ? ` The workspace as it was is kept beside it as “${result.value.setAside}”.` : ''}`,
      });
    }
    onClose();
  };
  return (
    <Dialog title="Restore this backup?" open={backup !== null} onClose={onClose}>
      {backup && (
        <div className="dialog-form">
          <p>
            “{workspace?.name}” will be replaced by the backup from <strong>{formatTakenAt(backup.takenAt)}</strong>, which holds{' '}
            {describeCounts(backup.counts)}.
          </p>
          <p>
            It holds now {current}. Nothing is deleted: the workspace as it is now is kept beside it, and can be opened
            from there.
          </p>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="button" onClick={onClose} autoFocus>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
              {busy ? 'Restoring…' : 'Restore'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
