import { useId, useState, type FormEvent } from 'react';
import type { Reviewer } from '../../../shared/domain/reviewer';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { setThemeMode, THEME_MODES, useThemeMode } from './themeMode';

interface Props {
  open: boolean;
  reviewer: Reviewer;
  onClose: () => void;
  onReviewer: (reviewer: Reviewer) => void;
}

/** Who is taking notes, and light or dark: the two things a reviewer sets for this laptop. */
export function SettingsDialog({ open, reviewer, onClose, onReviewer }: Props) {
  return (
    <Dialog title="Settings" open={open} onClose={onClose}>
      <SettingsForm reviewer={reviewer} onClose={onClose} onReviewer={onReviewer} />
    </Dialog>
  );
}

function SettingsForm({ reviewer, onClose, onReviewer }: Omit<Props, 'open'>) {
  const [name, setName] = useState(reviewer.name);
  const [initials, setInitials] = useState(reviewer.initials);
  const [error, setError] = useState<RpcError | null>(null);
  const mode = useThemeMode();
  const modeId = useId();

  const setReviewer = useMutation('reviewer.set', { errorShownHere: true }).run;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await setReviewer({ name, initials });
    if (!result.ok) return setError(result.error);
    onReviewer(result.value);
    onClose();
  };
  return (
    <form className="dialog-form" onSubmit={submit}>
      <Field label="Your name" required autoFocus autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} hint="Recorded on the evidence you tag and the findings you write from now on." />
      <Field label="Initials" required maxLength={5} className="short" value={initials} onChange={(e) => setInitials(e.target.value)} />
      {/* Applied at once, so the choice can be seen before it is kept. */}
      <fieldset className="field choice-group" aria-describedby={`${modeId}-hint`}>
        <legend>Appearance</legend>
        {THEME_MODES.map(({ mode: value, label }) => (
          <label key={value} className="choice">
            <input type="radio" name="theme-mode" value={value} checked={mode === value} onChange={() => setThemeMode(value)} />
            {label}
          </label>
        ))}
        <p id={`${modeId}-hint`} className="hint">
          Changes at once; also in the command palette (“Appearance”).
        </p>
      </fieldset>
      <ErrorMessage error={error} />
      <DialogActions onCancel={onClose} submit="Save settings" />
    </form>
  );
}
