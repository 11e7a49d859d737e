import { useCallback, useMemo, useState } from 'react';
import type { AnalysisFilter, ThemeViewPassage, ThemeViewResult } from '../../../shared/domain/analysis';
import type { RpcError } from '../../../shared/rpc/result';
import { useQueries, type Answer } from '../../api/queries';

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

type Shown = Omit<ThemeViewData, 'ensure'>;
const NOTHING: Shown = { counts: null, passages: [], error: null, loading: false };

/**
 * The pages' answers as one sparse list. The counts come with every page; while the first page of a new
 * request is on its way, the last request's answer stays on screen (no flash of an empty list).
 */
function combinePages(pages: number[]) {
  return (answers: Answer<ThemeViewResult>[]): Shown => {
    const counts = answers[0]?.data?.counts ?? null;
    const error = answers.find((a) => a.error)?.error ?? null;
    if (!counts) return { ...NOTHING, error, loading: !error };
    const passages = new Array<ThemeViewPassage | undefined>(counts.passages);
    answers.forEach((answer, i) => answer.data?.passages.forEach((p, j) => (passages[pages[i]! * PAGE + j] = p)));
    return { counts, passages, error, loading: answers[0]?.loading ?? false };
  };
}

/**
 * The theme view's passages for a request, page by page as the list needs them, each page a query of
 * `themes.view`: a new request starts again from the top, and every page on screen follows the core's
 * announcements (a tag added in Search, a theme renamed).
 */
export function useThemeView(request: ThemeViewRequest | null): ThemeViewData {
  const requestKey = JSON.stringify(request);
  // The pages asked for, for the request they were asked for: a new request asks for its first page only.
  const [asked, setAsked] = useState<{ requestKey: string; pages: number[] }>({ requestKey, pages: [0] });
  const pages = useMemo(() => (asked.requestKey === requestKey ? asked.pages : [0]), [asked, requestKey]);
  const inputs = useMemo(
    () => (request ? pages.map((page) => ({ ...request, limit: PAGE, offset: page * PAGE })) : []),
    // The request's text stands for it: a new object with the same contents is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [requestKey, pages],
  );
  const combine = useMemo(() => combinePages(pages), [pages]);
  const shown = useQueries('themes.view', inputs, combine, { errorShownHere: true });

  const ensure = useCallback(
    (from: number, to: number) => {
      const wanted: number[] = [];
      for (let page = Math.floor(Math.max(from, 0) / PAGE); page <= Math.floor(Math.max(to, 0) / PAGE); page++) wanted.push(page);
      setAsked((current) => {
        const have = current.requestKey === requestKey ? current.pages : [0];
        const missing = wanted.filter((p) => !have.includes(p));
        return missing.length ? { requestKey, pages: [...have, ...missing] } : current;
      });
    },
    [requestKey],
  );
  return request ? { ...shown, ensure } : { ...NOTHING, ensure };
}
