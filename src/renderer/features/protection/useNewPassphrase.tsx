import { useState, type ReactNode } from 'react';
import { NewPassphraseFields, passphraseProblem } from './NewPassphraseFields';

/**
 * "Encrypt with a passphrase" in the create-workspace forms: a checkbox that
 * opens the two passphrase fields. `passphrase()` is undefined when unticked.
 */
export function useNewPassphrase(): { fields: ReactNode; problem: () => string | null; passphrase: () => string | undefined } {
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const fields = (
    <fieldset className="new-passphrase">
      <legend className="visually-hidden">Encryption</legend>
      <label className="check">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
        Encrypt it with a passphrase
      </label>
      {encrypt && <NewPassphraseFields passphrase={passphrase} confirm={confirm} onPassphrase={setPassphrase} onConfirm={setConfirm} autoFocus={false} />}
    </fieldset>
  );
  return {
    fields,
    problem: () => (encrypt ? passphraseProblem(passphrase, confirm) : null),
    passphrase: () => (encrypt ? passphrase : undefined),
  };
}
