import type { AnalysisFilter } from '../../../shared/domain/analysis';

export type AnalysisTab = 'themes' | 'search' | 'matrix' | 'cooccurrence' | 'coverage';

/** The filter bar as typed: '' means "any". */
export interface FilterState {
  staffGroup: string;
  engagementType: string;
  organisation: string;
  from: string;
  to: string;
  reviewerId: string;
  keyQuotesOnly: boolean;
}

export const noFilters: FilterState = { staffGroup: '', engagementType: '', organisation: '', from: '', to: '', reviewerId: '', keyQuotesOnly: false };

export const isFiltering = (f: FilterState) => Object.keys(toFilter(f)).length > 0;

/** What the core is asked for: only the filters that are set (a half-typed date is left out). */
export function toFilter(f: FilterState): AnalysisFilter {
  const date = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  const from = date(f.from);
  const to = date(f.to);
  return {
    ...(f.staffGroup && { staffGroups: [f.staffGroup] }),
    ...(f.engagementType && { engagementTypes: [f.engagementType] }),
    ...(f.organisation.trim() && { organisation: f.organisation.trim().slice(0, 300) }),
    ...(from && { from }),
    ...(to && { to }),
    ...(f.reviewerId && { reviewerIds: [f.reviewerId] }),
    ...(f.keyQuotesOnly && { keyQuotesOnly: true }),
  };
}

export interface AnalysisState {
  tab: AnalysisTab;
  filters: FilterState;
  themeIds: string[];
  mode: 'any' | 'all';
  includeSubthemes: boolean;
  query: string;
}

export const initialState: AnalysisState = { tab: 'themes', filters: noFilters, themeIds: [], mode: 'any', includeSubthemes: true, query: '' };

/**
 * What the Analysis area showed last, per workspace: "Open in note" leaves the
 * area, and coming back should find the same themes, filters and search.
 */
const remembered = new Map<string, AnalysisState>();

export const recall = (workspacePath: string): AnalysisState => remembered.get(workspacePath) ?? initialState;
export const remember = (workspacePath: string, state: AnalysisState): void => {
  remembered.set(workspacePath, state);
};
