import { useCallback, useMemo, useState } from 'react';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { saveBeforeLeaving } from '../../app/CloseGuard';
import { useCommands, type Command } from '../../commands/registry';
import type { Shortcut } from '../../commands/shortcut';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSaveFile } from '../files/useSaveFile';
import { useIdleLock } from './useIdleLock';
import '../../styles/protection.css';

export const BACK_UP_NOW = 'workspace.backupNow';
export const SAVE_COPY = 'workspace.saveCopy';
export const LOCK_NOW = 'workspace.lock';
export const LOCK_SHORTCUT: Shortcut = { key: 'l', mod: true, shift: true };

/**
 * The workspace file's commands, from any screen: back up now, save a copy
 * (through the one file-out path), lock — and locking by itself after the
 * chosen idle time. Mounted once per open workspace (Shell).
 */
export function TrustCommands() {
  const { workspace, setWorkspace, showRefused } = useApp();
  const { save, dialog } = useSaveFile();
  const [said, setSaid] = useState<{ title: string; failed?: boolean; message: string | RpcError } | null>(null);
  const lockWorkspace = useMutation('protection.lock', { errorShownHere: true }).run;
  const takeBackup = useMutation('backups.takeNow', { errorShownHere: true }).run;
  const saveCopy = useMutation('backups.saveCopy', { errorShownHere: true }).run;

  const lock = useCallback(async () => {
    const unsaved = await saveBeforeLeaving();
    if (unsaved) return setSaid({ title: 'The workspace stays open', failed: true, message: unsaved });
    const result = await lockWorkspace({});
    if (!result.ok) return setSaid({ title: 'The workspace was not locked', failed: true, message: result.error });
    setWorkspace(null);
    showRefused(); // the unlock dialog, over the start screen
  }, [setWorkspace, showRefused, lockWorkspace]);
  useIdleLock(Boolean(workspace?.encrypted), lock);

  const commands = useMemo<Command[]>(
    () => [
      {
        id: BACK_UP_NOW,
        group: 'Workspace',
        label: 'Back up now',
        run: () =>
          void (async () => {
            const r = await takeBackup({});
            setSaid(r.ok ? { title: 'Backed up', message: `A checked backup was taken: ${r.value.name}.` } : { title: 'No backup was taken', failed: true, message: r.error });
          })(),
      },
      {
        id: SAVE_COPY,
        group: 'Workspace',
        label: 'Save a copy of the workspace…',
        run: () =>
          save({
            title: 'Save a copy of the workspace',
            suggestedName: `${workspace?.name ?? 'Workspace'} copy.fieldnotes`,
            write: (target) => saveCopy(target),
            onSaved: (saved) => setSaid({ title: 'Copy saved', message: `A complete, consistent copy was saved as ${saved.path}${workspace?.encrypted ? ', encrypted with the same passphrase' : ''}.` }),
            onError: (error) => setSaid({ title: 'The copy was not saved', failed: true, message: error }),
          }),
      },
      { id: LOCK_NOW, group: 'Workspace', label: 'Lock the workspace', shortcut: LOCK_SHORTCUT, enabled: () => Boolean(workspace?.encrypted), run: () => void lock() },
    ],
    [save, lock, workspace?.name, workspace?.encrypted, takeBackup, saveCopy],
  );
  useCommands(commands);

  return (
    <>
      {dialog}
      <Dialog title={said?.title ?? ''} open={said !== null} onClose={() => setSaid(null)}>
        {said && (said.failed ? <ErrorMessage error={said.message} /> : <p role="status">{String(said.message)}</p>)}
        <div className="actions">
          <button type="button" className="primary" onClick={() => setSaid(null)}>
            OK
          </button>
        </div>
      </Dialog>
    </>
  );
}
