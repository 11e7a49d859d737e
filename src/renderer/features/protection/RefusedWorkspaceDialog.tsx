import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProtectionState } from '../../../shared/contract/protection';
import type { RefusedWorkspace } from '../../../shared/contract/recovery';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { describeCounts, formatTakenAt } from './format';
import '../../styles/protection.css';

/** The refusals this dialog can act on: the same file, without naming it again. */
export const REFUSALS_OFFERED = new Set(['PASSPHRASE_NEEDED', 'WRONG_PASSPHRASE', 'WAL_MISMATCH', 'WAL_DAMAGED', 'CORRUPT_WORKSPACE']);

interface Props {
  open: boolean;
  onClose: () => void;
  onOpened: (workspace: WorkspaceInfo) => void;
}

/**
 * A workspace the core refused as it is, and the way on: its passphrase (an
 * encrypted or locked workspace), setting aside a log that is not its own, or
 * — damaged — the newest good backup or rebuilt indexes. The file itself is
 * never changed by the refusal; each way on says what it keeps.
 */
export function RefusedWorkspaceDialog({ open, onClose, onOpened }: Props) {
  const [refused, setRefused] = useState<RefusedWorkspace | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  // Mounted each time it is shown (App), so it starts with no answer and asks the core afresh, once.
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    if (!open) return;
    void api()
      .call('recovery.get', {})
      .then((r) => {
        if (!r.ok) setError(r.error);
        else if (!r.value) closeRef.current();
        else setRefused(r.value);
      });
  }, [open]);

  const locked = refused?.code === 'PASSPHRASE_NEEDED' || refused?.code === 'WRONG_PASSPHRASE';
  const title = !refused ? 'Opening the workspace' : locked ? `Unlock “${refused.file}”` : refused.code === 'CORRUPT_WORKSPACE' ? `“${refused.file}” is damaged` : `“${refused.file}” has a recovery log that is not its own`;
  const cancel = () => {
    void api().call('recovery.dismiss', {});
    onClose();
  };
  return (
    <Dialog title={title} open={open && (refused !== null || error !== null)} onClose={cancel} className="refused-dialog">
      <ErrorMessage error={refused ? null : error} />
      {refused && locked && <UnlockForm file={refused.file} onOpened={onOpened} onCancel={cancel} />}
      {refused && !locked && <RecoveryChoices refused={refused} onOpened={onOpened} onCancel={cancel} />}
    </Dialog>
  );
}

function UnlockForm({ file, onOpened, onCancel }: { file: string; onOpened: (w: WorkspaceInfo) => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [protection, setProtection] = useState<ProtectionState | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void api().call('protection.get', {}).then((r) => r.ok && setProtection(r.value)), []);
  const cannotRemember = protection?.rememberUnavailable ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await api().call('protection.unlock', { passphrase, remember: remember || undefined });
    setBusy(false);
    if (result.ok) return onOpened(result.value);
    setError(result.error);
    setPassphrase('');
  };
  return (
    <form className="dialog-form" onSubmit={submit}>
      <p>“{file}” is encrypted. Enter its passphrase to open it; nothing in it can be read without it.</p>
      <Field
        label="Passphrase"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        aria-invalid={error?.code === 'WRONG_PASSPHRASE' || undefined}
      />
      <label className="check">
        <input type="checkbox" checked={remember} disabled={cannotRemember !== null} onChange={(e) => setRemember(e.target.checked)} aria-describedby={cannotRemember ? 'remember-why' : undefined} />
        Remember it on this computer
      </label>
      {cannotRemember && (
        <p className="hint" id="remember-why">
          {cannotRemember}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </div>
    </form>
  );
}

function RecoveryChoices({ refused, onOpened, onCancel }: { refused: RefusedWorkspace; onOpened: (w: WorkspaceInfo) => void; onCancel: () => void }) {
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (method: 'recovery.setLogAside' | 'recovery.restoreNewest' | 'recovery.rebuildIndexes') => {
    setBusy(true);
    const result = await api().call(method, {});
    setBusy(false);
    if (result.ok) onOpened(result.value);
    else setError(result.error);
  };
  const backup = refused.newestBackup;
  return (
    <div className="dialog-form">
      {refused.code === 'CORRUPT_WORKSPACE' ? (
        <>
          <p>Its integrity check failed, so Fieldnotes has not opened it and has not changed it.</p>
          {refused.indexesOnly && (
            <p>
              Only its indexes are damaged; the rows themselves are sound. Rebuilding the indexes in a copy recovers
              everything. The copy is checked before it takes the file’s place, and the damaged file is kept beside it.
            </p>
          )}
          {backup ? (
            <p>
              Its newest good backup is from <strong>{formatTakenAt(backup.takenAt)}</strong> and holds {describeCounts(backup.counts)}.
              Restoring it keeps the damaged file beside it; anything written after the backup is only in the damaged file.
            </p>
          ) : (
            <p>It has no backup that passes its checks.</p>
          )}
        </>
      ) : (
        <p>
          A recovery log (“{refused.file}-wal”) beside it {refused.code === 'WAL_DAMAGED' ? 'is damaged' : 'belongs to another copy of the file — perhaps it was restored from a backup or copied without its log'}.
          Applying it could mix two files, so nothing has been changed. Setting the log aside renames it (nothing is
          deleted) and opens the file as it was last saved in full.
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {refused.code === 'CORRUPT_WORKSPACE' ? (
          <>
            {backup && (
              <button type="button" className={refused.indexesOnly ? undefined : 'primary'} autoFocus={!refused.indexesOnly} disabled={busy} onClick={() => void act('recovery.restoreNewest')}>
                Restore the backup
              </button>
            )}
            {refused.indexesOnly && (
              <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void act('recovery.rebuildIndexes')}>
                Rebuild the indexes
              </button>
            )}
          </>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={() => void act('recovery.setLogAside')} autoFocus>
            Set the log aside and open
          </button>
        )}
      </div>
    </div>
  );
}
