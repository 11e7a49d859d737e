import { useId, useState, type FormEvent } from 'react';
import {
  attributeKindLabels,
  attributeKinds,
  type AttributeDefinition,
  type AttributeKind,
} from '../../../shared/domain/participant';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { SelectField } from './fields';

interface Props {
  open: boolean;
  attributes: AttributeDefinition[];
  onClose: () => void;
}

/** Define the workspace's own participant attributes (text, number, choice) and remove them. */
export function AttributesDialog({ open, attributes, onClose }: Props) {
  return (
    <Dialog title="Custom attributes" open={open} onClose={onClose} className="attributes-dialog">
      <p className="hint attributes-intro">
        Record more about each participant than staff group, role and region — for example “Years in post” or “Band”.
      </p>
      <DefinedAttributes attributes={attributes} />
      <DefineAttributeForm onClose={onClose} />
    </Dialog>
  );
}

function DefinedAttributes({ attributes }: Pick<Props, 'attributes'>) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const removeAttribute = useMutation('attributes.remove', { errorShownHere: true }).run;
  const remove = async (id: string) => {
    const result = await removeAttribute({ id });
    setConfirming(null);
    if (!result.ok) setError(result.error);
  };
  if (attributes.length === 0) {
    return <p className="empty">None yet. Define the first one below.</p>;
  }
  return (
    <>
      <ul className="attribute-list" aria-label="Defined attributes">
        {attributes.map((a) => (
          <li key={a.id}>
            <span className="attribute-name">{a.name}</span>
            <span className="attribute-kind">
              {attributeKindLabels[a.kind]}
              {a.kind === 'choice' && `: ${a.choices.join(', ')}`}
            </span>
            {confirming === a.id ? (
              <span className="attribute-confirm">
                <span>Remove its values from every participant?</span>
                <button type="button" autoFocus onClick={() => setConfirming(null)}>
                  Keep
                </button>
                <button type="button" className="danger" onClick={() => void remove(a.id)}>
                  Remove {a.name}
                </button>
              </span>
            ) : (
              <button type="button" className="quiet" onClick={() => setConfirming(a.id)}>
                Remove<span className="visually-hidden"> {a.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </>
  );
}

function DefineAttributeForm({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AttributeKind>('text');
  const [choices, setChoices] = useState('');
  const [error, setError] = useState<RpcError | null>(null);
  const choicesId = useId();
  const define = useMutation('attributes.define', { errorShownHere: true }).run;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = choices.split('\n').map((c) => c.trim()).filter(Boolean);
    const input = kind === 'choice' ? { name, kind, choices: list } : { name, kind };
    const result = await define(input);
    if (!result.ok) return setError(result.error);
    setName('');
    setChoices('');
    setError(null);
  };

  return (
    <form onSubmit={submit} className="dialog-form define-attribute">
      <h3>Define an attribute</h3>
      <div className="participant-grid">
        <Field label="Attribute name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <SelectField
          label="Holds"
          value={kind}
          options={attributeKinds.map((k) => ({ value: k, label: attributeKindLabels[k] }))}
          onChange={(e) => setKind(e.target.value as AttributeKind)}
        />
      </div>
      {kind === 'choice' && (
        <div className="field">
          <label htmlFor={choicesId}>Choices</label>
          <textarea id={choicesId} rows={4} value={choices} aria-describedby={`${choicesId}-hint`} onChange={(e) => setChoices(e.target.value)} />
          <p id={`${choicesId}-hint`} className="hint">
            One per line, at least two. For example Band 5, Band 6, Band 7.
          </p>
        </div>
      )}
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
        <button type="submit" className="primary">
          Define attribute
        </button>
      </div>
    </form>
  );
}
