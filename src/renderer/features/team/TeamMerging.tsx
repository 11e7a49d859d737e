import { useMemo, useState } from 'react';
import { mergePackFileName } from '../../../shared/domain/merge';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { commandRegistry, useCommands, type Command } from '../../commands/registry';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSaveFile } from '../files/useSaveFile';
import { MergeDialog } from './MergeDialog';
import '../../styles/team.css';

export const SEND_FOR_MERGING = 'team.sendForMerging';
export const MERGE_IN = 'team.mergeIn';

/** Run from the Team area's buttons: the same commands as the palette's. */
export const runTeamCommand = (id: typeof SEND_FOR_MERGING | typeof MERGE_IN) => commandRegistry.run(id);

/**
 * "Send for merging…" and "Merge in…" (issue 10): palette commands wherever a
 * workspace is open, and the Team area's buttons. A pack goes out through the
 * one file-out path; merging in previews before anything changes.
 */
export function TeamMerging() {
  const { workspace, reviewer } = useApp();
  const saveFile = useSaveFile();
  const [merging, setMerging] = useState(false);
  const [outcome, setOutcome] = useState<{ sent?: string; error?: RpcError } | null>(null);
  const sendPack = useMutation('merge.sendPack', { errorShownHere: true }).run;
  const hasWorkspace = Boolean(workspace);
  const commands = useMemo<Command[]>(
    () => [
      {
        id: SEND_FOR_MERGING,
        group: 'Team',
        label: 'Send for merging…',
        enabled: () => hasWorkspace,
        run: () =>
          saveFile.save({
            title: 'Save the merge pack as',
            suggestedName: mergePackFileName(workspace?.name ?? '', reviewer?.initials ?? '', new Date().toISOString().slice(0, 10)),
            write: (target) => sendPack(target),
            onSaved: (saved) => setOutcome({ sent: saved.path }),
            onError: (error) => setOutcome({ error }),
          }),
      },
      { id: MERGE_IN, group: 'Team', label: 'Merge in…', enabled: () => hasWorkspace, run: () => setMerging(true) },
    ],
    [hasWorkspace, saveFile, workspace?.name, reviewer?.initials, sendPack],
  );
  useCommands(commands);
  return (
    <>
      {saveFile.dialog}
      <MergeDialog open={merging && hasWorkspace} onClose={() => setMerging(false)} />
      <Dialog title={outcome?.error ? 'The merge pack was not written' : 'Merge pack written'} open={outcome !== null} onClose={() => setOutcome(null)}>
        {outcome?.sent && (
          <p role="status">
            The whole workspace is in {outcome.sent}. Give it to the colleague who merges the panel’s work (they use “Merge in…”), or open it on
            another laptop to work in it.
          </p>
        )}
        <ErrorMessage error={outcome?.error ?? null} />
        <div className="actions">
          <button type="button" className="primary" autoFocus onClick={() => setOutcome(null)}>
            OK
          </button>
        </div>
      </Dialog>
    </>
  );
}
