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

/**
 * Who said a passage: its participant, else the code of its turn if that code is linked to nobody ("P005 · unknown
 * speaker", as a search hit says it), else no one.
 */
export const passageSpeaker = (passage: Pick<ThemeViewPassage, 'participant' | 'unknownSpeaker'>) =>
  passage.participant ?? (passage.unknownSpeaker ? { code: passage.unknownSpeaker, staffGroup: null } : null);

/** Who said a passage and where: the line under it in the theme view and in a matrix or co-occurrence cell. */
export function PassageSource({ passage, typeLabel }: { passage: Pick<ThemeViewPassage, 'participant' | 'unknownSpeaker' | 'source'>; typeLabel?: (id: string) => string }) {
  const speaker = passageSpeaker(passage);
  return (
    <p className="result-source">
      <span className={speaker ? 'result-speaker' : 'result-speaker none'}>{speakerLine(speaker)}</span>
      <span>{sourceLine(passage.source, typeLabel)}</span>
    </p>
  );
}
