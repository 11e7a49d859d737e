import { useId } from 'react';
import type { EngagementFilter, EngagementSort, EngagementTypeInfo } from '../../../shared/domain/engagement';
import { EngagementConditions } from './EngagementConditions';

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
      <EngagementConditions
        typeLabel="Type"
        types={types}
        value={{ type: filter.types?.[0] ?? '', organisation: filter.organisation ?? '', from: filter.from ?? '', to: filter.to ?? '' }}
        onChange={(c) => set({ types: c.type ? [c.type] : undefined, organisation: c.organisation || undefined, from: c.from || undefined, to: c.to || undefined })}
      />
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
