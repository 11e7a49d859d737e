import { useState, type FormEvent } from 'react';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { saveBeforeLeaving } from '../../app/CloseGuard';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { fileNameFor, joinPath } from './paths';
import { DialogActions } from '../../ui/DialogActions';
import { CodebookStartField, useStartCodebook, type CodebookStart } from './CodebookStart';
import { useNewPassphrase } from '../protection/useNewPassphrase';

interface Props {
  which: 'create' | 'open' | null;
  onClose: () => void;
}

/**
 * Create and open dialogs. In the desktop app the page never names a path: creating asks for the name here and
 * the core asks where to save it in the native dialog; opening goes straight to the native Open dialog (App.tsx).
 * The typed-path fields are the loopback host's form, where there are no native dialogs.
 */
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
  const { info } = useApp();
  return info.nativeDialogs ? <CreateChosenForm onDone={onDone} /> : <CreateTypedForm onDone={onDone} />;
}

function CreateChosenForm({ onDone }: { onDone: () => void }) {
  const startCodebook = useStartCodebook();
  const createChosen = useMutation('workspace.createChosen', { errorShownHere: true }).run;
  const { setWorkspace } = useApp();
  const [name, setName] = useState('');
  const [codebook, setCodebook] = useState<CodebookStart>('empty');
  const protection = useNewPassphrase();
  const [error, setError] = useState<RpcError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = protection.problem();
    if (problem) return setError({ code: 'INVALID_INPUT', message: problem });
    const unsaved = await saveBeforeLeaving();
    if (unsaved) return setError({ code: 'UNAVAILABLE', message: unsaved });
    const result = await createChosen({ name, passphrase: protection.passphrase() });
    if (!result.ok) return setError(result.error);
    if (!result.value) return; // the person cancelled the Save dialog: the form stays as it was
    await startCodebook(codebook);
    setWorkspace(result.value);
    onDone();
  };
  return (
    <form onSubmit={submit} className="dialog-form">
      <Field label="Workspace name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} hint="For example “Topol Review — AI and robotics panel”. You choose where to save it next." />
      <CodebookStartField value={codebook} onChange={setCodebook} />
      {protection.fields}
      <ErrorMessage error={error} />
      <DialogActions onCancel={onDone} submit="Choose where to save…" />
    </form>
  );
}

function CreateTypedForm({ onDone }: { onDone: () => void }) {
  const startCodebook = useStartCodebook();
  const create = useMutation('workspace.create', { errorShownHere: true }).run;
  const { info, setWorkspace } = useApp();
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const [codebook, setCodebook] = useState<CodebookStart>('empty');
  const protection = useNewPassphrase();
  const [error, setError] = useState<RpcError | null>(null);
  const suggested = joinPath(info.defaultFolder, fileNameFor(name));
  const target = pathEdited ? path : suggested;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = protection.problem();
    if (problem) return setError({ code: 'INVALID_INPUT', message: problem });
    const unsaved = await saveBeforeLeaving();
    if (unsaved) return setError({ code: 'UNAVAILABLE', message: unsaved });
    const result = await create({ name, path: target, passphrase: protection.passphrase() });
    if (!result.ok) return setError(result.error);
    await startCodebook(codebook);
    setWorkspace(result.value);
    onDone();
  };

  return (
    <form onSubmit={submit} className="dialog-form">
      <Field label="Workspace name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} hint="For example “Topol Review — AI and robotics panel”." />
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
      <CodebookStartField value={codebook} onChange={setCodebook} />
      {protection.fields}
      <ErrorMessage error={error} />
      <DialogActions onCancel={onDone} submit="Create workspace" />
    </form>
  );
}

function OpenForm({ onDone }: { onDone: () => void }) {
  const openWorkspace = useMutation('workspace.open', { errorShownHere: true }).run;
  const { info, setWorkspace, openFailed } = useApp();
  const [path, setPath] = useState('');
  const [error, setError] = useState<RpcError | null>(null);

  const open = async (target: string) => {
    const unsaved = await saveBeforeLeaving();
    if (unsaved) return setError({ code: 'UNAVAILABLE', message: unsaved });
    const result = await openWorkspace({ path: target });
    if (!result.ok) return openFailed(result.error) ? onDone() : setError(result.error);
    setWorkspace(result.value);
    onDone();
  };

  return (
    <form
      className="dialog-form"
      onSubmit={(event) => {
        event.preventDefault();
        void open(path);
      }}
    >
      <Field
        label="Workspace file"
        required
        autoFocus
        spellCheck={false}
        placeholder={joinPath(info.defaultFolder, 'Review.fieldnotes')}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      <ErrorMessage error={error} />
      <DialogActions onCancel={onDone} submit="Open" />
    </form>
  );
}
