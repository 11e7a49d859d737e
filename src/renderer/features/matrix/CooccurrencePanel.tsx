import { useMemo, useState } from 'react';
import { useQuery } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { toFilter, type AnalysisState } from '../analysis/analysisState';
import { count } from '../analysis/format';
import { CellPassages } from './CellPassages';
import { heat } from './heat';

/**
 * Co-occurrence of the 30 largest themes: each cell "both / overlapping" —
 * passages carrying both themes, and pairs of passages overlapping in the
 * text. Choosing a number lists those passages.
 */
export function CooccurrencePanel({ state }: { state: AnalysisState }) {
  const filters = useMemo(() => toFilter(state.filters), [state.filters]);
  const { data, error } = useQuery('analysis.cooccurrence', { filters }, { errorShownHere: true });
  const [chosen, setChosen] = useState<{ a: string; b: string; kind: 'both' | 'overlapping' } | null>(null);
  const { data: passages } = useQuery('analysis.cooccurrencePassages', { ...(chosen ?? { a: '-', b: '-', kind: 'both' }), filters, limit: 100 }, { enabled: Boolean(chosen) });
  const themes = data?.themes ?? [];
  const pairs = new Map((data?.pairs ?? []).map((p) => [`${p.a}\u0000${p.b}`, p]));
  const pairOf = (a: string, b: string) => pairs.get(`${a}\u0000${b}`) ?? pairs.get(`${b}\u0000${a}`);
  const max = Math.max(1, ...(data?.pairs ?? []).map((p) => p.both));
  const name = (id: string) => themes.find((t) => t.id === id)?.name ?? '';

  if (data && themes.length < 2) {
    return (
      <div className="empty analysis-empty">
        <p>
          <strong>Co-occurrence needs passages of at least two themes.</strong>
        </p>
        <p>Tag passages with several themes (select text, then Ctrl+M) and the grid shows where themes meet.</p>
      </div>
    );
  }
  return (
    <div className="analysis-panel">
      <p className="hint cooccurrence-intro">
        The {themes.length} largest themes. Each cell: passages carrying both themes, then pairs of passages that overlap in a note. Choose a number
        to list its passages. Filters set in the theme view apply.
      </p>
      <ErrorMessage error={error} />
      <div className={chosen ? 'matrix-layout with-cell' : 'matrix-layout'}>
        <div className="matrix-scroll">
          <table className="matrix cooccurrence">
            <caption className="visually-hidden">Theme co-occurrence: passages with both themes / overlapping passage pairs</caption>
            <thead>
              <tr>
                <th scope="col" className="matrix-corner">
                  Theme <span className="hint">both / overlapping</span>
                </th>
                {themes.map((t, i) => (
                  <th key={t.id} scope="col" className="matrix-col" title={t.name}>
                    <abbr title={t.name}>{i + 1}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {themes.map((row, i) => (
                <tr key={row.id}>
                  <th scope="row" className="matrix-theme">
                    {i + 1}. {row.name} <span className="hint">({row.passages})</span>
                  </th>
                  {themes.map((col) => {
                    if (col.id === row.id) return <td key={col.id} className="matrix-diagonal" aria-label="Same theme" />;
                    const p = pairOf(row.id, col.id);
                    return (
                      <td key={col.id} className="matrix-cell" style={{ background: heat(p?.both ?? 0, max) }}>
                        <button
                          type="button"
                          className="cell-link"
                          aria-label={`${row.name} and ${col.name}: ${count(p?.both ?? 0, 'passage')} with both`}
                          onClick={() => setChosen({ a: row.id, b: col.id, kind: 'both' })}
                        >
                          {p?.both ?? 0}
                        </button>
                        /
                        <button
                          type="button"
                          className="cell-link"
                          aria-label={`${row.name} and ${col.name}: ${count(p?.overlapping ?? 0, 'overlapping pair')}`}
                          onClick={() => setChosen({ a: row.id, b: col.id, kind: 'overlapping' })}
                        >
                          {p?.overlapping ?? 0}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {chosen && (
          <aside className="matrix-cell-pane" aria-labelledby="cooc-title">
            <header className="cell-head">
              <h2 id="cooc-title">
                {name(chosen.a)} and {name(chosen.b)}: {chosen.kind === 'both' ? 'passages with both' : 'overlapping passages'}
              </h2>
              <button type="button" className="quiet" onClick={() => setChosen(null)}>
                Close
              </button>
            </header>
            <CellPassages data={passages} label="Passages of this cell" />
          </aside>
        )}
      </div>
    </div>
  );
}
