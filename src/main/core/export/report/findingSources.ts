import type Database from 'better-sqlite3';
import { cerqualComponents, componentLabels } from '../../../../shared/domain/finding';
import { findingsByTheme } from '../../services/findings';
import { listRecommendations } from '../../services/recommendations';
import { readMatrixSource } from './matrix';
import type { FindingSources } from './sources';

/**
 * Findings and recommendations from the findings
 * services (issue 8), in the report's order, with the matrix (`matrix.ts`).
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
  return { findings, recommendations, matrix: withMatrix ? readMatrixSource(db) : null };
}
