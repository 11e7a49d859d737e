import type { FindingSummary } from '../../../shared/domain/finding';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { homeTheme, toggled, type ReportChoices } from './choices';

interface Props {
  findings: readonly FindingSummary[];
  themes: readonly ThemeListItem[];
  choices: ReportChoices;
  onChange: (next: Partial<ReportChoices>) => void;
}

/** Which findings the report holds: each theme they are reported under, and each finding under it. */
export function FindingsChooser({ findings, themes, choices, onChange }: Props) {
  if (findings.length === 0) return <p className="empty">No findings yet: the report will hold its method and evidence only.</p>;
  const order = new Map(themes.map((t, i) => [t.id, i]));
  const name = new Map(themes.map((t) => [t.id, t.name]));
  const groups = new Map<string, FindingSummary[]>();
  for (const f of findings) groups.set(homeTheme(f), [...(groups.get(homeTheme(f)) ?? []), f]);
  const sorted = [...groups.entries()].sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  const leftOutThemes = new Set(choices.leftOutThemes);
  const leftOutFindings = new Set(choices.leftOutFindings);
  const reported = findings.filter((f) => !leftOutThemes.has(homeTheme(f)) && !leftOutFindings.has(f.id)).length;
  return (
    <fieldset className="report-fieldset report-findings">
      <legend>
        Findings <span className="hint">({reported} of {findings.length} in the report)</span>
      </legend>
      <ul className="report-finding-groups">
        {sorted.map(([themeId, list]) => {
          const themeOn = !leftOutThemes.has(themeId);
          return (
            <li key={themeId || 'none'}>
              <label className="choice report-theme">
                <input type="checkbox" checked={themeOn} onChange={(e) => onChange({ leftOutThemes: toggled(choices.leftOutThemes, themeId, !e.target.checked) })} />
                {name.get(themeId) ?? 'Findings with no theme'}
              </label>
              <ul>
                {list.map((f) => (
                  <li key={f.id}>
                    <label className="choice">
                      <input
                        type="checkbox"
                        disabled={!themeOn}
                        checked={themeOn && !leftOutFindings.has(f.id)}
                        onChange={(e) => onChange({ leftOutFindings: toggled(choices.leftOutFindings, f.id, !e.target.checked) })}
                      />
                      <span>
                        <strong>F{f.number}</strong> {f.statement}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
