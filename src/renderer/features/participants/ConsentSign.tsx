/**
 * Said wherever a passage of a participant "not for quotation" appears (the passage bar, the theme view, a matrix or
 * co-occurrence cell, a finding's evidence, a search hit), the same sign everywhere:
 * words and a symbol, never colour alone.
 */
export function ConsentSign({ code }: { code: string }) {
  return (
    <span className="badge badge-consent" title={`${code} did not consent to quotation: their words are never quoted in the report.`}>
      <span aria-hidden="true">⊘ </span>
      {code} not for quotation
    </span>
  );
}

/**
 * Said where a passage's speaker is a code linked to nobody ("P005:" in an imported file, issue 11): whoever it is,
 * their consent is unknown until a reviewer links the code to a participant, and every export leaves the passage
 * out until then (core services/unknownSpeakers.ts).
 */
export function UnknownConsentSign({ code }: { code: string }) {
  return (
    <span
      className="badge badge-consent unknown"
      title={`${code} is not linked to a participant, so whether they consented to quotation is unknown. Exports leave these words out until the code is linked to a participant who may be quoted.`}
    >
      <span aria-hidden="true">? </span>
      {code} consent unknown: link before quoting
    </span>
  );
}
