import type Database from 'better-sqlite3';
import { cerqualComponents, componentLabels } from '../../../../shared/domain/finding';
import { findingsByTheme } from '../../services/findings';
import { matrix } from '../../services/matrix';
import { listRecommendations } from '../../services/recommendations';
import type { FindingSources } from './sources';

/**
 * Findings, recommendations and the framework matrix from the findings
 * services (issue 8), in the report's order. The matrix is themes × staff
 * groups, the dimension the report's method counts participants by.
 */
export function readFindingSources(db: Database.Database, withMatrix = true): FindingSources {
  const findings = findingsByTheme(db).flatMap((group) =>
    group.findings.map((f) => ({
      id: f.id,
      number: f.number,
      statement: f.statement,
      status: f.status,
      themeIds: f.themeIds,
      confidence: f.cerqual.confidence,
      explanation: f.cerqual.explanation,
      components: cerqualComponents.map((c) => ({ label: componentLabels[c], concern: f.cerqual[c].concern, note: f.cerqual[c].note })),
      spread: f.spread,
      passages: f.passages.map((p) => ({
        passageId: p.passageId,
        state: p.state,
        quotedText: p.quotedText,
        participantId: p.participant?.id ?? null,
        keyQuote: p.keyQuote,
        source: p.source,
      })),
    })),
  );
  const recommendations = listRecommendations(db).map((g) => ({
    name: g.name,
    recommendations: g.recommendations.map((r) => ({ number: r.number, text: r.text, findingIds: r.findings.map((f) => f.id) })),
  }));
  if (!withMatrix) return { findings, recommendations, matrix: null };
  const m = matrix(db, { dimension: 'staffGroup' });
  const totals = Object.fromEntries(Object.entries(m.totals).map(([k, c]) => [k, c.passages]));
  return {
    findings,
    recommendations,
    matrix: {
      dimensionLabel: m.dimensionLabel,
      columns: m.columns.map((c) => ({ key: c.key, label: c.key === '' ? 'No speaker linked' : c.label })),
      rows: m.rows.map((r) => ({
        themeId: r.themeId,
        name: r.name,
        depth: r.depth,
        total: r.total.passages,
        cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.passages])),
      })),
      totals,
      // Each passage has one speaker, so it stands in one column: the columns add up to the passages.
      grandTotal: Object.values(totals).reduce((n, v) => n + v, 0),
      summaries: m.summaries.map((s) => ({ themeId: s.themeId, value: s.value, text: s.text })),
    },
  };
}
