import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MatrixResult } from '../../../shared/domain/matrix';
import { useMutation, useQuery } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AnalysisFilters } from '../analysis/AnalysisFilters';
import { toFilter, type AnalysisState } from '../analysis/analysisState';
import { count } from '../analysis/format';
import type { AnalysisOptions } from '../analysis/useAnalysisOptions';
import { formatWhen } from '../findings/format';
import { CellPassages } from './CellPassages';
import { heat } from './heat';
import { visibleRows } from './rows';

interface Props {
  state: AnalysisState;
  update: (patch: Partial<AnalysisState>) => void;
  options: AnalysisOptions;
}

interface Cell {
  themeId: string;
  column: string;
}

/**
 * The framework matrix: themes (collapsible, rolled up) × a dimension, each
 * cell passages · participants, shaded by count. Arrow keys move, Enter opens
 * a cell, typing starts its summary; the cell's passages list beside it.
 */
export function MatrixPanel({ state, update, options }: Props) {
  const [dimension, setDimension] = useState('staffGroup');
  const { data: dimensions = [] } = useQuery('matrix.dimensions', {});
  const filters = useMemo(() => toFilter(state.filters), [state.filters]);
  const { data: m, error } = useQuery('matrix.get', { dimension, filters }, { errorShownHere: true });
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState<Cell | null>(null);
  const [open, setOpen] = useState<Cell | null>(null);
  const rows = visibleRows(m, collapsed);
  const columns = m?.columns ?? [];
  const max = Math.max(1, ...(m?.rows ?? []).flatMap((r) => Object.values(r.cells).map((c) => c.passages)));
  const summaries = new Map((m?.summaries ?? []).map((s) => [`${s.themeId}\u0000${s.value}`, s]));
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const [typed, setTyped] = useState<string | null>(null);

  const keyOf = (c: Cell) => `${c.themeId}\u0000${c.column}`;
  const active = focus ?? (rows[0] && columns[0] ? { themeId: rows[0].themeId, column: columns[0].key } : null);

  // Opening a cell narrows the grid to make room for its pane: keep that cell in sight, not scrolled off beside it.
  const openKey = open ? keyOf(open) : null;
  useEffect(() => {
    if (openKey) cellRefs.current.get(openKey)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [openKey]);

  const moveFocus = (c: Cell) => {
    setFocus(c);
    requestAnimationFrame(() => cellRefs.current.get(keyOf(c))?.focus());
  };
  const onKey = (event: KeyboardEvent, c: Cell) => {
    const r = rows.findIndex((x) => x.themeId === c.themeId);
    const k = columns.findIndex((x) => x.key === c.column);
    const go = (ri: number, ki: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, ri))]!;
      const col = columns[Math.max(0, Math.min(columns.length - 1, ki))]!;
      moveFocus({ themeId: row.themeId, column: col.key });
    };
    if (event.key === 'ArrowDown') go(r + 1, k);
    else if (event.key === 'ArrowUp') go(r - 1, k);
    else if (event.key === 'ArrowRight') go(r, k + 1);
    else if (event.key === 'ArrowLeft') go(r, k - 1);
    else if (event.key === 'Home') go(r, 0);
    else if (event.key === 'End') go(r, columns.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      setTyped(null);
      setOpen(c);
    }
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing starts the cell's summary with what was typed.
      if (open && keyOf(open) === keyOf(c)) summaryRef.current?.focus();
      else {
        setTyped(event.key);
        setOpen(c);
      }
    } else return;
    event.preventDefault();
  };

  const openRow = open ? m?.rows.find((r) => r.themeId === open.themeId) : undefined;
  const openColumn = open ? columns.find((c) => c.key === open.column) : undefined;

  return (
    <div className="analysis-panel matrix-panel">
      <div className="matrix-controls">
        <label>
          Columns
          <select
            value={dimension}
            onChange={(e) => {
              setDimension(e.target.value);
              setOpen(null);
              setFocus(null);
            }}
          >
            {dimensions.map((d) => (
              <option key={d.key} value={d.key}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <AnalysisFilters label="Filter the matrix" value={state.filters} onChange={(f) => update({ filters: f })} types={options.types} reviewers={options.reviewers} />
      <ErrorMessage error={error} />
      {m && m.rows.length === 0 ? (
        <div className="empty analysis-empty">
          <p>
            <strong>The codebook is empty.</strong>
          </p>
          <p>Add themes in the Themes area and tag passages with them; the matrix then charts them against staff groups, sites or engagements.</p>
        </div>
      ) : m && columns.length === 0 ? (
        <div className="empty analysis-empty">
          <p>
            <strong>No tagged passages{Object.keys(filters).length ? ' with these filters' : ' yet'}.</strong>
          </p>
          <p>Tag passages in your notes (select text, then Ctrl+M); each then counts in its theme’s row.</p>
        </div>
      ) : (
        <div className={open ? 'matrix-layout with-cell' : 'matrix-layout'}>
          <div className="matrix-scroll">
            <table className="matrix" role="grid" aria-label={`Themes by ${m?.dimensionLabel.toLowerCase() ?? 'dimension'}: passages · participants per cell`}>
              <thead>
                <tr>
                  <th scope="col" className="matrix-corner">
                    Theme <span className="hint">passages · participants</span>
                  </th>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="matrix-col">
                      {c.label}
                    </th>
                  ))}
                  <th scope="col" className="matrix-col">
                    All
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.themeId}>
                    <th scope="row" className="matrix-theme" style={{ paddingLeft: `${0.5 + r.depth * 1.1}rem` }}>
                      <span className="matrix-theme-line">
                        {r.hasChildren ? (
                          <button
                            type="button"
                            className="quiet small"
                            aria-expanded={!collapsed.has(r.themeId)}
                            aria-label={`${collapsed.has(r.themeId) ? 'Expand' : 'Collapse'} ${r.name}`}
                            onClick={() => {
                              const next = new Set(collapsed);
                              if (next.has(r.themeId)) next.delete(r.themeId);
                              else next.add(r.themeId);
                              setCollapsed(next);
                            }}
                          >
                            {collapsed.has(r.themeId) ? '▸' : '▾'}
                          </button>
                        ) : (
                          <span className="matrix-leaf" aria-hidden="true" />
                        )}
                        <span className="chip-swatch" style={{ background: r.colour }} aria-hidden="true" />
                        <span className="matrix-theme-name">{r.name}</span>
                      </span>
                    </th>
                    {columns.map((c) => {
                      const cell = r.cells[c.key];
                      const here = { themeId: r.themeId, column: c.key };
                      const isActive = active?.themeId === r.themeId && active.column === c.key;
                      const isOpen = open?.themeId === r.themeId && open.column === c.key;
                      const summary = summaries.get(keyOf(here));
                      return (
                        <td
                          key={c.key}
                          ref={(el) => {
                            if (el) cellRefs.current.set(keyOf(here), el);
                          }}
                          role="gridcell"
                          tabIndex={isActive ? 0 : -1}
                          aria-selected={isOpen}
                          aria-label={`${r.name}, ${c.label}: ${count(cell?.passages ?? 0, 'passage')}, ${count(cell?.participants ?? 0, 'participant')}${summary ? ', summarised' : ''}`}
                          className={`matrix-cell${isOpen ? ' open' : ''}`}
                          style={{ background: heat(cell?.passages ?? 0, max) }}
                          onClick={() => {
                            setFocus(here);
                            setTyped(null);
                            setOpen(here);
                          }}
                          onKeyDown={(e) => onKey(e, here)}
                        >
                          <span className="matrix-count">{cell ? `${cell.passages} · ${cell.participants}` : '–'}</span>
                          {summary && (
                            <span className="matrix-summarised" aria-hidden="true" title="Summarised">
                              ✎
                            </span>
                          )}
                        </td>
                      );
                    })}
                    <td className="matrix-total">{`${r.total.passages} · ${r.total.participants}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {open && openRow && openColumn && (
            <CellPane
              key={keyOf(open)}
              dimension={dimension}
              filters={filters}
              themeId={open.themeId}
              themeName={openRow.name}
              column={openColumn}
              summary={summaries.get(keyOf(open))}
              typed={typed}
              summaryRef={summaryRef}
              onClose={() => {
                setOpen(null);
                moveFocus(open);
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}

interface PaneProps {
  dimension: string;
  filters: ReturnType<typeof toFilter>;
  themeId: string;
  themeName: string;
  column: { key: string; label: string };
  summary: MatrixResult['summaries'][number] | undefined;
  /** What was typed on the cell to open it: the summary starts with it. */
  typed: string | null;
  summaryRef: React.RefObject<HTMLTextAreaElement | null>;
  onClose: () => void;
}

/** A cell opened: its summary (saved when left or on Ctrl+Enter, with who and when) beside its passages. */
function CellPane({ dimension, filters, themeId, themeName, column, summary, typed, summaryRef, onClose }: PaneProps) {
  const [text, setText] = useState((summary?.text ?? '') + (typed ?? ''));
  const save = useMutation('matrix.saveSummary', { errorShownHere: true });
  const { data } = useQuery('matrix.cell', { themeId, dimension, value: column.key, filters, limit: 100 });
  useEffect(() => {
    const area = summaryRef.current;
    if (typed !== null && area) {
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length); // go on after what was typed
    }
    // Only on opening: the keystroke that opened the cell goes on in its summary.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const persist = () => {
    if (text.trim() !== (summary?.text ?? '')) void save.run({ themeId, dimension, value: column.key, text });
  };
  return (
    <aside className="matrix-cell-pane" aria-labelledby="cell-title">
      <header className="cell-head">
        <h2 id="cell-title">
          {themeName} <span aria-hidden="true">×</span>
          <span className="visually-hidden"> by </span> {column.label}
        </h2>
        <button type="button" className="quiet" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <div className="field">
        <label htmlFor="cell-summary">Summary of this cell</label>
        <textarea
          id="cell-summary"
          ref={summaryRef}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={persist}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              persist();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              persist();
              onClose();
            }
          }}
          placeholder="What these passages say, in a sentence or two (the Framework Method’s charting)."
        />
        <p className="hint" role="status">
          {save.pending
            ? 'Saving…'
            : summary
              ? `Written by ${summary.updatedBy.name}, ${formatWhen(summary.updatedAt)}. Saved when you leave the field or press Ctrl+Enter.`
              : 'Saved when you leave the field or press Ctrl+Enter.'}
        </p>
        <ErrorMessage error={save.error} />
      </div>
      <CellPassages data={data} label={`Passages of ${themeName} for ${column.label}`} themeId={themeId} />
    </aside>
  );
}
