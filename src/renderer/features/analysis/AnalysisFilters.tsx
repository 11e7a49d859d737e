import { useId } from 'react';
import type { AnalysisReviewer } from '../../../shared/domain/analysis';
import type { EngagementTypeInfo } from '../../../shared/domain/engagement';
import { staffGroupLabels, staffGroups } from '../../../shared/domain/participant';
import { isFiltering, noFilters, type FilterState } from './analysisState';

interface Props {
  value: FilterState;
  onChange: (value: FilterState) => void;
  types: EngagementTypeInfo[];
  reviewers: AnalysisReviewer[];
  /** Names the filter group, e.g. "Filter passages". */
  label: string;
}

/** Who said it, where, when, tagged by whom: the filters the theme view and search share. */
export function AnalysisFilters({ value, onChange, types, reviewers, label }: Props) {
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  return (
    <search className="filters analysis-filters" aria-label={label}>
      <div className="filter">
        <label htmlFor={`${id}-group`}>Staff group</label>
        <select id={`${id}-group`} value={value.staffGroup} onChange={(e) => set({ staffGroup: e.target.value })}>
          <option value="">All staff groups</option>
          {staffGroups.map((g) => (
            <option key={g} value={g}>
              {staffGroupLabels[g]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-type`}>Engagement type</label>
        <select id={`${id}-type`} value={value.engagementType} onChange={(e) => set({ engagementType: e.target.value })}>
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
        <input id={`${id}-org`} value={value.organisation} maxLength={300} placeholder="e.g. Moorfields" onChange={(e) => set({ organisation: e.target.value })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={value.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={value.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-reviewer`}>Reviewer</label>
        <select id={`${id}-reviewer`} value={value.reviewerId} onChange={(e) => set({ reviewerId: e.target.value })}>
          <option value="">Any reviewer</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.initials})
            </option>
          ))}
        </select>
      </div>
      <label className="check filter-check">
        <input type="checkbox" checked={value.keyQuotesOnly} onChange={(e) => set({ keyQuotesOnly: e.target.checked })} />
        Key quotes only
      </label>
      {isFiltering(value) && (
        <button type="button" className="quiet filter-clear" onClick={() => onChange(noFilters)}>
          Clear filters
        </button>
      )}
    </search>
  );
}
