import { findingLabel } from '../../../shared/domain/finding';
import { useQuery } from '../../api/queries';
import { evidencePicker, findingNavigation } from './links';

/**
 * The findings that cite a passage, each a link to it, and "Add to finding…":
 * traceability from any passage (theme view, matrix, passage bar) to its findings. `themeId`: the theme
 * a new finding started here is filed under.
 */
export function CitedIn({ passageId, themeId, tabIndex }: { passageId: string; themeId?: string; tabIndex?: number }) {
  const { data } = useQuery('findings.citing', { passageIds: [passageId] });
  const findings = data?.[passageId] ?? [];
  return (
    <span className="cited-in">
      {findings.length > 0 && (
        <span className="cited-list">
          <span className="cited-label">Cited in</span>
          {findings.map((f) => (
            <button
              key={f.id}
              type="button"
              className="cited-finding"
              tabIndex={tabIndex}
              title={f.statement}
              aria-label={`Open finding ${findingLabel(f.number)}: ${f.statement}`}
              onClick={() => findingNavigation.emit({ findingId: f.id })}
            >
              {findingLabel(f.number)}
            </button>
          ))}
        </span>
      )}
      <button type="button" className="quiet add-to-finding" tabIndex={tabIndex} onClick={() => evidencePicker.emit({ passageIds: [passageId], themeIds: themeId ? [themeId] : [] })}>
        Add to finding…
      </button>
    </span>
  );
}
