/**
 * Build the report model from its sources and the person's options: choose
 * the themes and findings, pick the quotes the consent rules allow, replace
 * recorded names in every piece of text that will be printed, and write down
 * each thing left out or changed for the pre-export check.
 */
import { staffGroupLabels, type StaffGroup } from '../../../../shared/domain/participant';
import type { ReportOptions } from '../../../../shared/domain/report';
import { consentRules, type ConsentRules } from '../consent';
import { CheckList, chosenThemes } from './checkList';
import { matrixLeftOut, reportMatrix } from './matrix';
import { longDate, shortDate, type ReportFinding, type ReportModel, type ReportQuote, type ReportTheme } from './model';
import type { ReportSources, SourceFinding, SourcePassage } from './sources';

const confidenceNames: Record<NonNullable<SourceFinding['confidence']>, string> = {
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
  very_low: 'Very low',
};

const concernNames: Record<string, string> = {
  none: 'No or very minor concerns',
  minor: 'Minor concerns',
  moderate: 'Moderate concerns',
  serious: 'Serious concerns',
};

export const findingLabel = (n: number) => `F${n}`;

export function buildReport(sources: ReportSources, options: ReportOptions, today: string): ReportModel {
  const rules = consentRules(sources.people, options.attribution, sources.unlinkedSpeakers);
  const check = new CheckList();
  const typeLabel = new Map(sources.engagementTypes.map((t) => [t.id, t.label]));
  const themeName = new Map(sources.themes.map((t) => [t.id, t.name]));
  const clean = (where: string, text: string) => {
    const { text: out, replacements } = rules.pseudonymise(text);
    check.replaced(where, replacements);
    return out;
  };

  // ---- Which findings ----
  const chosen = chosenThemes(sources.themes, options.themeIds);
  const excluded = new Set(options.excludedFindingIds);
  const findings = sources.findings.filter((f) => {
    const home = f.themeIds[0] ?? null;
    if (chosen && (home === null || !chosen.has(home))) {
      check.add('left_out', findingLabel(f.number), 'The finding', 'Its theme was not chosen for this report.', 1, { findingId: f.id });
      return false;
    }
    if (excluded.has(f.id)) {
      check.add('left_out', findingLabel(f.number), 'The finding', 'Left out by choice in the report options.', 1, { findingId: f.id });
      return false;
    }
    return true;
  });

  // ---- Findings by theme ----
  const themes: ReportTheme[] = [];
  const byTheme = new Map<string, ReportTheme>();
  const definitions = new Map(sources.themes.map((t) => [t.id, t.definition]));
  let quoteCount = 0;
  for (const f of findings) {
    const home = f.themeIds[0] ?? '';
    let theme = byTheme.get(home);
    if (!theme) {
      theme = {
        name: home ? (themeName.get(home) ?? 'Other findings') : 'Other findings',
        definition: home ? clean('Theme definitions', definitions.get(home) ?? '') : '',
        findings: [],
      };
      byTheme.set(home, theme);
      themes.push(theme);
    }
    const finding = reportFinding(f, rules, options, check, clean, typeLabel);
    quoteCount += finding.quotes.length;
    theme.findings.push(finding);
  }
  if (options.themeIds === null && findings.length === 0) {
    check.add('note', 'Findings', 'No findings', 'The workspace has no findings yet; the report has its method and evidence only.');
  }

  // ---- Recommendations, citing only findings in this report ----
  const reported = new Map(findings.map((f) => [f.id, findingLabel(f.number)]));
  const allLabels = new Map(sources.findings.map((f) => [f.id, findingLabel(f.number)]));
  const recommendations = sources.recommendations
    .map((group) => ({
      name: clean('Recommendations', group.name),
      items: group.recommendations.map((r) => {
        const label = `R${r.number}`;
        const cited = r.findingIds.filter((id) => reported.has(id)).map((id) => reported.get(id)!);
        const missing = r.findingIds.filter((id) => !reported.has(id)).map((id) => allLabels.get(id) ?? 'a deleted finding');
        if (missing.length > 0) {
          check.add('note', label, `Cites ${missing.join(', ')}`, 'Those findings are not in this report, so the citation is left off.');
        }
        return { label, text: clean(label, r.text), findings: cited };
      }),
    }))
    .filter((g) => g.items.length > 0);

  // ---- Method ----
  const engagements = sources.engagements;
  const types = new Map<string, { label: string; count: number; from: string; to: string; places: Set<string> }>();
  for (const e of engagements) {
    const label = typeLabel.get(e.type) ?? e.type;
    const entry = types.get(e.type) ?? { label, count: 0, from: e.date, to: e.date, places: new Set<string>() };
    entry.count++;
    if (e.date < entry.from) entry.from = e.date;
    if (e.date > entry.to) entry.to = e.date;
    const where = e.organisation || e.place;
    if (where) entry.places.add(clean('Method', where));
    types.set(e.type, entry);
  }
  const typeOrder = new Map(sources.engagementTypes.map((t, i) => [t.id, i]));
  const staff = new Map<StaffGroup, number>();
  for (const p of sources.people) staff.set(p.staffGroup, (staff.get(p.staffGroup) ?? 0) + 1);
  const dates = engagements.map((e) => e.date).sort();

  // ---- Matrix ----
  let matrix: ReportModel['matrix'] = null;
  if (options.includeMatrix && sources.matrix) matrix = reportMatrix(sources.matrix, chosen, themeName, clean);
  else if (!options.includeMatrix) matrixLeftOut(check);

  // ---- Appendices ----
  const engagementLog = options.includeEngagementLog
    ? engagements.map((e) => ({
        date: shortDate(e.date),
        title: clean('Engagement log', e.title),
        type: typeLabel.get(e.type) ?? e.type,
        where: clean('Engagement log', [e.organisation, e.place].filter((x) => x && x !== e.title).join(', ')),
        participants: sources.participantsByEngagement.get(e.id) ?? 0,
      }))
    : null;
  if (!options.includeEngagementLog) check.add('left_out', 'Appendices', 'The engagement log', 'Left out in the report options.');
  const codebook = options.includeCodebook
    ? sources.themes.map((t) => ({
        name: t.name,
        depth: t.depth,
        code: t.code ?? '',
        definition: clean('Codebook', t.definition),
        exclusions: clean('Codebook', t.exclusions),
        passages: t.passageCount,
      }))
    : null;
  if (!options.includeCodebook) check.add('left_out', 'Appendices', 'The codebook', 'Left out in the report options.');

  const isoDate = options.date ?? today;
  const reportedFindings = themes.flatMap((t) => t.findings);
  return {
    title: options.title || sources.workspaceName,
    panel: options.panel || panelOf(sources),
    dateLabel: longDate(isoDate),
    isoDate,
    version: options.version,
    draft: options.draft,
    author: options.panel || panelOf(sources),
    overview: {
      engagements: engagements.length,
      participants: sources.people.length,
      passages: sources.passageCount,
      findings: reportedFindings.length,
      recommendations: recommendations.reduce((n, g) => n + g.items.length, 0),
    },
    method: {
      period: dates.length ? { from: longDate(dates[0]!), to: longDate(dates[dates.length - 1]!) } : null,
      engagementTypes: [...types.entries()]
        .sort(([a], [b]) => (typeOrder.get(a) ?? 99) - (typeOrder.get(b) ?? 99))
        .map(([, t]) => ({ label: t.label, count: t.count, from: shortDate(t.from), to: shortDate(t.to), places: [...t.places].sort() })),
      staffGroups: [...staff.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([group, count]) => ({ label: staffGroupLabels[group], count })),
      reviewers: sources.reviewers,
    },
    findingsSummary: themes.flatMap((t) =>
      t.findings.map((f) => ({
        theme: t.name,
        label: f.label,
        statement: f.statement,
        // The column says "Confidence": "Moderate" alone reads better in a narrow cell.
        confidence: f.confidence?.replace(/ confidence$/, '') ?? 'Not assessed',
        passages: f.evidence.passages,
        participants: f.evidence.participants,
      })),
    ),
    themes,
    matrix,
    recommendations,
    engagementLog,
    codebook,
    check: check.summary(reportedFindings.length, quoteCount),
  };
}

