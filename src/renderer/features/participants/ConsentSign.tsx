/**
 * Said wherever a passage of a participant "not for quotation" appears (the passage bar, the theme view):
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
