import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import type { Result, RpcError } from '../../../shared/rpc/result';
import { useApp } from '../../app/AppContext';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { joinPath } from '../workspace/paths';

/** Where a file went (null: the person cancelled the save dialog). */
export type Saved = { path: string; size: number } | null;

/**
 * `T` is what the export call answers once it has a path: where the file went
 * (most exports), or a job that writes it (the report, which takes minutes);
 * null when the person cancelled the native dialog.
 */
export interface SaveRequest<T = NonNullable<Saved>> {
  /** The dialog's title on hosts without a native save dialog: "Export codebook". */
  title: string;
  suggestedName: string;
  /** The export call; `target` is empty in the desktop app, where the core asks its own save dialog. */
  write: (target: { path?: string; overwrite?: boolean }) => Promise<Result<T | null>>;
  onSaved: (saved: T) => void;
  onError: (error: RpcError) => void;
}

/**
 * The renderer's side of the one file-out path. In the desktop app the core
 * opens the native save dialog, so this only makes the call; on the loopback
 * host it asks for the path in a form (replacing a file only after asking).
 * The renderer never downloads a file itself.
 */
export function useSaveFile(): { save: <T = NonNullable<Saved>>(request: SaveRequest<T>) => void; dialog: ReactNode } {
  const { info, workspace } = useApp();
  const [request, setRequest] = useState<SaveRequest<unknown> | null>(null);

  const save = useCallback(
    <T,>(next: SaveRequest<T>) => {
      if (!info.nativeDialogs) return setRequest(next as SaveRequest<unknown>);
      void next.write({}).then((result) => {
        if (!result.ok) next.onError(result.error);
        else if (result.value) next.onSaved(result.value);
      });
    },
    [info.nativeDialogs],
  );

  const folder = workspace ? parentOf(workspace.path) : info.defaultFolder;
  const dialog = (
    <Dialog title={request?.title ?? 'Save'} open={request !== null} onClose={() => setRequest(null)}>
      {request && (
        <SaveForm
          key={request.suggestedName}
          request={request}
          suggestedPath={joinPath(folder, request.suggestedName)}
          onDone={() => setRequest(null)}
        />
      )}
    </Dialog>
  );
  return { save, dialog };
}

function SaveForm({ request, suggestedPath, onDone }: { request: SaveRequest<unknown>; suggestedPath: string; onDone: () => void }) {
  const [path, setPath] = useState(suggestedPath);
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const exists = error?.code === 'FILE_EXISTS';

  const write = async (overwrite: boolean) => {
    setBusy(true);
    const result = await request.write({ path, overwrite });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone();
    if (result.value !== null) request.onSaved(result.value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void write(false);
  };

  return (
    <form onSubmit={submit} className="dialog-form">
      <Field
        label="Save as"
        required
        autoFocus
        spellCheck={false}
        value={path}
        onChange={(e) => {
          setPath(e.target.value);
          setError(null);
        }}
        hint="The full path of the file to write."
      />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        {exists && (
          <button type="button" onClick={() => void write(true)} disabled={busy}>
            Replace it
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}

/** The folder part of a path, for a suggestion only (the core checks every path). */
function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}
