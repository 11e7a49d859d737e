import type { ReactNode } from 'react';
import { MergeKind, mergeTableLabel, type MergeRecordRef, type MergeReport } from '../../../shared/domain/merge';

const KIND_HEADINGS: Record<MergeKind, string> = { new: 'New', changed: 'Changed', conflicting: 'Changed on both', deleted: 'Deleted', kept: 'Kept' };

/** A record kept against a deletion, as the preview's choices key it. */
export const keptKey = (k: MergeRecordRef) => `${k.table} ${k.recordId}`;

interface SummaryProps {
  report: MergeReport;
  stage: 'preview' | 'done';
  /** In the preview: the kept records chosen for "Delete anyway", and how to choose. */
  deleteAnyway?: ReadonlySet<string>;
  onChoose?: (record: MergeRecordRef, remove: boolean) => void;
}

/** The counts per kind of record, then what the merge settles by itself: codes, names, notes edited on both sides. */
export function MergeSummary({ report, stage, deleteAnyway, onChoose }: SummaryProps) {
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
