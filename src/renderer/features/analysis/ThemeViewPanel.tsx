import { useMemo } from 'react';
import { navigation } from '../../app/navigation';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { AnalysisFilters } from './AnalysisFilters';
import { isFiltering, toFilter, type AnalysisState } from './analysisState';
import { count } from './format';
import { PassageList } from './PassageList';
import { ThemeChooser } from './ThemeChooser';
import type { AnalysisOptions } from './useAnalysisOptions';
import { useThemeView } from './useThemeView';

interface Props {
  state: AnalysisState;
  update: (patch: Partial<AnalysisState>) => void;
  options: AnalysisOptions;
}

/** Every passage of the chosen themes, with its context and source, filtered and counted. */
export function ThemeViewPanel({ state, update, options }: Props) {
  const { themeIds, mode, includeSubthemes, filters } = state;
  const request = useMemo(
    () => (themeIds.length ? { themeIds, mode, includeSubthemes, filters: toFilter(filters) } : null),
    [themeIds, mode, includeSubthemes, filters],
  );
  const data = useThemeView(request);
  const counts = data.counts;

  return (
    <div className="analysis-panel">
      <ThemeChooser
        themes={options.themes}
        chosen={themeIds}
        onChange={(ids) => update({ themeIds: ids })}
        mode={mode}
        onMode={(m) => update({ mode: m })}
        includeSubthemes={includeSubthemes}
        onIncludeSubthemes={(include) => update({ includeSubthemes: include })}
      />
      <AnalysisFilters label="Filter passages" value={filters} onChange={(f) => update({ filters: f })} types={options.types} reviewers={options.reviewers} />
      <ErrorMessage error={data.error} />
      <p className="analysis-counts" role="status" aria-busy={data.loading}>
        {request && counts
          ? `${count(counts.passages, 'passage')} · ${count(counts.participants, 'participant')} · ${count(counts.engagements, 'engagement')}`
          : request
            ? 'Finding passages…'
            : ''}
      </p>
      {!request ? (
        <div className="empty analysis-empty">
          <p>
            <strong>Choose a theme to see its passages.</strong>
          </p>
          <p>
            {options.themes.size === 0
              ? 'The codebook is empty: add themes in the Themes area, then tag passages of your notes with them.'
              : 'Type part of a theme’s name above. Add several to see passages with any — or all — of them.'}
          </p>
        </div>
      ) : counts && counts.passages === 0 ? (
        <div className="empty analysis-empty">
          <p>
            <strong>No passage carries {themeIds.length > 1 ? 'these themes' : 'this theme'}{isFiltering(filters) ? ' with these filters' : ' yet'}.</strong>
          </p>
          <p>{isFiltering(filters) ? 'Clear a filter to widen the view.' : 'Tag passages in your notes (select text, then Ctrl+M) and they appear here.'}</p>
        </div>
      ) : (
        <PassageList
          data={data}
          themes={options.themes}
          typeLabel={options.typeLabel}
          onOpen={(p) => navigation.openNote({ engagementId: p.source.engagementId, noteId: p.source.noteId, passageId: p.passageId })}
        />
      )}
    </div>
  );
}
