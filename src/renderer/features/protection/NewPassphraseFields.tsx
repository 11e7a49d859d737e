import { Field } from '../../ui/Field';

/** What is wrong with a new passphrase and its confirmation, as a sentence; null when it will do. */
export function passphraseProblem(passphrase: string, confirm: string): string | null {
  if ([...passphrase].length < 8) return 'Use a passphrase of at least 8 characters.';
  if (passphrase !== confirm) return 'The two passphrases are not the same. Type them again.';
  return null;
}

/** A new passphrase typed twice: creating an encrypted workspace, encrypting later, changing it. */
export function NewPassphraseFields(props: { passphrase: string; confirm: string; onPassphrase: (v: string) => void; onConfirm: (v: string) => void; autoFocus?: boolean }) {
  return (
    <>
      <Field
        label="New passphrase"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        autoFocus={props.autoFocus ?? true}
        value={props.passphrase}
        onChange={(e) => props.onPassphrase(e.target.value)}
        hint="At least 8 characters; a few unrelated words are easier to remember and harder to guess."
      />
      <Field label="Type it again" type="password" autoComplete="new-password" required value={props.confirm} onChange={(e) => props.onConfirm(e.target.value)} />
    </>
  );
}