/** The panels named in the engagements, most used first; a generic name when none is recorded. */
function panelOf(sources: ReportSources): string {
  const counts = new Map<string, number>();
  for (const e of sources.engagements) if (e.panel.trim()) counts.set(e.panel.trim(), (counts.get(e.panel.trim()) ?? 0) + 1);
  const panels = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  if (panels.length === 0) return 'The review panel';
  return panels.length <= 3 ? panels.join(', ') : `${panels.slice(0, 3).join(', ')} and others`;
}

function sourceLabel(passage: SourcePassage, typeLabel: Map<string, string>): string {
  const s = passage.source;
  if (!s) return 'Review evidence';
  const type = typeLabel.get(s.engagementType) ?? s.engagementType;
  return `${type}, ${s.organisation || s.engagementTitle}, ${shortDate(s.date)}`;
}

function reportFinding(
  f: SourceFinding,
  rules: ConsentRules,
  options: ReportOptions,
  check: CheckList,
  clean: (where: string, text: string) => string,
  typeLabel: Map<string, string>,
): ReportFinding {
  const label = findingLabel(f.number);
  const quotes: ReportQuote[] = [];
  // Key quotes first, then the order the finding lists its evidence.
  const ordered = [...f.passages].sort((a, b) => Number(b.keyQuote) - Number(a.keyQuote));
  for (const passage of ordered) {
    if (passage.state !== 'attached') {
      const why =
        passage.state === 'deleted'
          ? 'The passage was deleted; only its old text is kept, which is never quoted.'
          : 'Its text was deleted from the note.';
      check.add('left_out', label, 'A supporting passage', why, 1, { findingId: f.id });
      continue;
    }
    const decision = rules.decide({ passageId: passage.passageId, participantId: passage.participantId, text: passage.quotedText });
    if (!decision.quotable) {
      check.add('left_out', label, `A quote by ${decision.speakers.join(', ') || 'a removed participant'}`, decision.explanation, 1, {
        participantCodes: decision.speakers,
        findingId: f.id,
      });
      continue;
    }
    if (quotes.length >= options.quotesPerFinding || decision.text === '') continue;
    check.replaced(label, decision.replacements, f.id);
    if (decision.attribution === null) {
      check.add('note', label, 'A quote with no speaker linked', 'Attributed to its engagement instead of a participant.', 1, { findingId: f.id });
    }
    quotes.push({
      text: decision.text,
      attribution: decision.attribution ?? clean(label, sourceLabel(passage, typeLabel)),
      keyQuote: passage.keyQuote,
    });
  }
  const about = { findingId: f.id };
  if (!f.confidence) check.add('note', label, 'No CERQual confidence', 'The finding has not been assessed; it is printed as “Not assessed”.', 1, about);
  if (f.status === 'draft') check.add('note', label, 'A draft finding', 'It is printed, marked as a draft.', 1, about);
  return {
    label,
    statement: clean(label, f.statement),
    confidence: f.confidence ? `${confidenceNames[f.confidence]} confidence` : null,
    explanation: clean(label, f.explanation),
    components: f.components
      .filter((c) => c.concern !== null || c.note.trim())
      .map((c) => ({ label: c.label, concern: c.concern ? (concernNames[c.concern] ?? c.concern) : 'Not assessed', note: clean(label, c.note) })),
    quotes,
    evidence: f.spread,
    draft: f.status === 'draft',
  };
}
