import { useId, useState, type FormEvent } from 'react';
import { formatBytes } from '../../../shared/domain/files';
import { describeKinds, MergeKind, mergeTableLabel, type MergePackInfo, type MergeReport } from '../../../shared/domain/merge';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useUploadFile } from '../files/uploadFile';

type Step =
  | { kind: 'choose' }
  | { kind: 'working'; phase: string }
  | { kind: 'preview'; previewId: string; pack: MergePackInfo; report: MergeReport }
  | { kind: 'done'; report: MergeReport; backup: string };

const KIND_HEADINGS: Record<MergeKind, string> = { new: 'New', changed: 'Changed', conflicting: 'Changed on both', deleted: 'Deleted', kept: 'Kept' };

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
    const result = await runMerge({ previewId, combineThemes: combine });
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
        <div className="actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  }
  if (step.kind === 'preview') {
    const sameNames = step.report.renamed.filter((r) => r.table === 'themes').length;
    return (
      <div className="merge">
        <p className="dialog-lede">
          “{step.pack.name}” from {step.pack.fileName}
          {step.pack.reviewers.length ? `, worked on by ${step.pack.reviewers.join(', ')}` : ''}. Nothing has changed yet: merging does
          all of this in one step, after a backup.
        </p>
        <MergeSummary report={step.report} stage="preview" />
        {sameNames > 0 && (
          <label className="check">
            <input type="checkbox" checked={combine} onChange={(e) => setCombine(e.target.checked)} />
            Combine the {sameNames === 1 ? 'two themes' : `${sameNames} pairs of themes`} of the same name (their passages move to the first)
          </label>
        )}
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" onClick={leave}>
            Cancel
          </button>
          <button type="button" className="primary" autoFocus onClick={() => void merge(step.previewId)}>
            Merge
          </button>
        </div>
      </div>
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
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" aria-disabled={step.kind === 'working'}>
          Preview merge
        </button>
      </div>
    </form>
  );
}

/** The counts per kind of record, then what the merge settles by itself: codes, names, notes edited on both sides. */
function MergeSummary({ report, stage }: { report: MergeReport; stage: 'preview' | 'done' }) {
  const tables = Object.keys(report.byTable);
  const will = stage === 'preview';
  if (tables.length === 0) return <p className="empty">Nothing to merge: everything in the pack is here already.</p>;
  return (
    <>
      <table className="list-table merge-table">
        <caption className="visually-hidden">{will ? 'What merging would do' : 'What merging did'}, by kind of record</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            {MergeKind.options.map((k) => (
              <th key={k} scope="col" className="numeric">
                {KIND_HEADINGS[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tables.map((t) => (
            <tr key={t}>
              <th scope="row">{mergeTableLabel(t)}</th>
              {MergeKind.options.map((k) => (
                <td key={k} className="numeric">
                  {report.byTable[t]![k] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.renumbered.length > 0 && (
        <section aria-label="Renumbered">
          <h3>Codes given on both laptops</h3>
          <ul className="merge-list">
            {report.renumbered.map((r) => (
              <li key={r.recordId}>
                {r.from} → <strong>{r.to}</strong> ({mergeTableLabel(r.table).toLowerCase()} from {r.side === 'here' ? 'this workspace' : 'the pack'}; entered later
                {r.table === 'participants' ? ', so renumbered with the speaker labels in their notes' : ', so renumbered'})
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.noteCopies.length > 0 && (
        <section aria-label="Notes edited on both laptops">
          <h3>Notes edited on both laptops</h3>
          <p className="hint">Both versions are kept: the later edit in the note, the other as a copy beside it, each with its own passages.</p>
          <ul className="merge-list">
            {report.noteCopies.map((c) => (
              <li key={c.copyId}>{c.title}</li>
            ))}
          </ul>
        </section>
      )}
      {report.renamed.length > 0 && (
        <section aria-label="Same names">
          <h3>Same names</h3>
          <ul className="merge-list">
            {report.renamed.map((r) => (
              <li key={r.recordId}>
                {mergeTableLabel(r.table)}: “{r.from}” twice; the later is “{r.to}”
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.conflicts.filter((c) => !(c.table === 'notes' && report.noteCopies.some((n) => n.noteId === c.recordId))).length > 0 && (
        <section aria-label="Changed on both laptops">
          <h3>Fields changed on both laptops</h3>
          <p className="hint">The later change wins; the other value is kept in the record’s history, where it can be put back.</p>
          <ul className="merge-list">
            {report.conflicts.map((c) => (
              <li key={`${c.table}:${c.recordId}`}>
                {mergeTableLabel(c.table)}: “{c.label}” — {c.columns.map((col) => col.replace(/_/g, ' ')).join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.kept.length > 0 && (
        <section aria-label="Kept although deleted">
          <h3>Deleted on one laptop, changed on the other</h3>
          <p className="hint">Kept, since the change came after the deletion was made. Delete them again if they should go.</p>
          <ul className="merge-list">
            {report.kept.map((k) => (
              <li key={`${k.table}:${k.recordId}`}>
                {mergeTableLabel(k.table)}: “{k.label}” (deleted {k.deletedOn === 'here' ? 'here' : 'in the pack'})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
