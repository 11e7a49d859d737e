import { useMemo, useState, type RefObject } from 'react';
import type { SearchHit } from '../../../shared/domain/analysis';
import type { Passage } from '../../../shared/domain/passage';
import { api } from '../../api/client';
import { navigation } from '../../app/navigation';
import { formatShortcut } from '../../commands/shortcut';
import { TagDialog } from '../passages/TagDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AnalysisFilters } from './AnalysisFilters';
import { isFiltering, toFilter, type AnalysisState } from './analysisState';
import { count } from './format';
import { SEARCH_SHORTCUT } from './searchCommand';
import { SearchHitRow } from './SearchHitRow';
import type { AnalysisOptions } from './useAnalysisOptions';
import { useSearch } from './useSearch';

interface Props {
  state: AnalysisState;
  update: (patch: Partial<AnalysisState>) => void;
  options: AnalysisOptions;
  inputRef: RefObject<HTMLInputElement | null>;
}

const snippetText = (hit: SearchHit) => hit.snippet.filter((s) => s.match).map((s) => s.text)[0] ?? '';

/** Full-text search over every note and memo, filtered like the theme view; a hit can be opened or tagged. */
export function SearchPanel({ state, update, options, inputRef }: Props) {
  const filters = useMemo(() => toFilter(state.filters), [state.filters]);
  const results = useSearch(state.query, filters);
  const [tagging, setTagging] = useState<number | null>(null);
  const [tagError, setTagError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const hit = tagging === null ? null : results.hits[tagging];
  const change = (patch: Partial<AnalysisState>) => {
    setStatus('');
    update(patch);
  };

  const open = (h: SearchHit) =>
    navigation.openNote({
      engagementId: h.source.engagementId,
      noteId: h.source.noteId,
      ...(h.passageId ? { passageId: h.passageId } : { range: { start: h.start, end: h.end } }),
    });

  const tag = async (choice: { id: string } | { create: string }) => {
    if (tagging === null || !hit) return;
    const target: { passageId: string } | { noteId: string; start: number; end: number } = hit.passageId
      ? { passageId: hit.passageId }
      : { noteId: hit.source.noteId, start: hit.start, end: hit.end };
    let tagged: { passage: Passage; themeId: string };
    if ('create' in choice) {
      // A theme named in the picker is the core's to find or create, in the same call as the tag.
      const result = await api().call('passages.tagWithNewTheme', { name: choice.create, target });
      if (!result.ok) return setTagError(result.error.message);
      tagged = { passage: result.value.passage, themeId: result.value.theme.id };
    } else {
      const result =
        'passageId' in target
          ? await api().call('passages.tag', { passageId: target.passageId, themeId: choice.id })
          : await api().call('passages.createFromRange', { ...target, themeIds: [choice.id] });
      if (!result.ok) return setTagError(result.error.message);
      tagged = { passage: result.value, themeId: choice.id };
    }
    const { themeId } = tagged;
    // Remember the passage a hit became, so a second theme tags it rather than making another passage.
    const passageId = tagged.passage.id;
    results.replace(tagging, { ...hit, passageId, themeIds: [...new Set([...hit.themeIds, themeId])] });
    const name = options.themes.get(themeId)?.name ?? ('create' in choice ? choice.create : 'the theme');
    setStatus(`Tagged “${snippetText(hit)}” in ${hit.source.engagementTitle} with ${name}.`);
    setTagging(null);
  };

  return (
    <div className="analysis-panel">
      <div className="search-box">
        <label htmlFor="analysis-search">Search notes and memos</label>
        <div className="search-input-row">
          <input
            id="analysis-search"
            ref={inputRef}
            type="search"
            value={state.query}
            maxLength={500}
            placeholder="Words, “a phrase”, or the start of a word*"
            aria-describedby="analysis-search-hint"
            onChange={(e) => change({ query: e.target.value })}
          />
          <kbd aria-hidden="true">{formatShortcut(SEARCH_SHORTCUT)}</kbd>
        </div>
        <p id="analysis-search-hint" className="hint">
          Every word must be found. Put a phrase in “quotes”; end a word with * to find words that start so (train* finds training).
          Accents and capitals do not matter.
        </p>
      </div>
      <AnalysisFilters label="Filter search results" value={state.filters} onChange={(f) => change({ filters: f })} types={options.types} reviewers={options.reviewers} />
      <ErrorMessage error={results.error} />
      <p className="analysis-counts" role="status">
        {status || (results.query ? (results.loading ? 'Searching…' : `${count(results.total, 'result')} for “${results.query}”`) : '')}
      </p>
      {!state.query.trim() ? (
        <div className="empty analysis-empty">
          <p>
            <strong>Type words to search every note and memo.</strong>
          </p>
          <p>Open a result in its note, or tag it with a theme from here.</p>
        </div>
      ) : results.query && !results.loading && results.total === 0 ? (
        <div className="empty analysis-empty">
          <p>
            <strong>Nothing found for “{results.query}”{isFiltering(state.filters) ? ' with these filters' : ''}.</strong>
          </p>
          <p>{isFiltering(state.filters) ? 'Clear a filter to widen the search, or try fewer words.' : 'Try fewer words, or the start of a word with *.'}</p>
        </div>
      ) : (
        <div className="result-scroll">
          <ol className="search-results" aria-label="Search results">
            {results.hits.map((h, i) => (
              <SearchHitRow
                key={`${h.kind}-${h.passageId ?? h.source.noteId}`}
                hit={h}
                themes={options.themes}
                typeLabel={options.typeLabel}
                onOpen={() => open(h)}
                onTag={() => {
                  setTagError(null);
                  setStatus('');
                  setTagging(i);
                }}
              />
            ))}
          </ol>
          {results.hits.length < results.total && (
            <button type="button" className="search-more" onClick={results.more} disabled={results.loading}>
              Show more results ({count(results.total - results.hits.length, 'more', 'more')})
            </button>
          )}
        </div>
      )}
      <TagDialog
        open={hit !== null && hit !== undefined}
        themes={options.themes}
        already={hit?.themeIds ?? []}
        error={tagError}
        onChoose={(choice) => void tag(choice)}
        onClose={() => setTagging(null)}
      />
    </div>
  );
}
