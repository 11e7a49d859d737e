import { useQuery } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatDate } from '../engagements/format';
import { staffGroupLabel } from '../analysis/format';
import { BarChart } from './BarChart';

/** Where evidence is missing or thin: themes, staff groups and engagement types, people never quoted, engagements never tagged. */
export function CoveragePanel({ typeLabel }: { typeLabel: (id: string) => string }) {
  const { data: c, error } = useQuery('analysis.coverage', {}, { errorShownHere: true });
  if (!c) return <ErrorMessage error={error} />;
  const weak = c.themes.filter((t) => t.evidence !== 'enough');
  return (
    <div className="analysis-panel coverage">
      <ErrorMessage error={error} />
      <section aria-labelledby="cov-themes">
        <h2 id="cov-themes">Themes with no or thin evidence</h2>
        <p className="hint">Thin: fewer than {c.thinBelow} passages, or all from one participant.</p>
        {weak.length === 0 ? (
          <p className="empty">Every theme has at least {c.thinBelow} passages from more than one participant.</p>
        ) : (
          <BarChart
            title={`${weak.length} themes with no or thin evidence`}
            series={['Passages', 'Participants']}
            bars={weak.slice(0, 40).map((t) => ({ label: t.name, values: [t.passages, t.participants], flag: t.evidence === 'none' ? 'no evidence' : 'thin' }))}
          />
        )}
      </section>
      <section aria-labelledby="cov-groups">
        <h2 id="cov-groups">Staff groups: met and quoted</h2>
        <p className="hint">⚠ Under-represented: its share of passages is under half its share of the participants met.</p>
        <BarChart
          title="Participants met, participants quoted and passages by staff group"
          series={['Participants met', 'Quoted', 'Passages']}
          bars={c.staffGroups.map((g) => ({
            label: g.label,
            values: [g.participantsMet, g.participantsQuoted, g.passages],
            flag: g.underRepresented ? 'under-represented' : undefined,
          }))}
        />
      </section>
      <section aria-labelledby="cov-types">
        <h2 id="cov-types">Engagement types</h2>
        <BarChart
          title="Engagements, engagements tagged and passages by engagement type"
          series={['Engagements', 'Tagged', 'Passages']}
          bars={c.engagementTypes.map((t) => ({
            label: t.label,
            values: [t.engagements, t.engagementsTagged, t.passages],
            flag: t.underRepresented ? 'under-represented' : undefined,
          }))}
        />
      </section>
      <section aria-labelledby="cov-people">
        <h2 id="cov-people">Participants never quoted ({c.participantsNeverQuoted.length})</h2>
        {c.participantsNeverQuoted.length === 0 ? (
          <p className="empty">Every participant is linked to at least one passage.</p>
        ) : (
          <ul className="coverage-list">
            {c.participantsNeverQuoted.slice(0, 200).map((p) => (
              <li key={p.id}>
                <strong>{p.code}</strong> · {staffGroupLabel(p.staffGroup)} · met at {p.engagements} engagement{p.engagements === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="cov-engagements">
        <h2 id="cov-engagements">Engagements never tagged ({c.engagementsNeverTagged.length})</h2>
        {c.engagementsNeverTagged.length === 0 ? (
          <p className="empty">Every engagement has tagged passages.</p>
        ) : (
          <ul className="coverage-list">
            {c.engagementsNeverTagged.slice(0, 200).map((e) => (
              <li key={e.id}>
                <strong>{e.title}</strong> · {typeLabel(e.type)} · {formatDate(e.date)} · {e.notes} note{e.notes === 1 ? '' : 's'},{' '}
                {e.words.toLocaleString('en-GB')} words
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
