import type { ThemeViewPassage } from '../../../shared/domain/analysis';
import { sourceLine, speakerLine } from './format';

/** A passage's words in their place in the note: the text before and after it, quieter, on either side. */
export function QuoteInContext({ passage }: { passage: Pick<ThemeViewPassage, 'before' | 'quotedText' | 'after'> }) {
  return (
    <p className="result-quote">
      {passage.before && <span className="result-context">{passage.before}</span>}
      <span className="result-passage">{passage.quotedText}</span>
      {passage.after && <span className="result-context">{passage.after}</span>}
    </p>
  );
}

/** Who said a passage and where: the line under it in the theme view and in a matrix or co-occurrence cell. */
export function PassageSource({ passage, typeLabel }: { passage: Pick<ThemeViewPassage, 'participant' | 'source'>; typeLabel?: (id: string) => string }) {
  return (
    <p className="result-source">
      <span className={passage.participant ? 'result-speaker' : 'result-speaker none'}>{speakerLine(passage.participant)}</span>
      <span>{sourceLine(passage.source, typeLabel)}</span>
    </p>
  );
}
