import { useId } from 'react';
import type { SearchHit } from '../../../shared/domain/analysis';
import type { ThemeIndex } from '../themes/useThemeIndex';
import { evidencePicker } from '../findings/links';
import { ThemeChip } from '../themes/ThemeChip';
import { sourceLine, speakerLine } from './format';

interface Props {
  hit: SearchHit;
  themes: ThemeIndex;
  typeLabel: (id: string) => string;
  onOpen: () => void;
  onTag: () => void;
}

/**
 * One search hit: the words around the match (matches marked), who and where, and what to do with it. A match
 * inside tagged passages (or in a passage's memo) can go to a finding as it is; elsewhere, tag it first.
 */
export function SearchHitRow({ hit, themes, typeLabel, onOpen, onTag }: Props) {
  const { source } = hit;
  const placeless = hit.kind === 'note' && hit.end <= hit.start;
  const snippetId = useId();
  return (
    <li className="result search-hit">
      <div className="result-head">
        <span className="badge">{hit.kind === 'memo' ? '✎ In a passage’s memo' : 'In the note'}</span>
        {hit.themeIds.length > 0 && (
          <>
            <span className="result-tagged">{hit.kind === 'memo' ? 'Passage tagged' : 'Tagged'}</span>
            <ul className="result-themes" aria-label="Themes">
              {hit.themeIds.map((id) => (
                <li key={id}>
                  <ThemeChip name={themes.get(id)?.name ?? '…'} colour={themes.get(id)?.colour ?? '#7F7F7F'} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p className="result-quote search-snippet" id={snippetId}>
        {hit.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
      </p>
      <div className="result-foot">
        <p className="result-source">
          <span className={hit.speaker ? 'result-speaker' : 'result-speaker none'}>{speakerLine(hit.speaker)}</span>
          <span>{sourceLine(source, typeLabel)}</span>
        </p>
        <div className="result-actions">
          <button type="button" onClick={onTag} disabled={placeless} aria-describedby={snippetId}>
            Tag…
          </button>
          {hit.passageIds.length > 0 && (
            <button type="button" onClick={() => evidencePicker.emit({ passageIds: hit.passageIds })} aria-describedby={snippetId}>
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
