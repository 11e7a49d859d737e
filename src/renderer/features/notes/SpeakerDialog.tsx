import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DialogActions } from '../../ui/DialogActions';

export interface SpeakerChoice {
  code: string;
  description: string;
}

interface Props {
  open: boolean;
  /** Another use of the same choice: linking a speaker code to a participant. */
  wording?: { title: string; hint: string; submit: string; check?: (code: string) => string | null; initial?: string };
  choices: SpeakerChoice[];
  onChoose: (code: string) => void;
  onClose: () => void;
  /** Offered beside the choice when the code is linked now: make its turns an unknown speaker's again. */
  onUnlink?: () => void;
}

/** Who is speaking? Type a pseudonym code or part of a description, Enter. */
const SET_SPEAKER: NonNullable<Props['wording']> = {
  title: 'Speaker',
  hint: 'The paragraph becomes this participant’s turn; passages in it will know who said them.',
  submit: 'Set speaker',
};

export function SpeakerDialog({ open, choices, onChoose, onClose, onUnlink, wording = SET_SPEAKER }: Props) {
  return (
    <Dialog title={wording.title} open={open} onClose={onClose}>
      <SpeakerForm choices={choices} onChoose={onChoose} onClose={onClose} onUnlink={onUnlink} wording={wording} />
    </Dialog>
  );
}

function SpeakerForm({ choices, onChoose, onClose, onUnlink, wording }: Omit<Props, 'open' | 'wording'> & { wording: typeof SET_SPEAKER }) {
  const [value, setValue] = useState(wording.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const listId = useId();
  const matches = choices.filter((c) => `${c.code} ${c.description}`.toLowerCase().includes(value.trim().toLowerCase()));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = value.trim().toUpperCase();
    const code = /^P\d{3,}$/.test(typed) ? typed : matches.length === 1 ? matches[0]!.code : null;
    if (!code) return setError('Type a pseudonym code such as P014, or enough of a description to pick one participant.');
    const problem = wording.check?.(code);
    if (problem) return setError(problem);
    onChoose(code);
  };

  return (
    <form className="dialog-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={inputId}>Participant</label>
        <input id={inputId} list={listId} autoFocus onFocus={(e) => e.target.select()} autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} placeholder="P014" />
        <datalist id={listId}>
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {c.description}
            </option>
          ))}
        </datalist>
        <p className="hint">{wording.hint}</p>
      </div>
      <ErrorMessage error={error} />
      <DialogActions
        onCancel={onClose}
        submit={wording.submit}
        before={
          onUnlink && (
            <button type="button" onClick={onUnlink}>
              Unlink speaker
            </button>
          )
        }
      />
    </form>
  );
}
