import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { formatBytes } from '../../../shared/domain/files';
import { describeKinds, MergeKind, mergeTableLabel, type MergePackInfo, type MergeRecordRef, type MergeReport } from '../../../shared/domain/merge';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { Dialog } from '../../ui/Dialog';
import { DialogActions, DoneAction } from '../../ui/DialogActions';
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

const keptKey = (k: MergeRecordRef) => `${k.table} ${k.recordId}`;

interface SummaryProps {
  report: MergeReport;
  stage: 'preview' | 'done';
  /** In the preview: the kept records chosen for "Delete anyway", and how to choose. */
  deleteAnyway?: ReadonlySet<string>;
  onChoose?: (record: MergeRecordRef, remove: boolean) => void;
}

/** The counts per kind of record, then what the merge settles by itself: codes, names, notes edited on both sides. */
function MergeSummary({ report, stage, deleteAnyway, onChoose }: SummaryProps) {
  const tables = Object.keys(report.byTable);
  const will = stage === 'preview';
  // A note's text both sides changed is settled by its conflict copy, listed above.
  const fieldConflicts = report.conflicts.filter((c) => !(c.table === 'notes' && report.noteCopies.some((n) => n.noteId === c.recordId)));
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
        <SummarySection label="Renumbered" heading="Codes given on both laptops">
            {report.renumbered.map((r) => (
              <li key={r.recordId}>
                {r.from} → <strong>{r.to}</strong> ({mergeTableLabel(r.table).toLowerCase()} from {r.side === 'here' ? 'this workspace' : 'the pack'}; entered later
                {r.table === 'participants' ? ', so renumbered with the speaker labels in their notes' : ', so renumbered'})
              </li>
            ))}
        </SummarySection>
      )}
      {report.noteCopies.length > 0 && (
        <SummarySection
          label="Notes edited on both laptops"
          heading="Notes edited on both laptops"
          hint="Both versions are kept: the later edit in the note, the other as a copy beside it, each with its own passages."
        >
            {report.noteCopies.map((c) => (
              <li key={c.copyId}>{c.title}</li>
            ))}
        </SummarySection>
      )}
      {report.renamed.length > 0 && (
        <SummarySection label="Same names" heading="Same names">
            {report.renamed.map((r) => (
              <li key={r.recordId}>
                {mergeTableLabel(r.table)}: “{r.from}” twice; the later is “{r.to}”
              </li>
            ))}
        </SummarySection>
      )}
      {fieldConflicts.length > 0 && (
        <SummarySection
          label="Changed on both laptops"
          heading="Fields changed on both laptops"
          hint="The later change wins; the other value is kept in the record’s history (beside the record), where it can be put back."
        >
            {fieldConflicts.map((c) => (
              <li key={`${c.table}:${c.recordId}`}>
                {mergeTableLabel(c.table)}: “{c.label}” — {c.columns.map((col) => col.replace(/_/g, ' ')).join(', ')}
              </li>
            ))}
        </SummarySection>
      )}
      {report.kept.length > 0 && (
        <SummarySection
          label="Kept although deleted"
          heading="Deleted on one laptop, changed on the other"
          hint={
            will
              ? 'Each was changed after the deletion was made, so it is kept unless you choose to delete it anyway (what it holds goes with it, as in any deletion).'
              : 'Each was changed after the deletion was made.'
          }
        >
            {report.kept.map((k) => {
              const what = `${mergeTableLabel(k.table)}: “${k.label}” (deleted ${k.deletedOn === 'here' ? 'here' : 'in the pack'})`;
              if (!will || !onChoose) return <li key={keptKey(k)}>{what} — {k.decision === 'deleted' ? 'deleted anyway' : 'kept'}</li>;
              const remove = deleteAnyway?.has(keptKey(k)) ?? false;
              return (
                <li key={keptKey(k)}>
                  <fieldset className="kept-choice">
                    <legend>{what}</legend>
                    <label>
                      <input type="radio" name={`kept-${keptKey(k)}`} checked={!remove} onChange={() => onChoose(k, false)} /> Keep
                    </label>
                    <label>
                      <input type="radio" name={`kept-${keptKey(k)}`} checked={remove} onChange={() => onChoose(k, true)} /> Delete anyway
                    </label>
                  </fieldset>
                </li>
              );
            })}
        </SummarySection>
      )}
    </>
  );
}

/** One part of what the merge settles by itself: a named region, its heading, a line on why, and its list. */
function SummarySection({ label, heading, hint, children }: { label: string; heading: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-label={label}>
      <h3>{heading}</h3>
      {hint && <p className="hint">{hint}</p>}
      <ul className="merge-list">{children}</ul>
    </section>
  );
}
