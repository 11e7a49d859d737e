import { useMemo, useState, type RefObject } from 'react';
import type { SearchHit, SearchPlace } from '../../../shared/domain/analysis';
import { navigation } from '../../app/navigation';
import { formatShortcut } from '../../commands/shortcut';
import { TagDialog } from '../passages/TagDialog';
import { useTagWithTheme, type TagTarget, type ThemeChoice } from '../passages/useTagWithTheme';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AnalysisFilters } from './AnalysisFilters';
import { isFiltering, toFilter, type AnalysisState } from './analysisState';
import { count } from './format';
import { SEARCH_SHORTCUT } from './searchCommand';
import { placesOfHit, SearchHitRow } from './SearchHitRow';
import type { AnalysisOptions } from './useAnalysisOptions';
import { useSearch } from './useSearch';

interface Props {
  state: AnalysisState;
  update: (patch: Partial<AnalysisState>) => void;
  options: AnalysisOptions;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** What "Tag…" on a place tags: the sentence the match is in (the default), or only the words found. */
type Extent = 'sentence' | 'match';

const matchedWords = (place: SearchPlace) => place.snippet.filter((s) => s.match).map((s) => s.text)[0] ?? '';

/** Full-text search over every note and memo, filtered like the theme view; a hit can be opened or tagged. */
export function SearchPanel({ state, update, options, inputRef }: Props) {
  const filters = useMemo(() => toFilter(state.filters), [state.filters]);
  const results = useSearch(state.query, filters);
  const tagWith = useTagWithTheme();
  const [tagging, setTagging] = useState<{ hit: number; place: number } | null>(null);
  const [extent, setExtent] = useState<Extent>('sentence');
  const [tagError, setTagError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // Places tagged from here, by note and place: a second theme joins the passage made the first time.
  const [tagged, setTagged] = useState<ReadonlyMap<string, TaggedHere>>(new Map());
  const hit = tagging === null ? undefined : results.hits[tagging.hit];
  const place = hit && tagging ? placesOfHit(hit)[tagging.place] : undefined;
  const made = hit && place ? tagged.get(placeKey(hit, place)) : undefined;
  const change = (patch: Partial<AnalysisState>) => {
    setStatus('');
    update(patch);
  };

  const open = (h: SearchHit, p: SearchPlace) =>
    navigation.openNote({
      engagementId: h.source.engagementId,
      noteId: h.source.noteId,
      ...(h.passageId ? { passageId: h.passageId } : { range: { start: p.start, end: p.end } }),
    });

  const tag = async (choice: ThemeChoice) => {
    if (!tagging || !hit || !place) return;
    // A memo hit is its passage; a place tagged once here is that passage (a second theme joins it, no second passage).
    const passageId = hit.kind === 'memo' ? hit.passageId : made?.passageId;
    const range = extent === 'sentence' && place.sentence.end > place.sentence.start ? place.sentence : place;
    const target: TagTarget = passageId ? { passageId } : { noteId: hit.source.noteId, start: range.start, end: range.end };
    const result = await tagWith(target, choice);
    if (!result.ok) return setTagError(result.error.message);
    const { themeId, passage } = result.value;
    const key = placeKey(hit, place);
    setTagged((m) => new Map(m).set(key, { passageId: passage.id, quotedText: passage.quotedText, themeIds: [...(m.get(key)?.themeIds ?? []), themeId] }));
    const name = options.themes.get(themeId)?.name ?? ('create' in choice ? choice.create : 'the theme');
    setStatus(`Tagged “${passage.quotedText}” in ${hit.source.engagementTitle} with ${name}.`);
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
          <p>A word finds that word only: end it with * to find every word that starts so (train* finds training and trainees).</p>
          <p>Open a result in its note, or tag it with a theme from here.</p>
        </div>
      ) : results.query && !results.loading && results.total === 0 ? (
        <div className="empty analysis-empty">
          <p>
            <strong>Nothing found for “{results.query}”{isFiltering(state.filters) ? ' with these filters' : ''}.</strong>
          </p>
          <p>{isFiltering(state.filters) ? 'Clear a filter to widen the search, or try fewer words.' : 'A word finds that word only: try fewer words, or the start of a word with * (train* finds training).'}</p>
        </div>
      ) : (
        <div className="result-scroll">
          <ol className="search-results" aria-label="Search results">
            {results.hits.map((h, i) => (
              <SearchHitRow
                key={`${h.kind}-${h.passageId ?? h.source.noteId}`}
                hit={withTagged(h, tagged)}
                themes={options.themes}
                typeLabel={options.typeLabel}
                onOpen={(p) => open(h, p)}
                onTag={(p) => {
                  setTagError(null);
                  setStatus('');
                  setExtent('sentence');
                  setTagging({ hit: i, place: p });
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
        open={place !== undefined}
        themes={options.themes}
        already={[...(place?.themeIds ?? []), ...(made?.themeIds ?? [])]}
        lead={hit && place && <TagExtent hit={hit} place={place} made={made} extent={extent} onChange={setExtent} />}
        error={tagError}
        onChoose={(choice) => void tag(choice)}
        onClose={() => setTagging(null)}
      />
    </div>
  );
}

/** A passage made (or tagged) from a place of a hit here, and the themes it was given. */
interface TaggedHere {
  passageId: string;
  quotedText: string;
  themeIds: string[];
}

const placeKey = (hit: SearchHit, place: SearchPlace) => `${hit.kind}:${hit.passageId ?? hit.source.noteId}:${place.start}`;

/** A hit as shown, with what was tagged from it here (until the next search answers with it). */
function withTagged(hit: SearchHit, tagged: ReadonlyMap<string, TaggedHere>): SearchHit {
  if (tagged.size === 0) return hit;
  const add = <P extends SearchPlace>(place: P): P => {
    const made = tagged.get(placeKey(hit, place));
    if (!made) return place;
    return { ...place, themeIds: [...new Set([...place.themeIds, ...made.themeIds])], passageIds: [...new Set([...place.passageIds, made.passageId])] };
  };
  return { ...add(hit), places: hit.places.map(add) };
}

/**
 * What a search hit's "Tag…" will tag, said before the theme is chosen: the sentence the match is in (one word is
 * rarely the passage a reviewer wants), or only the words found. A memo hit tags its passage as it is.
 */
function TagExtent({ hit, place, made, extent, onChange }: { hit: SearchHit; place: SearchPlace; made?: TaggedHere; extent: Extent; onChange: (e: Extent) => void }) {
  if (hit.kind === 'memo' || made) {
    return <p className="tag-extent-lead">Tagging the passage “{made?.quotedText ?? place.sentenceText}”</p>;
  }
  const words = matchedWords(place);
  const sentence = place.sentenceText;
  if (!sentence || sentence === words) return <p className="tag-extent-lead">Tagging “{words}”</p>;
  return (
    <fieldset className="tag-extent">
      <legend>Tag</legend>
      <label>
        <input type="radio" name="tag-extent" checked={extent === 'sentence'} onChange={() => onChange('sentence')} />
        the sentence: “{sentence}”
      </label>
      <label>
        <input type="radio" name="tag-extent" checked={extent === 'match'} onChange={() => onChange('match')} />
        only the words found: “{words}”
      </label>
    </fieldset>
  );
}
