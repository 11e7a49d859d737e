import { useState } from 'react';
import type { Theme } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';

export interface NewThemeRequest {
  parentId: string | null;
  /** The parent's name, to say where the theme goes. */
  parentName: string | null;
  /** A sub-theme (New sub-theme) rather than a theme beside the selected one. */
  sub: boolean;
}

interface Props {
  request: NewThemeRequest | null;
  onClose: () => void;
  onCreated: (theme: Theme) => void;
}

/** Name a new theme; colour and definition can follow in the detail panel. */
export function NewThemeDialog({ request, onClose, onCreated }: Props) {
  return (
    <Dialog title={request?.sub ? 'New sub-theme' : 'New theme'} open={request !== null} onClose={onClose}>
      {request && <NewThemeForm request={request} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewThemeForm({ request, onClose, onCreated }: { request: NewThemeRequest } & Omit<Props, 'request'>) {
  const createTheme = useMutation('themes.create', { errorShownHere: true }).run;
  const [name, setName] = useState('');
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const where = request.parentName ? `It goes under “${request.parentName}”, after its other sub-themes.` : 'It goes at the top level of the codebook.';
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const result = await createTheme({ name, parentId: request.parentId });
        setBusy(false);
        if (result.ok) onCreated(result.value);
        else setError(result.error);
      }}
    >
      <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required autoFocus hint={where} />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          Add theme
        </button>
      </div>
    </form>
  );
}
