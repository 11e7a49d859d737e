import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useApp } from '../../app/AppContext';
import { useCommands, type Command } from '../../commands/registry';
import { recall, remember, type AnalysisState, type AnalysisTab } from './analysisState';
import { searchFocus } from './searchCommand';
import { themeViewLink } from './themeViewLink';
import { SearchPanel } from './SearchPanel';
import { ThemeViewPanel } from './ThemeViewPanel';
import { CooccurrencePanel } from '../matrix/CooccurrencePanel';
import { CoveragePanel } from '../matrix/CoveragePanel';
import { MatrixPanel } from '../matrix/MatrixPanel';
import '../../styles/matrix.css';
import { useAnalysisOptions } from './useAnalysisOptions';
import '../../styles/analysis.css';

const tabs: { id: AnalysisTab; label: string }[] = [
  { id: 'themes', label: 'Theme view' },
  { id: 'search', label: 'Search' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'cooccurrence', label: 'Co-occurrence' },
  { id: 'coverage', label: 'Coverage' },
];

/** The Analysis area: the theme view and full-text search, side by side as tabs, sharing their filters. */
export function AnalysisView() {
  const { workspace } = useApp();
  const path = workspace?.path ?? '';
  const [state, setState] = useState<AnalysisState>(() => recall(path));
  const options = useAnalysisOptions();
  const searchRef = useRef<HTMLInputElement>(null);
  const tabRefs = useRef<Record<AnalysisTab, HTMLButtonElement | null>>({ themes: null, search: null, matrix: null, cooccurrence: null, coverage: null });

  useEffect(() => remember(path, state), [path, state]);
  const update = useCallback((patch: Partial<AnalysisState>) => setState((s) => ({ ...s, ...patch })), []);
  // Focus moves after the tab's panel is shown, so it is asked for here and done once rendered.
  const [focus, setFocus] = useState<{ to: 'tab' | 'search'; n: number } | null>(() => (themeViewLink.wantsFocus() ? { to: 'tab', n: 0 } : null));
  useEffect(() => themeViewLink.arrived(), []);
  useEffect(() => {
    if (focus?.to === 'search') searchRef.current?.select();
    else if (focus?.to === 'tab') tabRefs.current[state.tab]?.focus();
    // Only a new request moves focus, not a change of tab by other means.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);
  const show = useCallback(
    (tab: AnalysisTab, to: 'tab' | 'search' | null = null) => {
      update({ tab });
      if (to) setFocus((f) => ({ to, n: (f?.n ?? 0) + 1 }));
    },
    [update],
  );
  useEffect(() => searchFocus.subscribe(() => show('search', 'search')), [show]);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'analysis.themeView', group: 'Analysis', label: 'Show the theme view', run: () => show('themes', 'tab') },
      { id: 'analysis.matrix', group: 'Analysis', label: 'Show the framework matrix', run: () => show('matrix', 'tab') },
      { id: 'analysis.cooccurrence', group: 'Analysis', label: 'Show theme co-occurrence', run: () => show('cooccurrence', 'tab') },
      { id: 'analysis.coverage', group: 'Analysis', label: 'Show coverage: where evidence is thin', run: () => show('coverage', 'tab') },
    ],
    [show],
  );
  useCommands(commands);

  const onTabKey = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === state.tab);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    show(tabs[(next + tabs.length) % tabs.length]!.id, 'tab');
  };

  return (
    <section className="area analysis-area">
      <header className="area-header">
        <h1 id="area-title">Analysis</h1>
        <div role="tablist" aria-label="Analysis views" className="segmented" onKeyDown={onTabKey}>
          {tabs.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`analysis-tab-${t.id}`}
              aria-selected={state.tab === t.id}
              aria-controls={`analysis-panel-${t.id}`}
              tabIndex={state.tab === t.id ? 0 : -1}
              onClick={() => show(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`analysis-panel-${t.id}`} aria-labelledby={`analysis-tab-${t.id}`} className="analysis-tabpanel" hidden={state.tab !== t.id}>
          {state.tab !== t.id && ['matrix', 'cooccurrence', 'coverage'].includes(t.id) ? null : t.id === 'themes' ? (
            <ThemeViewPanel state={state} update={update} options={options} />
          ) : t.id === 'matrix' ? (
            <MatrixPanel state={state} update={update} options={options} />
          ) : t.id === 'cooccurrence' ? (
            <CooccurrencePanel state={state} />
          ) : t.id === 'coverage' ? (
            <CoveragePanel typeLabel={options.typeLabel} />
          ) : (
            <SearchPanel state={state} update={update} options={options} inputRef={searchRef} />
          )}
        </div>
      ))}
    </section>
  );
}
