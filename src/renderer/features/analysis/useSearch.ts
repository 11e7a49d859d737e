import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisFilter, SearchHit } from '../../../shared/domain/analysis';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';

/** Hits fetched at a time; "Show more" asks for the next lot. */
export const SEARCH_PAGE = 50;
/** Typing pauses this long before the search runs. */
const DEBOUNCE_MS = 250;

export interface SearchData {
  /** The query the hits answer (trimmed); '' before any search. */
  query: string;
  total: number;
  hits: SearchHit[];
  error: RpcError | null;
  loading: boolean;
  more: () => void;
  /** Change one hit in place (after it is tagged). */
  replace: (index: number, hit: SearchHit) => void;
}

/** Search as the person types (after a short pause), with the filters; later pages on request. */
export function useSearch(text: string, filters: AnalysisFilter): SearchData {
  const query = text.trim();
  const key = query ? JSON.stringify({ query, filters }) : '';
  const [state, setState] = useState({ key: '', query: '', total: 0, hits: [] as SearchHit[], error: null as RpcError | null, loading: false });
  const latest = useRef(key);

  const fetch = useCallback((forKey: string, offset: number) => {
    const { query: q, filters: f } = JSON.parse(forKey) as { query: string; filters: AnalysisFilter };
    setState((s) => ({ ...s, loading: true }));
    void api()
      .call('search.query', { query: q, filters: f, limit: SEARCH_PAGE, offset })
      .then((result) => {
        if (latest.current !== forKey) return;
        setState((s) =>
          result.ok
            ? { key: forKey, query: q, total: result.value.total, hits: offset ? [...s.hits, ...result.value.hits] : result.value.hits, error: null, loading: false }
            : { ...s, error: result.error, loading: false },
        );
      });
  }, []);

  useEffect(() => {
    latest.current = key;
    if (!key) return;
    const timer = setTimeout(() => fetch(key, 0), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, fetch]);

  const current = key && state.key === key;
  const more = useCallback(() => {
    if (latest.current) fetch(latest.current, state.hits.length);
  }, [fetch, state.hits.length]);
  const replace = useCallback((index: number, hit: SearchHit) => {
    setState((s) => ({ ...s, hits: s.hits.map((h, i) => (i === index ? hit : h)) }));
  }, []);
  return {
    query: key ? state.query : '',
    total: key ? state.total : 0,
    hits: key ? state.hits : [],
    error: key ? state.error : null,
    loading: Boolean(key) && (!current || state.loading),
    more,
    replace,
  };
}
