/**
 * The coded passages as a table (issue 13): one row per passage and theme,
 * for CSV and Excel. The consent rules decide every row: a passage that may
 * not be quoted is not a row at all, and real names are replaced in quotes,
 * memos and engagement titles alike.
 */
import type Database from 'better-sqlite3';
import { staffGroupLabels } from '../../../../shared/domain/participant';
import type { ReportOptions } from '../../../../shared/domain/report';
import type { ThemeListItem } from '../../../../shared/domain/theme';
import { listEngagementTypes } from '../../services/engagements';
import { listConsentParticipants } from '../../services/participants';
import { listThemes } from '../../services/themes';
import { codedPassageRows, compareEvidenceOrder, type CodedPassageRow } from '../../store/reportReads';
import { consentRules, type QuoteDecision } from '../consent';
import { type CheckList, chosenThemes } from '../report/checkList';

export const codedPassageColumns = [
  'Theme',
  'Quote',
  'Participant',
  'Staff group',
  'Engagement',
  'Engagement type',
  'Date',
  'Reviewer',
  'Memo',
  'Key quote',
] as const;

export interface EvidenceTable {
  header: readonly string[];
  rows: string[][];
}

/** "Technology › Artificial intelligence and robotics › Predictive analytics". */
export function themePaths(themes: readonly ThemeListItem[]): Map<string, string> {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const paths = new Map<string, string>();
  // The list is in tree order, so a parent's path is known before its children's.
  for (const t of themes) {
    const parent = t.parentId && byId.has(t.parentId) ? paths.get(t.parentId) : undefined;
    paths.set(t.id, parent ? `${parent} › ${t.name}` : t.name);
  }
  return paths;
}

/** Let progress answers and a cancel through between chunks of synchronous work. */
export const breathe = (signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) =>
    setImmediate(() => {
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    }),
  );

export async function codedPassagesTable(
  db: Database.Database,
  options: Pick<ReportOptions, 'themeIds' | 'attribution'>,
  check: CheckList,
  progress: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<EvidenceTable> {
  const themes = listThemes(db);
  const rules = consentRules(listConsentParticipants(db), options.attribution);
  const chosen = chosenThemes(themes, options.themeIds);
  const paths = themePaths(themes);
  const order = new Map(themes.map((t, i) => [t.id, i]));
  const typeLabel = new Map(listEngagementTypes(db).map((t) => [t.id, t.label]));
  const source = codedPassageRows(db);
  // A passage's decision is the same under each of its themes: decide (and report) once.
  const decided = new Map<string, QuoteDecision>();
  const rows: { order: number; source: CodedPassageRow; cells: string[] }[] = [];
  for (let i = 0; i < source.length; i++) {
    const r = source[i]!;
    if (i % 2000 === 0) {
      progress.onProgress?.(i, source.length);
      await breathe(progress.signal);
    }
    if (chosen && !chosen.has(r.theme_id)) continue;
    let decision = decided.get(r.passage_id);
    if (!decision) {
      decision = rules.decide({ passageId: r.passage_id, participantId: r.participant_id, text: r.quoted_text });
      decided.set(r.passage_id, decision);
      if (!decision.quotable) {
        check.add('left_out', 'Coded passages', `Passages by ${decision.speakers.join(', ') || 'a removed participant'}`, decision.explanation, 1, {
          participantCodes: decision.speakers,
        });
      } else check.replaced('Coded passages', decision.replacements);
    }
    if (!decision.quotable) continue;
    const memo = rules.pseudonymise(r.memo);
    const engagement = rules.pseudonymise(r.engagement_title);
    check.replaced('Coded passages (memos)', memo.replacements);
    check.replaced('Coded passages (engagements)', engagement.replacements);
    rows.push({
      order: order.get(r.theme_id) ?? Number.MAX_SAFE_INTEGER,
      source: r,
      cells: [
        paths.get(r.theme_id) ?? '',
        decision.text,
        r.participant_code ?? '',
        r.staff_group ? staffGroupLabels[r.staff_group] : '',
        engagement.text,
        typeLabel.get(r.engagement_type) ?? r.engagement_type,
        r.engagement_date,
        r.reviewer ?? '',
        memo.text,
        r.key_quote ? 'Yes' : '',
      ],
    });
  }
  progress.onProgress?.(source.length, source.length);
  // By theme in codebook order; within a theme, the evidence's own order.
  rows.sort((a, b) => a.order - b.order || compareEvidenceOrder(a.source, b.source));
  return { header: codedPassageColumns, rows: rows.map((r) => r.cells) };
}
