import { useState, type FormEvent } from 'react';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { NewPassphraseFields, passphraseProblem } from './NewPassphraseFields';

export type PassphraseChange = 'set' | 'change' | 'remove';

const TITLES: Record<PassphraseChange, string> = { set: 'Encrypt with a passphrase', change: 'Change the passphrase', remove: 'Remove the passphrase' };

/** Encrypt the open workspace, change its passphrase, or remove it (workspace.setPassphrase). */
export function PassphraseDialog({ change, onClose, onDone }: { change: PassphraseChange | null; onClose: () => void; onDone: (info: WorkspaceInfo) => void }) {
  return (
    <Dialog title={change ? TITLES[change] : ''} open={change !== null} onClose={onClose}>
      {change && <PassphraseForm change={change} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function PassphraseForm({ change, onClose, onDone }: { change: PassphraseChange; onClose: () => void; onDone: (info: WorkspaceInfo) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<RpcError | null>(null);
  const setPassphraseCall = useMutation('workspace.setPassphrase', { errorShownHere: true });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = change === 'remove' ? null : passphraseProblem(passphrase, confirm);
    setProblem(wrong ? { code: 'INVALID_INPUT', message: wrong } : null);
    if (wrong) return;
    const result = await setPassphraseCall.run({ passphrase: change === 'remove' ? null : passphrase });
    if (result.ok) onDone(result.value);
  };
  return (
    <form className="dialog-form" onSubmit={submit}>
      {change === 'remove' ? (
        <p>
          The workspace will be stored unencrypted: anyone with the file can read it. Its backups are replaced by one
          stored the same way.
        </p>
      ) : (
        <>
          <p>
            {change === 'set'
              ? 'The workspace, its recovery log and its backups will be encrypted. Without the passphrase nothing in them can be read — and nobody, Fieldnotes included, can recover a forgotten one.'
              : 'The workspace is re-encrypted under the new passphrase, and its earlier backups are replaced by one under it.'}
          </p>
          <NewPassphraseFields passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} />
        </>
      )}
      <ErrorMessage error={problem ?? setPassphraseCall.error} />
      <DialogActions onCancel={onClose} submit={change === 'remove' ? 'Remove the passphrase' : change === 'set' ? 'Encrypt' : 'Change the passphrase'} busy={setPassphraseCall.pending} />
    </form>
  );
}
