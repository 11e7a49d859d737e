import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { CoverageResult } from '../../../shared/domain/matrix';
import { staffGroupLabels, staffGroups, type StaffGroup } from '../../../shared/domain/participant';
import { engagementTypeCoverage, engagementsNeverTagged, participantsNeverQuoted, staffGroupCoverage } from '../store/analysisCounts';
import { matrix } from './matrix';

/**
 * Coverage (issue 8): where the evidence is missing or thin, so the panel
 * knows where to gather more. A theme is thin below `thinBelow` passages or
 * when one participant says it all. A staff group or engagement type is
 * under-represented when its share of the passages is under half its share
 * of the participants met: met often, quoted rarely.
 */
export const THIN_BELOW = 5;

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const under = (passages: number, totalPassages: number, met: number, totalMet: number) =>
  met > 0 && share(passages, totalPassages) < share(met, totalMet) / 2;

export function coverage(db: Database.Database, input: ParsedInput<'analysis.coverage'> = {}): CoverageResult {
  const thinBelow = input.thinBelow ?? THIN_BELOW;
  // The matrix by engagement gives each theme's roll-up counts and, as its non-empty cells, its engagements.
  const byEngagement = matrix(db, { dimension: 'engagement' });
  const themes = byEngagement.rows.map((r) => ({
    themeId: r.themeId,
    name: r.name,
    depth: r.depth,
    passages: r.total.passages,
    participants: r.total.participants,
    engagements: Object.keys(r.cells).length,
    evidence: (r.total.passages === 0 ? 'none' : r.total.passages < thinBelow || r.total.participants <= 1 ? 'thin' : 'enough') as
      | 'none'
      | 'thin'
      | 'enough',
  }));

  const groups = staffGroupCoverage(db);
  const metAll = groups.reduce((s, g) => s + g.participants_met, 0);
  const quotedPassages = groups.reduce((s, g) => s + g.passages, 0);
  const order = (key: string) => {
    const i = staffGroups.indexOf(key as StaffGroup);
    return i < 0 ? staffGroups.length : i;
  };
  const staff = groups
    .sort((a, b) => order(a.key) - order(b.key))
    .map((g) => ({
      key: g.key,
      label: staffGroupLabels[g.key as StaffGroup] ?? g.key,
      participantsMet: g.participants_met,
      participantsQuoted: g.participants_quoted,
      passages: g.passages,
      underRepresented: under(g.passages, quotedPassages, g.participants_met, metAll),
    }));

  const types = engagementTypeCoverage(db);
  const typePassages = types.reduce((s, t) => s + t.passages, 0);
  const typeMet = types.reduce((s, t) => s + t.participants_met, 0);
  const engagementTypes = types
    .filter((t) => t.engagements > 0)
    .map((t) => ({
      key: t.key,
      label: t.label,
      engagements: t.engagements,
      engagementsTagged: t.engagements_tagged,
      participantsMet: t.participants_met,
      passages: t.passages,
      underRepresented: under(t.passages, typePassages, t.participants_met, typeMet),
    }));

  return {
    thinBelow,
    themes,
    staffGroups: staff,
    engagementTypes,
    participantsNeverQuoted: participantsNeverQuoted(db),
    engagementsNeverTagged: engagementsNeverTagged(db),
  };
}
