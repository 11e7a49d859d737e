import { useEffect, useId, useRef, useState } from 'react';
import type { Passage } from '../../../shared/domain/passage';
import type { SpeakerOption } from './PassageBar';

interface Props {
  passage: Passage;
  speakers: SpeakerOption[];
  onChange: (change: { participantId: string | null } | { speakerFromTurn: true }) => void;
}

const FOLLOW_TURN = '__turn__';
const NOBODY = 'Nobody in particular';

export const speakerText = (s: SpeakerOption) => `${s.code} — ${s.description}`;

/** Whether `text` is wider than what the select has room to show (its box less padding and the arrow). */
function cutIn(select: HTMLSelectElement, text: string): boolean {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return false;
  const style = getComputedStyle(select);
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const arrow = 24;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
  return context.measureText(text).width > room;
}

/**
 * "Said by": the passage's speaker. A participant's code, staff group and role can run to 200 characters
 * (issue 11): the box takes the room its row has and cuts the rest with an ellipsis; the whole text is its title
 * (hover) and, when cut, written out under it while it has focus. Screen readers read the option whole.
 */
export function SaidByField({ passage, speakers, onChange }: Props) {
  const id = useId();
  const chosen = speakers.find((s) => s.id === passage.participantId);
  const text = chosen ? speakerText(chosen) : NOBODY;
  const select = useRef<HTMLSelectElement | null>(null);
  const [cut, setCut] = useState(false);
  useEffect(() => {
    const el = select.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // Measured again whenever the box changes size (the window, the pane), and first as it is observed.
    const observer = new ResizeObserver(() => setCut(cutIn(el, text)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [text]);
  return (
    <div className="inline-field said-by">
      <label htmlFor={id}>Said by</label>
      <select
        id={id}
        ref={select}
        title={text}
        value={passage.participantId ?? ''}
        onChange={(e) => onChange(e.target.value === FOLLOW_TURN ? { speakerFromTurn: true } : { participantId: e.target.value || null })}
      >
        <option value="">{NOBODY}</option>
        {speakers.map((s) => (
          <option key={s.id} value={s.id}>
            {speakerText(s)}
          </option>
        ))}
        {passage.speakerSetByHand && <option value={FOLLOW_TURN}>Follow the speaker turn</option>}
      </select>
      {cut && (
        <span className="said-by-whole" aria-hidden="true">
          {text}
        </span>
      )}
    </div>
  );
}
