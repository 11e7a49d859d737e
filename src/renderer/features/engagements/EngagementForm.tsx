import { useId, useState, type FormEvent } from 'react';
import type { Engagement, NewEngagement } from '../../../shared/domain/engagement';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { useEngagementTypes } from './useEngagementTypes';
import { DialogActions } from '../../ui/DialogActions';

const ADD_TYPE = '__add__';

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

interface Props {
  /** Edit this engagement; without it the form creates a new one. */
  engagement?: Engagement;
  onDone: (engagement: Engagement) => void;
  onCancel: () => void;
}

/** Every detail of an engagement: what, when, where, with whom, and why. */
export function EngagementForm({ engagement, onDone, onCancel }: Props) {
  const { types } = useEngagementTypes();
  const addType = useMutation('engagementTypes.add', { errorShownHere: true });
  const create = useMutation('engagements.create', { errorShownHere: true });
  const update = useMutation('engagements.update', { errorShownHere: true });
  const [draft, setDraft] = useState<NewEngagement>(() => ({
    title: engagement?.title ?? '',
    type: engagement?.type ?? 'site_visit',
    date: engagement?.date ?? today(),
    startTime: engagement?.startTime ?? null,
    endTime: engagement?.endTime ?? null,
    place: engagement?.place ?? '',
    organisation: engagement?.organisation ?? '',
    panel: engagement?.panel ?? '',
    reviewersPresent: engagement?.reviewersPresent ?? [],
    context: engagement?.context ?? '',
  }));
  const [reviewers, setReviewers] = useState((engagement?.reviewersPresent ?? []).join(', '));
  const [newType, setNewType] = useState<string | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const ids = { type: useId(), newType: useId(), context: useId() };
  const set = <K extends keyof NewEngagement>(key: K, value: NewEngagement[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let type = draft.type;
    if (newType !== null) {
      const added = await addType.run({ label: newType });
      if (!added.ok) return setError(added.error);
      type = added.value.id;
      setNewType(null);
      set('type', type);
    }
    const input = {
      ...draft,
      type,
      startTime: draft.startTime || null,
      endTime: draft.endTime || null,
      reviewersPresent: reviewers.split(',').map((r) => r.trim()).filter(Boolean),
    };
    const result = engagement
      ? await update.run({ id: engagement.id, ...input })
      : await create.run(input);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <form onSubmit={submit} className="dialog-form engagement-form">
      <Field label="Title" required autoFocus value={draft.title} onChange={(e) => set('title', e.target.value)} hint="For example “Moorfields Eye Hospital — AI in retinal imaging”." />
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.type}>Type</label>
          <select
            id={ids.type}
            value={newType !== null ? ADD_TYPE : draft.type}
            onChange={(e) => {
              if (e.target.value === ADD_TYPE) return setNewType('');
              setNewType(null);
              set('type', e.target.value);
            }}
          >
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
            <option value={ADD_TYPE}>Add a new type…</option>
          </select>
        </div>
        {newType !== null && <Field label="New type" required value={newType} onChange={(e) => setNewType(e.target.value)} hint="For example “Webinar”." />}
        <Field label="Date" type="date" required value={draft.date} onChange={(e) => set('date', e.target.value)} />
      </div>
      <div className="form-row">
        <Field label="From" type="time" value={draft.startTime ?? ''} onChange={(e) => set('startTime', e.target.value || null)} />
        <Field label="To" type="time" value={draft.endTime ?? ''} onChange={(e) => set('endTime', e.target.value || null)} />
      </div>
      <div className="form-row">
        <Field label="Organisation" value={draft.organisation} onChange={(e) => set('organisation', e.target.value)} hint="e.g. Moorfields Eye Hospital NHS FT" />
        <Field label="Place" value={draft.place} onChange={(e) => set('place', e.target.value)} hint="e.g. London" />
      </div>
      <div className="form-row">
        <Field label="Panel" value={draft.panel} onChange={(e) => set('panel', e.target.value)} hint="e.g. AI and robotics" />
        <Field label="Reviewers present" value={reviewers} onChange={(e) => setReviewers(e.target.value)} hint="Names, separated by commas." />
      </div>
      <div className="field">
        <label htmlFor={ids.context}>Context</label>
        <textarea id={ids.context} rows={3} value={draft.context} onChange={(e) => set('context', e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <DialogActions onCancel={onCancel} submit={engagement ? 'Save details' : 'Add engagement'} />
    </form>
  );
}
