import { useState } from 'react';
import {
  cerqualComponents,
  componentLabels,
  componentQuestions,
  concernLabels,
  concernLevels,
  confidenceLabels,
  confidenceLevels,
  type Cerqual,
  type CerqualInput,
} from '../../../shared/domain/finding';
import { useMutation } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatWhen } from './format';

const fromCerqual = (c: Cerqual): CerqualInput => ({
  methodological: c.methodological,
  coherence: c.coherence,
  adequacy: c.adequacy,
  relevance: c.relevance,
  confidence: c.confidence,
  explanation: c.explanation,
});

/** The GRADE-CERQual assessment of a finding: four components, each a concern and a note, then the overall confidence. */
export function CerqualForm({ findingId, cerqual }: { findingId: string; cerqual: Cerqual }) {
  // Keyed by finding and assessment time by its parent, so a new assessment starts a fresh draft.
  const [draft, setDraft] = useState<CerqualInput>(() => fromCerqual(cerqual));
  const assess = useMutation('findings.assess', { errorShownHere: true });
  const [saved, setSaved] = useState(false);

  return (
    <form
      className="cerqual"
      aria-labelledby="cerqual-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void assess.run({ id: findingId, cerqual: draft }).then((r) => setSaved(r.ok));
      }}
    >
      <h3 id="cerqual-title">GRADE-CERQual assessment</h3>
      {cerqualComponents.map((c) => (
        <fieldset key={c} className="cerqual-component">
          <legend>{componentLabels[c]}</legend>
          <p className="hint">{componentQuestions[c]}</p>
          <div className="cerqual-row">
            <label>
              <span className="visually-hidden">{componentLabels[c]}: </span>Concern
              <select
                value={draft[c].concern ?? ''}
                onChange={(e) => setDraft({ ...draft, [c]: { ...draft[c], concern: e.target.value || null } })}
              >
                <option value="">Not yet assessed</option>
                {concernLevels.map((l) => (
                  <option key={l} value={l}>
                    {concernLabels[l]}
                  </option>
                ))}
              </select>
            </label>
            <label className="grow">
              <span className="visually-hidden">{componentLabels[c]}: </span>Note
              <input value={draft[c].note} onChange={(e) => setDraft({ ...draft, [c]: { ...draft[c], note: e.target.value } })} />
            </label>
          </div>
        </fieldset>
      ))}
      <fieldset className="cerqual-component">
        <legend>Overall confidence</legend>
        <div className="cerqual-row">
          <label>
            Confidence
            <select value={draft.confidence ?? ''} onChange={(e) => setDraft({ ...draft, confidence: (e.target.value || null) as CerqualInput['confidence'] })}>
              <option value="">Not yet assessed</option>
              {confidenceLevels.map((l) => (
                <option key={l} value={l}>
                  {confidenceLabels[l]}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            Explanation
            <input value={draft.explanation} onChange={(e) => setDraft({ ...draft, explanation: e.target.value })} />
          </label>
        </div>
      </fieldset>
      <ErrorMessage error={assess.error} />
      <div className="cerqual-foot">
        <p className="hint" role="status">
          {saved ? 'Assessment saved.' : cerqual.assessedAt ? `Assessed by ${cerqual.assessedBy?.name ?? 'someone'}, ${formatWhen(cerqual.assessedAt)}.` : 'Not assessed yet.'}
        </p>
        <button type="submit" className="primary" disabled={assess.pending}>
          Save assessment
        </button>
      </div>
    </form>
  );
}
