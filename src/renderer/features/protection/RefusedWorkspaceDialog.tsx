import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { RefusedWorkspace } from '../../../shared/contract/recovery';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useQuery, useRead } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { describeCounts, formatTakenAt } from './format';
import '../../styles/protection.css';

/** The refusals this dialog can act on: the same file, without naming it again. */
export const REFUSALS_OFFERED = new Set(['PASSPHRASE_NEEDED', 'WRONG_PASSPHRASE', 'WAL_MISMATCH', 'WAL_DAMAGED', 'CORRUPT_WORKSPACE']);

/** A failed way on is said in the dialog, beside the choice to try again. */
const SHOWN_HERE = { errorShownHere: true };

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
  // Mounted each time it is shown (App), so it starts with no answer and asks the core afresh, once: a kept
  // answer (App asks the same at start) could be an earlier refusal, or none, and close the dialog at once.
  const readRefusal = useRead('recovery.get', { errorShownHere: true });
  const dismiss = useMutation('recovery.dismiss').run;
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    if (!open) return;
    void readRefusal({}).then((r) => {
      if (!r.ok) setError(r.error);
      else if (!r.value) closeRef.current();
      else setRefused(r.value);
    });
  }, [open, readRefusal]);

  const locked = refused?.code === 'PASSPHRASE_NEEDED' || refused?.code === 'WRONG_PASSPHRASE';
  const title = !refused ? 'Opening the workspace' : locked ? `Unlock “${refused.file}”` : refused.code === 'CORRUPT_WORKSPACE' ? `“${refused.file}” is damaged` : `“${refused.file}” has a recovery log that is not its own`;
  const cancel = () => {
    void dismiss({});
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
  const cannotRemember = useQuery('protection.get', {}).data?.rememberUnavailable ?? null;
  const unlock = useMutation('protection.unlock', SHOWN_HERE);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await unlock.run({ passphrase, remember: remember || undefined });
    if (result.ok) return onOpened(result.value);
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
        aria-invalid={unlock.error?.code === 'WRONG_PASSPHRASE' || undefined}
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
      <WaysOn error={unlock.error} onCancel={onCancel}>
        <button type="submit" className="primary" disabled={unlock.pending}>
          {unlock.pending ? 'Unlocking…' : 'Unlock'}
        </button>
      </WaysOn>
    </form>
  );
}

function RecoveryChoices({ refused, onOpened, onCancel }: { refused: RefusedWorkspace; onOpened: (w: WorkspaceInfo) => void; onCancel: () => void }) {
  const ways = {
    'recovery.setLogAside': useMutation('recovery.setLogAside', SHOWN_HERE),
    'recovery.restoreNewest': useMutation('recovery.restoreNewest', SHOWN_HERE),
    'recovery.rebuildIndexes': useMutation('recovery.rebuildIndexes', SHOWN_HERE),
  };
  const busy = Object.values(ways).some((w) => w.pending);
  const act = async (way: keyof typeof ways) => {
    const result = await ways[way].run({});
    if (result.ok) onOpened(result.value);
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
      <WaysOn error={Object.values(ways).find((w) => w.error)?.error ?? null} onCancel={onCancel}>
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
      </WaysOn>
    </div>
  );
}

/** The dialog's closing row: why the last way on failed, Cancel, then the ways on. */
function WaysOn({ error, onCancel, children }: { error: RpcError | null; onCancel: () => void; children: ReactNode }) {
  return (
    <>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {children}
      </div>
    </>
  );
}
