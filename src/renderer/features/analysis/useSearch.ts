import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnalysisFilter, SearchHit, SearchResult } from '../../../shared/domain/analysis';
import type { RpcError } from '../../../shared/rpc/result';
import { useQueries, type Answer } from '../../api/queries';

/** Hits fetched at a time; "Show more" asks for the next lot. */
export const SEARCH_PAGE = 50;
/** Typing pauses this long before the search runs. */
export const SEARCH_PAUSE_MS = 250;

export interface SearchData {
  /** The query the hits answer (trimmed); '' before any search. */
  query: string;
  total: number;
  hits: SearchHit[];
  error: RpcError | null;
  loading: boolean;
  more: () => void;
}

interface Asked {
  query: string;
  filters: AnalysisFilter;
  /** What names this search among others (its query and filters as text); compared, never parsed. */
  key: string;
}

const combineHits = (answers: Answer<SearchResult>[]) => ({
  total: answers[0]?.data?.total ?? 0,
  hits: answers.flatMap((a) => a.data?.hits ?? []),
  error: answers.find((a) => a.error)?.error ?? null,
  loading: answers.some((a) => a.loading),
});

/**
 * Search as the person types (after a short pause), with the filters; later pages on request, each a query of
 * `search.query`, so a tag or an edit elsewhere refreshes what is shown.
 */
export function useSearch(text: string, filters: AnalysisFilter): SearchData {
  const query = text.trim();
  const key = query ? JSON.stringify({ query, filters }) : '';
  const [asked, setAsked] = useState<Asked | null>(null);
  useEffect(() => {
    if (!key) return;
    const timer = setTimeout(() => setAsked({ query, filters, key }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
    // The key stands for the query and filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Pages shown, for the search they belong to.
  const [pages, setPages] = useState({ key: '', count: 1 });
  // The last search asked for stays on screen while the next is typed; an empty box shows (and asks) nothing.
  const askedKey = key && asked ? asked.key : '';
  const count = pages.key === askedKey ? pages.count : 1;
  const inputs = useMemo(
    () => (askedKey && asked ? Array.from({ length: count }, (_, page) => ({ query: asked.query, filters: asked.filters, limit: SEARCH_PAGE, offset: page * SEARCH_PAGE })) : []),
    [asked, askedKey, count],
  );
  const found = useQueries('search.query', inputs, combineHits, { errorShownHere: true });

  const more = useCallback(() => setPages((p) => ({ key: askedKey, count: (p.key === askedKey ? p.count : 1) + 1 })), [askedKey]);
  const current = Boolean(key) && askedKey === key;
  return {
    query: askedKey && asked ? asked.query : '',
    total: key ? found.total : 0,
    hits: key ? found.hits : [],
    error: key ? found.error : null,
    loading: Boolean(key) && (!current || found.loading),
    more,
  };
}
