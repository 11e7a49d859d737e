import { useId, useState } from 'react';
import { LOCK_AFTER_CHOICES } from '../../../shared/contract/protection';
import { useApp } from '../../app/AppContext';
import { useMutation, useQuery } from '../../api/queries';
import { commandRegistry } from '../../commands/registry';
import { formatShortcut } from '../../commands/shortcut';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PassphraseDialog, type PassphraseChange } from './PassphraseDialog';
import { LOCK_NOW, LOCK_SHORTCUT } from './TrustCommands';

/** The open workspace's passphrase: set, change or remove it; remember it here; lock after idle time. */
export function ProtectionSection() {
  const { workspace, setWorkspace } = useApp();
  const state = useQuery('protection.get', {}, { errorShownHere: true });
  const remember = useMutation('protection.setRemember', { errorShownHere: true });
  const lockAfter = useMutation('protection.setLockAfter', { errorShownHere: true });
  const [change, setChange] = useState<PassphraseChange | null>(null);
  const lockId = useId();
  const whyId = useId();
  const encrypted = workspace?.encrypted ?? false;
  const protection = state.data;

  return (
    <section className="protection" aria-labelledby="protection-title">
      <h2 id="protection-title">Passphrase</h2>
      <p>
        {encrypted
          ? 'This workspace is encrypted: without its passphrase, the file, its recovery log and its backups reveal nothing.'
          : 'This workspace is not encrypted: anyone who has the file can read it. A passphrase protects it on a lost laptop.'}
      </p>
      <div className="protection-actions">
        {encrypted ? (
          <>
            <button type="button" onClick={() => setChange('change')}>
              Change the passphrase…
            </button>
            <button type="button" onClick={() => setChange('remove')}>
              Remove the passphrase…
            </button>
            <button type="button" onClick={() => commandRegistry.run(LOCK_NOW)}>
              Lock now <kbd>{formatShortcut(LOCK_SHORTCUT)}</kbd>
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setChange('set')}>
            Encrypt with a passphrase…
          </button>
        )}
      </div>
      {encrypted && protection && (
        <div className="protection-options">
          <label className="check">
            <input
              type="checkbox"
              checked={protection.remembered}
              disabled={protection.rememberUnavailable !== null || remember.pending}
              aria-describedby={protection.rememberUnavailable ? whyId : undefined}
              onChange={(e) => void remember.run({ remember: e.target.checked })}
            />
            Remember the passphrase on this computer
          </label>
          {protection.rememberUnavailable && (
            <p className="hint" id={whyId}>
              {protection.rememberUnavailable}
            </p>
          )}
          <div className="field">
            <label htmlFor={lockId}>Lock when idle for</label>
            <select
              id={lockId}
              value={protection.lockAfterMinutes ?? ''}
              onChange={(e) => void lockAfter.run({ minutes: e.target.value ? (Number(e.target.value) as (typeof LOCK_AFTER_CHOICES)[number]) : null })}
            >
              <option value="">Never</option>
              {LOCK_AFTER_CHOICES.map((m) => (
                <option key={m} value={m}>
                  {m < 60 ? `${m} minutes` : '1 hour'}
                </option>
              ))}
            </select>
          </div>
          <p className="hint">Locked, it closes and asks for the passphrase again — even if it is remembered.</p>
        </div>
      )}
      <ErrorMessage error={state.error ?? remember.error ?? lockAfter.error} />
      <PassphraseDialog
        change={change}
        onClose={() => setChange(null)}
        onDone={(info) => {
          setChange(null);
          setWorkspace({ ...info, notice: info.encrypted ? 'The workspace is now encrypted with the new passphrase.' : 'The passphrase was removed; the workspace is stored unencrypted.' });
        }}
      />
    </section>
  );
}
