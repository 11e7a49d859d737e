import type { ThemeViewPassage } from '../../../shared/domain/analysis';
import type { ThemeIndex } from '../themes/useThemeIndex';
import { ConsentSign, UnknownConsentSign } from '../participants/ConsentSign';
import { CitedIn } from '../findings/CitedIn';
import { ThemeChips } from '../themes/ThemeChip';
import { PassageSource, QuoteInContext } from './PassageQuote';

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
  return (
    <>
      <div className="result-head">
        <ThemeChips ids={passage.themeIds} themes={themes} />
        {passage.keyQuote && <span className="badge badge-key">★ Key quote</span>}
        {passage.participant?.consent === 'none' && <ConsentSign code={passage.participant.code} />}
        {passage.unknownSpeaker && <UnknownConsentSign code={passage.unknownSpeaker} />}
        {passage.memo && <span className="badge">✎ Memo</span>}
        {passage.detached && <span className="badge badge-detached">Detached: its text was deleted from the note</span>}
      </div>
      <QuoteInContext passage={passage} />
      {passage.memo && (
        <p className="result-memo">
          <span className="visually-hidden">Memo: </span>
          {passage.memo}
        </p>
      )}
      <div className="result-foot">
        <PassageSource passage={passage} typeLabel={typeLabel} />
        <CitedIn passageId={passage.passageId} tabIndex={active ? 0 : -1} />
        <button type="button" className="result-open" tabIndex={active ? 0 : -1} onClick={onOpen}>
          Open in note <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </>
  );
}
