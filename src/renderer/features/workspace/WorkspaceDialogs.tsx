import { useState, type FormEvent } from 'react';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { saveBeforeLeaving } from '../../app/CloseGuard';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { fileNameFor, joinPath } from './paths';
import { DialogActions } from '../../ui/DialogActions';

interface Props {
  which: 'create' | 'open' | null;
  onClose: () => void;
}

/** Create and open dialogs. Electron adds a Browse… button; the path field works everywhere. */
export function WorkspaceDialogs({ which, onClose }: Props) {
  return (
    <>
      <Dialog title="Create workspace" open={which === 'create'} onClose={onClose}>
        <CreateForm onDone={onClose} />
      </Dialog>
      <Dialog title="Open workspace" open={which === 'open'} onClose={onClose}>
        <OpenForm onDone={onClose} />
      </Dialog>
    </>
  );
}

function CreateForm({ onDone }: { onDone: () => void }) {
  const { info, setWorkspace } = useApp();
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const suggested = joinPath(info.defaultFolder, fileNameFor(name));
  const target = pathEdited ? path : suggested;

  const browse = async () => {
    const result = await api().call('dialog.chooseNewWorkspace', { suggestedName: name });
    if (result.ok && result.value) {
      setPath(result.value);
      setPathEdited(true);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unsaved = await saveBeforeLeaving();
    if (unsaved) return setError({ code: 'UNAVAILABLE', message: unsaved });
    const result = await api().call('workspace.create', { name, path: target });
    if (!result.ok) return setError(result.error);
    setWorkspace(result.value);
    onDone();
  };

  return (
    <form onSubmit={submit} className="dialog-form">
      <Field label="Workspace name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} hint="For example “Topol Review — AI and robotics panel”." />
      <div className="with-button">
        <Field
          label="Save as"
          required
          value={target}
          spellCheck={false}
          onChange={(e) => {
            setPath(e.target.value);
            setPathEdited(true);
          }}
          hint="The full path of the new workspace file."
        />
        {info.nativeDialogs && (
          <button type="button" onClick={() => void browse()}>
            Browse…
          </button>
        )}
      </div>
      <ErrorMessage error={error} />
      <DialogActions onCancel={onDone} submit="Create workspace" />
    </form>
  );
}

function OpenForm({ onDone }: { onDone: () => void }) {
  const { info, setWorkspace } = useApp();
  const [path, setPath] = useState('');
  const [error, setError] = useState<RpcError | null>(null);

  const open = async (target: string) => {
    const unsaved = await saveBeforeLeaving();
    if (unsaved) return setError({ code: 'UNAVAILABLE', message: unsaved });
    const result = await api().call('workspace.open', { path: target });
    if (!result.ok) return setError(result.error);
    setWorkspace(result.value);
    onDone();
  };
  const browse = async () => {
    const result = await api().call('dialog.chooseWorkspace', {});
    if (result.ok && result.value) {
      setPath(result.value);
      await open(result.value);
    }
  };

  return (
    <form
      className="dialog-form"
      onSubmit={(event) => {
        event.preventDefault();
        void open(path);
      }}
    >
      <div className="with-button">
        <Field
          label="Workspace file"
          required
          autoFocus
          spellCheck={false}
          placeholder={joinPath(info.defaultFolder, 'Review.fieldnotes')}
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        {info.nativeDialogs && (
          <button type="button" onClick={() => void browse()}>
            Browse…
          </button>
        )}
      </div>
      <ErrorMessage error={error} />
      <DialogActions onCancel={onDone} submit="Open" />
    </form>
  );
}
