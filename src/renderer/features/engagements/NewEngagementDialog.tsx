import { useId, useState, type FormEvent } from 'react';
import { engagementTypeLabels, engagementTypes, type EngagementType } from '../../../shared/domain/engagement';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

export function NewEngagementDialog({ open, onClose, onCreated }: Props) {
  return (
    <Dialog title="New engagement" open={open} onClose={onClose}>
      <NewEngagementForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function NewEngagementForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: () => void }) {
  const [title, setTitle] = useState('');
  const [type, setType] = useState<EngagementType>('site_visit');
  const [date, setDate] = useState(today);
  const [error, setError] = useState<RpcError | null>(null);
  const typeId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api().call('engagements.create', { title, type, date });
    if (result.ok) onCreated();
    else setError(result.error);
  };

  return (
    <form onSubmit={submit} className="dialog-form">
      <Field label="Title" required autoFocus value={title} onChange={(e) => setTitle(e.target.value)} hint="For example “Moorfields Eye Hospital — AI in retinal imaging”." />
      <div className="field">
        <label htmlFor={typeId}>Type</label>
        <select id={typeId} value={type} onChange={(e) => setType(e.target.value as EngagementType)}>
          {engagementTypes.map((t) => (
            <option key={t} value={t}>
              {engagementTypeLabels[t]}
            </option>
          ))}
        </select>
      </div>
      <Field label="Date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Add engagement
        </button>
      </div>
    </form>
  );
}
