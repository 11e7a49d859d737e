import type { CheckItem, PreExportCheck } from '../../../shared/domain/report';
import type { RpcError } from '../../../shared/rpc/result';
import { ErrorMessage } from '../../ui/ErrorMessage';

const sections: { kind: CheckItem['kind']; title: string }[] = [
  { kind: 'left_out', title: 'Left out' },
  { kind: 'replaced', title: 'Replaced' },
  { kind: 'note', title: 'To know' },
];

export interface CheckFixes {
  /** The participant's record (consent, recorded name), if the code is a known participant. */
  editParticipant?: (code: string) => void;
  hasParticipant: (code: string) => boolean;
  openFinding: (findingId: string) => void;
  /** Put back a finding left out by choice on this screen. */
  includeFinding: (findingId: string) => void;
  findingLabel: (findingId: string) => string | null;
}

interface Props {
  check: PreExportCheck | undefined;
  checking: boolean;
  error: RpcError | null;
  fixes: CheckFixes;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the export will leave out and replace, and why — each with a way to fix it here. */
export function PreExportCheckPanel({ check, checking, error, fixes }: Props) {
  return (
    <section className="report-check" aria-labelledby="report-check-title" aria-busy={checking}>
      <h2 id="report-check-title">Before you export</h2>
      <ErrorMessage error={error} />
      {check && (
        <p className="report-check-summary" role="status">
          {plural(check.counts.findings, 'finding')}, {plural(check.counts.quotes, 'quote')}. {check.counts.leftOut} left out,{' '}
          {check.counts.replaced} replaced.{checking ? ' Checking again…' : ''}
        </p>
      )}
      {!check && !error && <p className="hint">Checking consent and recorded names…</p>}
      {check && check.items.length === 0 && <p className="empty">Nothing is left out or replaced.</p>}
      {check &&
        sections.map(({ kind, title }) => {
          const items = check.items.filter((i) => i.kind === kind);
          if (items.length === 0) return null;
          return (
            <div key={kind} className={`report-check-group report-check-${kind}`}>
              <h3>
                {title} <span className="hint">({items.reduce((n, i) => n + i.count, 0)})</span>
              </h3>
              <ul>
                {items.map((item, index) => (
                  <li key={index}>
                    <p>
                      <strong>{item.where}</strong>: {item.what}
                      {item.count > 1 ? ` (×${item.count})` : ''}
                    </p>
                    <p className="hint">{item.why}</p>
                    <Fixes item={item} fixes={fixes} />
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}

function Fixes({ item, fixes }: { item: CheckItem; fixes: CheckFixes }) {
  const people = fixes.editParticipant ? item.participantCodes.filter(fixes.hasParticipant) : [];
  const finding = item.findingId ? fixes.findingLabel(item.findingId) : null;
  const byChoice = item.kind === 'left_out' && item.what === 'The finding';
  if (people.length === 0 && !finding) return null;
  return (
    <div className="report-check-fixes">
      {people.map((code) => (
        <button key={code} type="button" onClick={() => fixes.editParticipant!(code)}>
          Edit {code}’s consent and name…
        </button>
      ))}
      {finding && byChoice && (
        <button type="button" onClick={() => fixes.includeFinding(item.findingId!)}>
          Put {finding} back
        </button>
      )}
      {finding && !byChoice && (
        <button type="button" onClick={() => fixes.openFinding(item.findingId!)}>
          Open {finding}
        </button>
      )}
    </div>
  );
}
