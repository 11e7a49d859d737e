import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisFilter, ThemeViewPassage, ThemeViewResult } from '../../../shared/domain/analysis';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';

export interface ThemeViewRequest {
  themeIds: string[];
  mode: 'any' | 'all';
  includeSubthemes: boolean;
  filters: AnalysisFilter;
}

/** Passages fetched at a time: a screenful many times over, and a quick answer from the core. */
export const PAGE = 200;

export interface ThemeViewData {
  counts: ThemeViewResult['counts'] | null;
  /** Sparse: a page is filled in when the list scrolls near it. */
  passages: (ThemeViewPassage | undefined)[];
  error: RpcError | null;
  loading: boolean;
  /** Make sure the passages from..to (inclusive) are loaded or on their way. */
  ensure: (from: number, to: number) => void;
}

/**
 * The theme view's passages for a request, page by page as the list needs
 * them. The counts come with every page; a new request (themes, mode,
 * filters) or a new `refresh` starts again from the top and drops answers to
 * the old one.
 */
export function useThemeView(request: ThemeViewRequest | null, refresh = 0): ThemeViewData {
  const key = request ? `${refresh} ${JSON.stringify(request)}` : '';
  const [state, setState] = useState<{ key: string; counts: ThemeViewData['counts']; passages: ThemeViewData['passages']; error: RpcError | null }>({
    key: '',
    counts: null,
    passages: [],
    error: null,
  });
  const requested = useRef(new Set<number>());
  const keyRef = useRef(key);

  const load = useCallback((page: number) => {
    const current = keyRef.current;
    if (!current || requested.current.has(page)) return;
    requested.current.add(page);
    void api()
      .call('themes.view', { ...(JSON.parse(current.slice(current.indexOf(' ') + 1)) as ThemeViewRequest), limit: PAGE, offset: page * PAGE })
      .then((result) => {
        if (keyRef.current !== current) return;
        if (!result.ok) {
          requested.current.delete(page);
          return setState((s) => ({ ...(s.key === current ? s : { counts: null, passages: [] }), key: current, error: result.error }));
        }
        setState((s) => {
          const { counts } = result.value;
          const passages = s.key === current && s.passages.length === counts.passages ? [...s.passages] : new Array<ThemeViewPassage | undefined>(counts.passages);
          result.value.passages.forEach((p, i) => (passages[page * PAGE + i] = p));
          return { key: current, counts, passages, error: null };
        });
      });
  }, []);

  useEffect(() => {
    keyRef.current = key;
    requested.current = new Set();
    load(0);
  }, [key, load]);

  const ensure = useCallback(
    (from: number, to: number) => {
      for (let page = Math.floor(Math.max(from, 0) / PAGE); page <= Math.floor(Math.max(to, 0) / PAGE); page++) load(page);
    },
    [load],
  );
  // While a new request is on its way the last answer stays on screen (no flash of an empty list).
  const current = Boolean(key) && state.key === key;
  const shown = key ? state : { counts: null, passages: [], error: null };
  return { counts: shown.counts, passages: shown.passages, error: current ? state.error : null, loading: Boolean(key) && !current, ensure };
}
