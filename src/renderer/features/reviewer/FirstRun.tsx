import { useState, type FormEvent } from 'react';
import { suggestInitials, type Reviewer } from '../../../shared/domain/reviewer';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';

/** First run: who is this reviewer? Recorded on everything they create. */
export function FirstRun({ onDone }: { onDone: (reviewer: Reviewer) => void }) {
  const setReviewer = useMutation('reviewer.set', { errorShownHere: true }).run;
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [initialsEdited, setInitialsEdited] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await setReviewer({ name, initials });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <main className="centered">
      <form className="card" onSubmit={submit} aria-labelledby="first-run-title">
        <p className="brand">Fieldnotes</p>
        <h1 id="first-run-title">Welcome. Who is taking notes?</h1>
        <p className="lede">
          Your name and initials are recorded on the evidence you tag and the findings you write, so the panel can see
          who did what. They stay on this computer.
        </p>
        <Field
          label="Your name"
          autoComplete="name"
          required
          autoFocus
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!initialsEdited) setInitials(suggestInitials(e.target.value));
          }}
        />
        <Field
          label="Initials"
          hint="Shown beside your tags, up to 5 letters."
          required
          maxLength={5}
          className="short"
          value={initials}
          onChange={(e) => {
            setInitials(e.target.value);
            setInitialsEdited(true);
          }}
        />
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Continue
          </button>
        </div>
      </form>
    </main>
  );
}
