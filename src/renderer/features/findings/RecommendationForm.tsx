import { useId, useState } from 'react';
import { findingLabel, type FindingSummary } from '../../../shared/domain/finding';
import type { RpcError } from '../../../shared/rpc/result';
import { ErrorMessage } from '../../ui/ErrorMessage';

interface Props {
  findings: FindingSummary[];
  /** The recommendation as it is (editing), or empty (adding). */
  initial: { text: string; findingIds: string[] };
  submitLabel: string;
  pending: boolean;
  error: RpcError | null;
  onSubmit: (text: string, findingIds: string[]) => void;
  onCancel: () => void;
}

/** A recommendation's words and the findings it rests on: the form to add one to a group, and to edit one. */
export function RecommendationForm({ findings, initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const id = useId();
  const [text, setText] = useState(initial.text);
  const [cited, setCited] = useState(initial.findingIds);
  return (
    <form
      className="new-rec"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text, cited);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <label htmlFor={`${id}-text`}>Recommendation</label>
      <textarea id={`${id}-text`} rows={2} value={text} autoFocus onChange={(e) => setText(e.target.value)} />
      <fieldset>
        <legend>Rests on findings</legend>
        {findings.length === 0 && <p className="hint">No findings yet: add them in the Findings tab first.</p>}
        {findings.map((f) => (
          <label key={f.id} className="choice">
            <input
              type="checkbox"
              checked={cited.includes(f.id)}
              onChange={(e) => setCited(e.target.checked ? [...cited, f.id] : cited.filter((x) => x !== f.id))}
            />
            <span>
              <strong>{findingLabel(f.number)}</strong> {f.statement}
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
