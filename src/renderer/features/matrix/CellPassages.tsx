import type { ThemeViewResult } from '../../../shared/domain/analysis';
import { navigation } from '../../app/navigation';
import { count } from '../analysis/format';
import { PassageSource, QuoteInContext } from '../analysis/PassageQuote';
import { CitedIn } from '../findings/CitedIn';
import { ConsentSign, UnknownConsentSign } from '../participants/ConsentSign';

/**
 * A short list of passages (a matrix or co-occurrence cell), each with its source, findings and a way to its
 * note. `themeId`: the cell's theme, which a finding started from one of its passages is filed under.
 */
export function CellPassages({ data, label, themeId }: { data: ThemeViewResult | undefined; label: string; themeId?: string }) {
  if (!data) return <p className="hint">Finding passages…</p>;
  if (data.passages.length === 0) return <p className="empty">No passages here with these filters.</p>;
  return (
    <>
      <p className="hint" role="status">
        {count(data.counts.passages, 'passage')} · {count(data.counts.participants, 'participant')}
        {data.passages.length < data.counts.passages && ` (first ${data.passages.length} shown)`}
      </p>
      <ol className="cell-passages" aria-label={label}>
        {data.passages.map((p) => (
          <li key={p.passageId} className="cell-passage">
            {p.detached && <span className="badge badge-detached">Detached</span>}
            {p.participant?.consent === 'none' && <ConsentSign code={p.participant.code} />}
            {p.unknownSpeaker && <UnknownConsentSign code={p.unknownSpeaker} />}
            <QuoteInContext passage={p} />
            <PassageSource passage={p} />
            <div className="cell-passage-actions">
              <CitedIn passageId={p.passageId} themeId={themeId} />
              <button
                type="button"
                className="quiet"
                onClick={() => navigation.openNote({ engagementId: p.source.engagementId, noteId: p.source.noteId, passageId: p.passageId })}
              >
                Open in note
              </button>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
