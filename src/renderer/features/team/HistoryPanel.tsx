import { useState } from 'react';
import { fieldLabel, type RecordRef } from '../../../shared/domain/history';
import { useMutation, useQuery } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** Records a merge overwrote a field of, each opening to the values that lost, with "Put back". */
export function HistoryPanel() {
  const records = useQuery('history.list', {}, { errorShownHere: true });
  const [shown, setShown] = useState<RecordRef | null>(null);
  const list = records.data ?? [];
  return (
    <section aria-labelledby="history-title" className="team-section">
      <h2 id="history-title">What merges overwrote</h2>
      <ErrorMessage error={records.error} />
      {records.data && list.length === 0 ? (
        <p className="empty">Nothing yet. When two laptops change the same field apart, the later change wins and the other is kept here.</p>
      ) : (
        <ul className="history-records">
          {list.map((r) => {
            const open = shown?.table === r.table && shown.recordId === r.recordId;
            return (
              <li key={`${r.table}:${r.recordId}`}>
                <button type="button" aria-expanded={open} onClick={() => setShown(open ? null : { table: r.table, recordId: r.recordId })}>
                  {r.kind}: {r.label} <span className="hint">({r.entries} earlier {r.entries === 1 ? 'value' : 'values'})</span>
                </button>
                {open && <RecordHistory record={r} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * A record's history beside the record (its page or details): the values merges replaced with a colleague's
 * later change, each with "Put back". Nothing shows while it has none.
 */
export function RecordHistorySection({ record }: { record: RecordRef }) {
  const history = useQuery('history.get', record, { errorShownHere: true });
  if (!history.data?.entries.length) return null;
  const headingId = `history-${record.table}-${record.recordId}`;
  return (
    <section className="record-history-section" aria-labelledby={headingId}>
      <h3 id={headingId}>History</h3>
      <p className="hint">Values a merge replaced with a colleague’s later change. Put one back to make it yours again.</p>
      <RecordHistory record={record} />
    </section>
  );
}

function RecordHistory({ record }: { record: RecordRef }) {
  const history = useQuery('history.get', record, { errorShownHere: true });
  const restore = useMutation('history.restore', { errorShownHere: true });
  return (
    <div className="record-history">
      <ErrorMessage error={history.error ?? restore.error} />
      <ul>
        {history.data?.entries.map((e) => (
          <li key={e.id}>
            <div>
              <strong>{fieldLabel(e.column)}</strong>: “{e.value}”{e.changedBy ? ` (${e.changedBy})` : ''} — lost to “{e.keptValue}” in the merge of{' '}
              {new Date(e.mergedAt).toLocaleString('en-GB')}
            </div>
            {e.restoredAt ? (
              <span className="hint">Put back {new Date(e.restoredAt).toLocaleString('en-GB')}</span>
            ) : (
              <button type="button" onClick={() => void restore.run({ entryId: e.id })} disabled={restore.pending}>
                Put back<span className="visually-hidden">: {fieldLabel(e.column)} “{e.value}”</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
