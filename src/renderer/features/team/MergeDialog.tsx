import { useId, useState, type FormEvent } from 'react';
import { formatBytes } from '../../../shared/domain/files';
import { describeKinds, type MergePackInfo, type MergeRecordRef, type MergeReport } from '../../../shared/domain/merge';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, DoneAction } from '../../ui/DialogActions';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUploadFile } from '../files/uploadFile';
import { keptKey, MergeSummary } from './MergeSummary';

type Step =
  | { kind: 'choose' }
  | { kind: 'working'; phase: string }
  | { kind: 'preview'; previewId: string; pack: MergePackInfo; report: MergeReport }
  | { kind: 'done'; report: MergeReport; backup: string };

/** "Merge in…": choose a colleague's pack, see what it would do, merge it after a backup, see what it did. */
export function MergeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Merge in a colleague’s work" open={open} onClose={onClose} className="merge-dialog">
      <MergeBody onClose={onClose} />
    </Dialog>
  );
}

function MergeBody({ onClose }: { onClose: () => void }) {
  const id = useId();
  const { workspace } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [combine, setCombine] = useState(true);
  // Records kept against a deletion that the person chose to delete anyway ("table id").
  const [deleteAnyway, setDeleteAnyway] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<RpcError | string | null>(null);
  const uploadFile = useUploadFile();
  const discardMerge = useMutation('merge.discard').run;
  const previewMerge = useMutation('merge.preview', { errorShownHere: true }).run;
  const runMerge = useMutation('merge.run', { errorShownHere: true }).run;

  const fail = (failure: RpcError | string) => {
    setError(failure);
    setStep({ kind: 'choose' });
  };

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind === 'working') return;
    if (!file) return setError('Choose the merge pack your colleague sent.');
    setError(null);
    setStep({ kind: 'working', phase: `Sending ${file.name} (${formatBytes(file.size)})…` });
    const sent = await uploadFile(file, 'mergePack');
    if (!sent.ok) return fail(sent.error);
    setStep({ kind: 'working', phase: 'Comparing the pack with this workspace…' });
    const result = await previewMerge({ uploadId: sent.value.uploadId });
    if (!result.ok) return fail(result.error);
    setStep({ kind: 'preview', ...result.value });
  };

  const merge = async (previewId: string) => {
    setStep({ kind: 'working', phase: 'Taking a backup, then merging…' });
    const chosen = step.kind === 'preview' ? step.report.kept.filter((k) => deleteAnyway.has(keptKey(k))) : [];
    const result = await runMerge({ previewId, combineThemes: combine, deleteAnyway: chosen.map(({ table, recordId }) => ({ table, recordId })) });
    if (!result.ok) return fail(result.error);
    setStep({ kind: 'done', ...result.value });
  };

  const leave = () => {
    if (step.kind === 'preview') void discardMerge({ previewId: step.previewId });
    onClose();
  };

  if (step.kind === 'done') {
    return (
      <div className="merge">
        <p role="status" className="merge-done">
          Merged into “{workspace?.name}”: {describeKinds(step.report.counts)}. A backup from just before is in Backups ({step.backup}).
        </p>
        <MergeSummary report={step.report} stage="done" />
        <DoneAction onDone={onClose} />
      </div>
    );
  }
  if (step.kind === 'preview') {
    const sameNames = step.report.renamed.filter((r) => r.table === 'themes').length;
    const choose = (k: MergeRecordRef, remove: boolean) =>
      setDeleteAnyway((was) => {
        const next = new Set(was);
        if (remove) next.add(keptKey(k));
        else next.delete(keptKey(k));
        return next;
      });
    const merging = (event: FormEvent) => {
      event.preventDefault();
      void merge(step.previewId);
    };
    return (
      <form className="merge dialog-form" onSubmit={merging}>
        <p className="dialog-lede">
          “{step.pack.name}” from {step.pack.fileName}
          {step.pack.reviewers.length ? `, worked on by ${step.pack.reviewers.join(', ')}` : ''}. Nothing has changed yet: merging does
          all of this in one step, after a backup.
        </p>
        <MergeSummary report={step.report} stage="preview" deleteAnyway={deleteAnyway} onChoose={choose} />
        {sameNames > 0 && (
          <label className="check">
            <input type="checkbox" checked={combine} onChange={(e) => setCombine(e.target.checked)} />
            Combine the {sameNames === 1 ? 'two themes' : `${sameNames} pairs of themes`} of the same name (their passages move to the first)
          </label>
        )}
        <ErrorMessage error={error} />
        <DialogActions onCancel={leave} submit="Merge" autoFocus />
      </form>
    );
  }
  return (
    <form className="merge dialog-form" onSubmit={(event) => void preview(event)}>
      <div className="field">
        <label htmlFor={`${id}-file`}>Merge pack (.fieldnotes)</label>
        <input id={`${id}-file`} type="file" accept=".fieldnotes" aria-describedby={`${id}-hint`} autoFocus onChange={(e) => (setFile(e.target.files?.[0] ?? null), setError(null))} />
        <p id={`${id}-hint`} className="hint">
          The file a colleague made with “Send for merging…”. You see what it adds, changes and deletes before anything changes.
        </p>
      </div>
      {step.kind === 'working' && (
        <p role="status" className="merge-working">
          {step.phase}
        </p>
      )}
      <ErrorMessage error={error} />
      <DialogActions onCancel={onClose} submit="Preview merge" />
    </form>
  );
}
