import { useId, type ReactNode } from 'react';
import { consentDescriptions, consentLabels, consentLevels, type Consent } from '../../../shared/domain/participant';

/** Consent to quotation as three labelled choices, each saying what it means for the report; `children` (the date) follow. */
export function ConsentField({ value, onChange, children }: { value: Consent; onChange: (value: Consent) => void; children?: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="consent-field">
      <legend>Consent to quotation</legend>
      {consentLevels.map((level) => (
        <div key={level} className="consent-option">
          <input
            type="radio"
            id={`${id}-${level}`}
            name={`${id}-consent`}
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
            aria-describedby={`${id}-${level}-hint`}
          />
          <label htmlFor={`${id}-${level}`}>{consentLabels[level]}</label>
          <p id={`${id}-${level}-hint`} className="hint">
            {consentDescriptions[level]}
          </p>
        </div>
      ))}
      {children}
    </fieldset>
  );
}

/** Consent in a list: always the words, with a marker shape so colour never carries it alone. */
export function ConsentBadge({ consent }: { consent: Consent }) {
  return (
    <span className={`consent-badge consent-${consent}`}>
      <span aria-hidden="true" className="consent-mark" />
      {consentLabels[consent]}
    </span>
  );
}
