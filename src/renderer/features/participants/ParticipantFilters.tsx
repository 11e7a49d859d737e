import {
  consentLabels,
  consentLevels,
  staffGroupLabels,
  staffGroups,
  type AttributeDefinition,
  type Consent,
  type ParticipantFilters,
  type StaffGroup,
} from '../../../shared/domain/participant';
import { Field } from '../../ui/Field';
import { AttributeInput, SelectField } from './fields';

/** The filter bar as typed: every control's raw value, '' meaning "any". */
export interface FilterState {
  query: string;
  staffGroup: string;
  consent: string;
  engagementId: string;
  attributeId: string;
  attributeValue: string;
}

export const noFilters: FilterState = {
  query: '',
  staffGroup: '',
  consent: '',
  engagementId: '',
  attributeId: '',
  attributeValue: '',
};

/** Whether any filter narrows the list (an attribute chosen without a value does not). */
export const isFiltering = (f: FilterState) => Object.keys(toFilters(f)).length > 0;

/** What the core is asked for: only the filters that are set. */
export function toFilters(f: FilterState): ParticipantFilters {
  return {
    ...(f.query.trim() && { query: f.query.trim().slice(0, 200) }),
    ...(f.staffGroup && { staffGroup: f.staffGroup as StaffGroup }),
    ...(f.consent && { consent: f.consent as Consent }),
    ...(f.engagementId && { engagementId: f.engagementId }),
    ...(f.attributeId && f.attributeValue.trim() && { attribute: { attributeId: f.attributeId, value: f.attributeValue.trim() } }),
  };
}

interface Props {
  value: FilterState;
  onChange: (value: FilterState) => void;
  attributes: AttributeDefinition[];
  engagements: { id: string; title: string }[];
}

export function ParticipantFilterBar({ value, onChange, attributes, engagements }: Props) {
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const attribute = attributes.find((a) => a.id === value.attributeId);
  return (
    <search className="participant-filters" aria-label="Filter participants">
      <Field label="Search" type="search" value={value.query} placeholder="Code, role, organisation or region" maxLength={200} onChange={(e) => set({ query: e.target.value })} />
      <SelectField
        label="Staff group"
        value={value.staffGroup}
        placeholder="Any staff group"
        options={staffGroups.map((g) => ({ value: g, label: staffGroupLabels[g] }))}
        onChange={(e) => set({ staffGroup: e.target.value })}
      />
      <SelectField
        label="Consent"
        value={value.consent}
        placeholder="Any consent"
        options={consentLevels.map((c) => ({ value: c, label: consentLabels[c] }))}
        onChange={(e) => set({ consent: e.target.value })}
      />
      {engagements.length > 0 && (
        <SelectField
          label="Engagement"
          value={value.engagementId}
          placeholder="Any engagement"
          options={engagements.map((e) => ({ value: e.id, label: e.title }))}
          onChange={(e) => set({ engagementId: e.target.value })}
        />
      )}
      {attributes.length > 0 && (
        <SelectField
          label="Attribute"
          value={value.attributeId}
          placeholder="Any attribute"
          options={attributes.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(e) => set({ attributeId: e.target.value, attributeValue: '' })}
        />
      )}
      {attribute && (
        <AttributeInput
          attribute={attribute}
          label={attribute.kind === 'text' ? `${attribute.name} contains` : `${attribute.name} is`}
          emptyLabel="Any value"
          value={value.attributeValue}
          onChange={(attributeValue) => set({ attributeValue })}
        />
      )}
      {Object.values(value).some((v) => v !== '') && (
        <button type="button" className="quiet participant-filters-clear" onClick={() => onChange(noFilters)}>
          Clear filters
        </button>
      )}
    </search>
  );
}
