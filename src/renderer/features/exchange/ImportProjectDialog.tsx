import { useId, useRef, useState, type FormEvent } from 'react';
import { formatBytes } from '../../../shared/domain/files';
import type { QdpxImportReport } from '../../../shared/domain/refi';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { saveBeforeLeaving } from '../../app/CloseGuard';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { useUploadFile } from '../files/uploadFile';
import { fileNameFor, joinPath } from '../workspace/paths';
import { ImportSummary } from './ImportSummary';
import '../../styles/files.css';

type Step =
  | { kind: 'choose' }
  | { kind: 'sending'; sent: number; total: number }
  | { kind: 'reading' }
  | { kind: 'preview'; previewId: string; report: QdpxImportReport }
  | { kind: 'importing'; report: QdpxImportReport }
  | { kind: 'done'; report: QdpxImportReport; workspaceName: string };

/** Choose a .qdpx; into the open workspace after a preview, or into a new one; then the report. */
export function ImportProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Import project (.qdpx)" open={open} onClose={onClose} className="exchange-dialog">
      <ImportBody onClose={onClose} />
    </Dialog>
  );
}

const projectName = (fileName: string) => fileName.replace(/\.qdpx$/i, '').trim();

function ImportBody({ onClose }: { onClose: () => void }) {
  const id = useId();
  const { info, workspace, setWorkspace } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [destination, setDestination] = useState<'open' | 'new'>(workspace ? 'open' : 'new');
  const [name, setName] = useState('');
  const [path, setPath] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<RpcError | string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const uploadFile = useUploadFile();
  // Each step's failure is said in the form (`fail`).
  const preview = useMutation('refi.preview', { errorShownHere: true }).run;
  const importNew = useMutation('refi.importNew', { errorShownHere: true }).run;
  const importInto = useMutation('refi.import', { errorShownHere: true }).run;
  const cancelUpload = useMutation('uploads.cancel', { errorShownHere: true }).run;
  const into = workspace && destination === 'open' ? 'open' : 'new';
  const target = path ?? joinPath(info.defaultFolder, fileNameFor(name));
  const working = step.kind === 'sending' || step.kind === 'reading' || step.kind === 'importing';

  const fail = (failure: RpcError | string) => {
    setError(failure);
    setStep({ kind: 'choose' });
  };

  const choose = (chosen: File | undefined) => {
    setFile(chosen ?? null);
    setError(null);
    if (chosen && !name) setName(projectName(chosen.name));
  };

  /** Send the file to the core in chunks, the bar following; null if refused or cancelled. */
  const send = async (chosen: File): Promise<string | null> => {
    abort.current = new AbortController();
    setStep({ kind: 'sending', sent: 0, total: chosen.size });
    const sent = await uploadFile(chosen, 'project', (p) => setStep({ kind: 'sending', sent: p.sent, total: p.total }), abort.current.signal);
    abort.current = null;
    if (!sent.ok) {
      fail(sent.error);
      return null;
    }
    setStep({ kind: 'reading' });
    return sent.value.uploadId;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    if (!file) return setError('Choose the .qdpx file to import.');
    setError(null);
    if (into === 'new') {
      // The open workspace closes when the new one opens: its notes are saved first.
      const unsaved = await saveBeforeLeaving();
      if (unsaved) return setError(unsaved);
    }
    const uploadId = await send(file);
    if (!uploadId) return;
    if (into === 'open') {
      const result = await preview({ uploadId });
      if (!result.ok) return fail(result.error);
      return setStep({ kind: 'preview', ...result.value });
    }
    const result = await importNew({ uploadId, name: name.trim() || projectName(file.name), ...(info.nativeDialogs ? {} : { path: target }) });
    if (!result.ok) return fail(result.error);
    if (!result.value) {
      // The person cancelled the Save dialog: the form stays as it was.
      await cancelUpload({ uploadId });
      return setStep({ kind: 'choose' });
    }
    setWorkspace(result.value.workspace);
    setStep({ kind: 'done', report: result.value.report, workspaceName: result.value.workspace.name });
  };

  const importPreviewed = async (previewId: string, report: QdpxImportReport) => {
    setStep({ kind: 'importing', report });
    const result = await importInto({ previewId });
    if (!result.ok) return fail(result.error);
    setStep({ kind: 'done', report: result.value, workspaceName: workspace?.name ?? '' });
  };

  if (step.kind === 'done') {
    return (
      <div className="exchange">
        <p role="status" className="exchange-done">
          The project is in “{step.workspaceName}”.
        </p>
        <ImportSummary report={step.report} stage="done" />
        <div className="actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  }
  if (step.kind === 'preview' || step.kind === 'importing') {
    const previewId = step.kind === 'preview' ? step.previewId : null;
    return (
      <div className="exchange">
        <p className="hint exchange-lede">Nothing has changed yet. Importing adds all of this to “{workspace?.name}” in one step; a backup is taken first.</p>
        <ImportSummary report={step.report} stage="preview" />
        {step.kind === 'importing' && <Working phase="Importing…" />}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" onClick={() => setStep({ kind: 'choose' })} disabled={step.kind === 'importing'}>
            Back
          </button>
          <button type="button" className="primary" autoFocus onClick={() => previewId && void importPreviewed(previewId, step.report)}>
            Import
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="exchange dialog-form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={`${id}-file`}>Project file (.qdpx)</label>
        <input id={`${id}-file`} type="file" accept=".qdpx,application/zip" aria-describedby={`${id}-file-hint`} autoFocus onChange={(e) => choose(e.target.files?.[0])} />
        <p id={`${id}-file-hint`} className="hint">
          A REFI-QDA project from NVivo, ATLAS.ti, MAXQDA, QualCoder or Fieldnotes. What cannot be carried (pictures, audio and video, PDF regions) is listed, never dropped silently.
        </p>
      </div>
      {workspace && (
        <fieldset className="exchange-options">
          <legend>Import into</legend>
          <label>
            <input type="radio" name={`${id}-into`} checked={destination === 'open'} onChange={() => setDestination('open')} />
            This workspace, “{workspace.name}” — you see what it adds first
          </label>
          <label>
            <input type="radio" name={`${id}-into`} checked={destination === 'new'} onChange={() => setDestination('new')} />
            A new workspace
          </label>
        </fieldset>
      )}
      {into === 'new' && (
        <>
          <Field label="Workspace name" required value={name} onChange={(e) => setName(e.target.value)} hint={info.nativeDialogs ? 'You choose where to save it next.' : undefined} />
          {!info.nativeDialogs && (
            <Field label="Save as" required spellCheck={false} value={target} onChange={(e) => setPath(e.target.value)} hint="The full path of the new workspace file." />
          )}
        </>
      )}
      {step.kind === 'sending' && (
        <Working phase={`Sending ${file?.name ?? 'the file'}…`} detail={`${formatBytes(step.sent)} of ${formatBytes(step.total)}`} share={step.total ? step.sent / step.total : 1} />
      )}
      {step.kind === 'reading' && <Working phase={into === 'open' ? 'Reading the project and working out what it adds…' : 'Reading the project and building the workspace…'} />}
      <ErrorMessage error={error} />
      <div className="actions">
        {step.kind === 'sending' ? (
          <button type="button" onClick={() => abort.current?.abort()}>
            Stop sending
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" aria-disabled={working}>
          {into === 'open' ? 'Preview import' : info.nativeDialogs ? 'Choose where to save…' : 'Create workspace and import'}
        </button>
      </div>
    </form>
  );
}

/** A bar while the file is sent (its share known), then a moving one while the core reads or imports. */
function Working({ phase, detail, share }: { phase: string; detail?: string; share?: number }) {
  const percent = share === undefined ? undefined : Math.floor(share * 100);
  return (
    <div className="exchange-working">
      {/* The phase is announced; the byte counts beside it are not, or a reader would hear every chunk. */}
      <span role="status">{phase}</span>
      {detail && <span className="hint">{detail}</span>}
      <div
        className={`files-bar${percent === undefined ? ' files-bar-indeterminate' : ''}`}
        role="progressbar"
        aria-label={phase}
        aria-valuemin={percent === undefined ? undefined : 0}
        aria-valuemax={percent === undefined ? undefined : 100}
        aria-valuenow={percent}
      >
        <div className="files-bar-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
