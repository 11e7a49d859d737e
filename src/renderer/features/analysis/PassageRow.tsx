import type { ThemeViewPassage } from '../../../shared/domain/analysis';
import type { ThemeIndex } from '../themes/useThemeIndex';
import { ConsentSign } from '../participants/ConsentSign';
import { CitedIn } from '../findings/CitedIn';
import { ThemeChip } from '../themes/ThemeChip';
import { sourceLine, speakerLine } from './format';

interface Props {
  passage: ThemeViewPassage;
  themes: ThemeIndex;
  typeLabel: (id: string) => string;
  /** The row in the Tab order: its button is too. */
  active: boolean;
  onOpen: () => void;
}

/** One passage of the theme view: its themes, the quote in its context, who said it, where and when. */
export function PassageRow({ passage, themes, typeLabel, active, onOpen }: Props) {
  const { source } = passage;
  return (
    <>
      <div className="result-head">
        <ul className="result-themes" aria-label="Themes">
          {passage.themeIds.map((id) => {
            const theme = themes.get(id);
            return (
              <li key={id}>
                <ThemeChip name={theme?.name ?? '…'} colour={theme?.colour ?? '#7F7F7F'} />
              </li>
            );
          })}
        </ul>
        {passage.keyQuote && <span className="badge badge-key">★ Key quote</span>}
        {passage.participant?.consent === 'none' && <ConsentSign code={passage.participant.code} />}
        {passage.memo && <span className="badge">✎ Memo</span>}
        {passage.detached && <span className="badge badge-detached">Detached: its text was deleted from the note</span>}
      </div>
      <p className="result-quote">
        {passage.before && <span className="result-context">{passage.before}</span>}
        <span className="result-passage">{passage.quotedText}</span>
        {passage.after && <span className="result-context">{passage.after}</span>}
      </p>
      {passage.memo && (
        <p className="result-memo">
          <span className="visually-hidden">Memo: </span>
          {passage.memo}
        </p>
      )}
      <div className="result-foot">
        <p className="result-source">
          <span className={passage.participant ? 'result-speaker' : 'result-speaker none'}>{speakerLine(passage.participant)}</span>
          <span>{sourceLine(source, typeLabel)}</span>
        </p>
        <CitedIn passageId={passage.passageId} tabIndex={active ? 0 : -1} />
        <button type="button" className="result-open" tabIndex={active ? 0 : -1} onClick={onOpen}>
          Open in note <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </>
  );
}
