import { useId, useState } from 'react';
import { themePalette } from '../../../shared/domain/theme';
import { colourName } from './colours';

interface Props {
  value: string;
  onChange: (colour: string) => void;
  /** The person typed in the box, a whole colour or not yet one: input of theirs a change from elsewhere must keep. */
  onTyping: () => void;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A theme's colour: one of the palette (each named, not a bare swatch) or any #RRGGBB typed in. */
export function ColourField({ value, onChange, onTyping }: Props) {
  const id = useId();
  const [typed, setTyped] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The value changed from outside (a palette choice, another theme): show it in the box.
    setLastValue(value);
    setTyped(value);
  }
  const typedValid = HEX.test(typed);
  return (
    <fieldset className="colour-field">
      <legend>Colour</legend>
      <div className="colour-choices">
        {themePalette.map((colour) => (
          <label key={colour} className="colour-choice" title={colourName(colour)}>
            <input
              type="radio"
              name={`${id}-palette`}
              value={colour}
              checked={value.toUpperCase() === colour}
              onChange={() => onChange(colour)}
            />
            <span className="colour-dot" style={{ backgroundColor: colour }} aria-hidden="true" />
            <span className="visually-hidden">{colourName(colour)}</span>
          </label>
        ))}
      </div>
      <div className="field colour-hex">
        <label htmlFor={`${id}-hex`}>Or any colour (#RRGGBB)</label>
        <div className="colour-hex-row">
          <span className="colour-dot large" style={{ backgroundColor: typedValid ? typed : value }} aria-hidden="true" />
          <input
            id={`${id}-hex`}
            className="short"
            value={typed}
            spellCheck={false}
            aria-invalid={!typedValid}
            aria-describedby={`${id}-hex-hint`}
            onChange={(event) => {
              const next = event.target.value.trim();
              setTyped(next);
              onTyping();
              if (HEX.test(next)) onChange(next.toUpperCase());
            }}
          />
          <span id={`${id}-hex-hint`} className="hint">
            {typedValid ? colourName(typed) : 'Type six hexadecimal digits after #, e.g. #1F77B4.'}
          </span>
        </div>
      </div>
    </fieldset>
  );
}
