import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  organisationTypeSuggestions,
  regionSuggestions,
  staffGroupLabels,
  staffGroups,
  type AttributeDefinition,
  type Consent,
  type Participant,
  type StaffGroup,
} from '../../../shared/domain/participant';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { ConsentField } from './ConsentField';
import { AttributeInput, SelectField, SuggestField } from './fields';

const staffGroupOptions = staffGroups.map((g) => ({ value: g, label: staffGroupLabels[g] }));

interface Props {
  /** The participant being edited; absent for a new one. */
  participant?: Participant;
  attributes: AttributeDefinition[];
  onSaved: (participant: Participant) => void;
  onCancel: () => void;
  /** Extra buttons at the start of the action row (e.g. delete). */
  extraActions?: ReactNode;
  /** A new participant is linked to this engagement as it is saved. */
  engagementId?: string;
}

/** Every field of a participant. The real name sits apart, marked private. */
export function ParticipantForm({ participant, attributes, onSaved, onCancel, extraActions, engagementId }: Props) {
  const [staffGroup, setStaffGroup] = useState<StaffGroup | ''>(participant?.staffGroup ?? '');
  const [role, setRole] = useState(participant?.role ?? '');
  const [organisationType, setOrganisationType] = useState(participant?.organisationType ?? '');
  const [region, setRegion] = useState(participant?.region ?? '');
  const [consent, setConsent] = useState<Consent>(participant?.consent ?? 'none');
  const [consentDate, setConsentDate] = useState(participant?.consentDate ?? '');
  const [realName, setRealName] = useState(participant?.realName ?? '');
  const [values, setValues] = useState<Record<string, string>>(participant?.attributes ?? {});
  const [error, setError] = useState<RpcError | string | null>(null);
  const [saving, setSaving] = useState(false);
  const update = useMutation('participants.update', { errorShownHere: true }).run;
  const create = useMutation('participants.create', { errorShownHere: true }).run;
  const staffGroupRef = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!staffGroup) {
      setError('Choose a staff group: it is how the report counts participants. Use “Other” if none fits.');
      staffGroupRef.current?.querySelector('select')?.focus();
      return;
    }
    const fields = { staffGroup, role, organisationType, region, consent, consentDate: consentDate || null, realName };
    // A new record sends only what was typed; an edit sends every attribute so a cleared one is cleared.
    const attributeValues = Object.fromEntries(
      attributes
        .map((a) => [a.id, values[a.id]?.trim() ?? ''] as const)
        .filter(([, v]) => participant || v !== '')
        .map(([id, v]) => [id, v === '' ? null : v]),
    );
    setSaving(true);
    const result = participant
      ? await update({ id: participant.id, ...fields, attributes: attributeValues })
      : await create({ ...fields, attributes: attributeValues, ...(engagementId && { engagementId }) });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };

  return (
    <form onSubmit={submit} className="dialog-form participant-form" noValidate>
      {!participant && (
        <p className="hint participant-code-hint">A pseudonym code (P001, P002…) is assigned when you save.</p>
      )}
      <div className="participant-grid">
        <div ref={staffGroupRef}>
          <SelectField
            label="Staff group"
            required
            autoFocus
            value={staffGroup}
            placeholder="Choose a staff group…"
            options={staffGroupOptions}
            onChange={(e) => setStaffGroup(e.target.value as StaffGroup | '')}
          />
        </div>
        <Field label="Role" value={role} maxLength={200} onChange={(e) => setRole(e.target.value)} hint="For example “Consultant radiologist”." />
        <SuggestField label="Organisation type" value={organisationType} maxLength={200} suggestions={organisationTypeSuggestions} onChange={setOrganisationType} />
        <SuggestField label="Region" value={region} maxLength={120} suggestions={regionSuggestions} onChange={setRegion} />
      </div>

      <ConsentField value={consent} onChange={setConsent}>
        <Field label="Consent date" type="date" value={consentDate} onChange={(e) => setConsentDate(e.target.value)} className="short-date" />
      </ConsentField>

      {attributes.length > 0 && (
        <fieldset className="participant-attributes">
          <legend>Custom attributes</legend>
          <div className="participant-grid">
            {attributes.map((a) => (
              <AttributeInput
                key={a.id}
                attribute={a}
                value={values[a.id] ?? ''}
                onChange={(v) => setValues((old) => ({ ...old, [a.id]: v }))}
              />
            ))}
          </div>
        </fieldset>
      )}

      <div className="participant-private">
        <Field
          label="Real name (private)"
          value={realName}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setRealName(e.target.value)}
          hint="Optional. Shown only in this form: lists, notes and anonymous quotes use the code."
        />
      </div>

      <ErrorMessage error={error} />
      <div className="actions">
        {extraActions}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {participant ? 'Save changes' : 'Add participant'}
        </button>
      </div>
    </form>
  );
}
