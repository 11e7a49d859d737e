import { useId } from 'react';
import type { EngagementFilter, EngagementSort, EngagementTypeInfo } from '../../../shared/domain/engagement';

const sorts: { id: EngagementSort; label: string }[] = [
  { id: 'date_desc', label: 'Newest first' },
  { id: 'date_asc', label: 'Oldest first' },
  { id: 'title', label: 'Title' },
  { id: 'type', label: 'Type' },
  { id: 'organisation', label: 'Organisation' },
];

interface Props {
  filter: EngagementFilter;
  types: EngagementTypeInfo[];
  onChange: (filter: EngagementFilter) => void;
}

/** Search, type, organisation, date range and sort for the engagement list. */
export function EngagementFilters({ filter, types, onChange }: Props) {
  const id = useId();
  const set = (patch: Partial<EngagementFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="filters" role="search" aria-label="Filter engagements">
      <div className="filter">
        <label htmlFor={`${id}-q`}>Search</label>
        <input id={`${id}-q`} type="search" value={filter.query ?? ''} onChange={(e) => set({ query: e.target.value || undefined })} placeholder="Title, place or organisation" />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={filter.types?.[0] ?? ''} onChange={(e) => set({ types: e.target.value ? [e.target.value] : undefined })}>
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
        <input id={`${id}-org`} value={filter.organisation ?? ''} onChange={(e) => set({ organisation: e.target.value || undefined })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-sort`}>Sort by</label>
        <select id={`${id}-sort`} value={filter.sort ?? 'date_desc'} onChange={(e) => set({ sort: e.target.value as EngagementSort })}>
          {sorts.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
