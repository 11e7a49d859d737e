import { useId } from 'react';
import type { AnalysisReviewer } from '../../../shared/domain/analysis';
import type { EngagementTypeInfo } from '../../../shared/domain/engagement';
import { staffGroupLabels, staffGroups } from '../../../shared/domain/participant';
import { EngagementConditions } from '../engagements/EngagementConditions';
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
      <EngagementConditions
        typeLabel="Engagement type"
        organisationHint="e.g. Moorfields"
        types={types}
        value={{ type: value.engagementType, organisation: value.organisation, from: value.from, to: value.to }}
        onChange={({ type, ...rest }) => set({ engagementType: type, ...rest })}
      />
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
