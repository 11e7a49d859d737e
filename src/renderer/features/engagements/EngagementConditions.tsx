import { useId } from 'react';
import type { EngagementTypeInfo } from '../../../shared/domain/engagement';

/** What the engagement list and the analysis screens both filter engagements by, as typed ('' for any). */
export interface EngagementConditionValues {
  type: string;
  organisation: string;
  from: string;
  to: string;
}

interface Props {
  value: EngagementConditionValues;
  onChange: (value: EngagementConditionValues) => void;
  types: EngagementTypeInfo[];
  /** "Type" beside the engagement list's other filters; "Engagement type" among the analysis filters. */
  typeLabel: string;
  organisationHint?: string;
}

/** An engagement's type, organisation and dates: the filter fields the engagement list and the analysis filters share. */
export function EngagementConditions({ value, onChange, types, typeLabel, organisationHint }: Props) {
  const id = useId();
  const set = (patch: Partial<EngagementConditionValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <div className="filter">
        <label htmlFor={`${id}-type`}>{typeLabel}</label>
        <select id={`${id}-type`} value={value.type} onChange={(e) => set({ type: e.target.value })}>
          <option value="">All types</option>
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-org`}>Organisation</label>
        <input id={`${id}-org`} value={value.organisation} maxLength={300} placeholder={organisationHint} onChange={(e) => set({ organisation: e.target.value })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
    </>
  );
}
