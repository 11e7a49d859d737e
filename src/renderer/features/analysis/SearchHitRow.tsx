import { useId } from 'react';
import type { SearchHit, SearchPlace } from '../../../shared/domain/analysis';
import type { ThemeIndex } from '../themes/useThemeIndex';
import { evidencePicker } from '../findings/links';
import { ConsentSign, UnknownConsentSign } from '../participants/ConsentSign';
import { ThemeChips } from '../themes/ThemeChip';
import { count, sourceLine, speakerLine } from './format';

interface Props {
  hit: SearchHit;
  themes: ThemeIndex;
  typeLabel: (id: string) => string;
  onOpen: (place: SearchPlace) => void;
  onTag: (place: number) => void;
}

/**
 * The places a hit lists: a note hit every place the search matched in it (the core lists them in order), a memo
 * hit its one passage. A note hit with no place to show (its match could not be placed) shows the hit itself.
 */
export const placesOfHit = (hit: SearchHit): SearchPlace[] => (hit.kind === 'note' && hit.places.length > 0 ? hit.places : [hit]);

/**
 * One search hit: a note (or a passage's memo) with every place it matched grouped under it, each place with the
 * words around the match (matches marked), who says it (with the consent sign if they are not for quotation), and
 * what to do with it. A match inside tagged passages (or in a passage's memo) can go to a finding as it is;
 * elsewhere, tag it first.
 */
export function SearchHitRow({ hit, themes, typeLabel, onOpen, onTag }: Props) {
  const places = placesOfHit(hit);
  const headId = useId();
  const more = hit.placeCount - places.length;
  return (
    <li className="result search-hit" aria-labelledby={headId}>
      <div className="result-head search-hit-head">
        <span className="badge">{hit.kind === 'memo' ? '✎ In a passage’s memo' : 'In the note'}</span>
        <span className="search-hit-source" id={headId}>
          {sourceLine(hit.source, typeLabel)}
        </span>
        {hit.kind === 'note' && places.length > 1 && <span className="search-hit-count">{count(hit.placeCount, 'place')}</span>}
      </div>
      <ol className="search-places" aria-label={`Places in ${hit.source.noteTitle || hit.source.engagementTitle}`}>
        {places.map((place, i) => (
          <PlaceRow key={`${place.start}-${i}`} hit={hit} place={place} themes={themes} onOpen={() => onOpen(place)} onTag={() => onTag(i)} />
        ))}
      </ol>
      {more > 0 && <p className="search-hit-more">{count(more, 'more place', 'more places')} in this note, not listed: add a word to narrow the search.</p>}
    </li>
  );
}

function PlaceRow({ hit, place, themes, onOpen, onTag }: { hit: SearchHit; place: SearchPlace; themes: ThemeIndex; onOpen: () => void; onTag: () => void }) {
  const placeless = hit.kind === 'note' && place.end <= place.start;
  const snippetId = useId();
  return (
    <li className="search-place">
      {place.themeIds.length > 0 && (
        <div className="result-head">
          <span className="result-tagged">{hit.kind === 'memo' ? 'Passage tagged' : 'Tagged'}</span>
          <ThemeChips ids={place.themeIds} themes={themes} />
        </div>
      )}
      <p className="result-quote search-snippet" id={snippetId}>
        {place.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
      </p>
      <div className="result-foot">
        <p className="result-source">
          <span className={place.speaker ? 'result-speaker' : 'result-speaker none'}>{speakerLine(place.speaker)}</span>
          {place.speaker?.consent === 'none' && <ConsentSign code={place.speaker.code} />}
          {place.speaker && place.speaker.consent === null && <UnknownConsentSign code={place.speaker.code} />}
        </p>
        <div className="result-actions">
          <button type="button" onClick={onTag} disabled={placeless} aria-describedby={snippetId}>
            Tag…
          </button>
          {place.passageIds.length > 0 && (
            <button type="button" onClick={() => evidencePicker.emit({ passageIds: place.passageIds })} aria-describedby={snippetId}>
              Add to finding…
            </button>
          )}
          <button type="button" className="result-open" onClick={onOpen} aria-describedby={snippetId}>
            Open in note
          </button>
        </div>
      </div>
    </li>
  );
}
