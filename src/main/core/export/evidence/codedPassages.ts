/**
 * The coded passages as a table (issue 13): one row per passage and theme,
 * for CSV and Excel. The consent rules decide every row: a passage that may
 * not be quoted is not a row at all, and real names are replaced in quotes,
 * memos and engagement titles alike. CSV and Excel read only what they print
 * (these passages and the matrix), not the findings and engagements the
 * report needs.
 */
import type Database from 'better-sqlite3';
import { staffGroupLabels } from '../../../../shared/domain/participant';
import type { ReportOptions } from '../../../../shared/domain/report';
import type { ThemeListItem } from '../../../../shared/domain/theme';
import { listEngagementTypes } from '../../services/engagements';
import { listConsentParticipants } from '../../services/participants';
import { listThemes } from '../../services/themes';
import { codedPassages } from '../../store/reportReads';
import { consentRules, type ConsentRules } from '../consent';
import { unknownSpeakersOf } from '../../services/unknownSpeakers';
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
  const rules = consentRules(listConsentParticipants(db), options.attribution, unknownSpeakersOf(db));
  const chosen = chosenThemes(themes, options.themeIds);
  const paths = themePaths(themes);
  const order = new Map(themes.map((t, i) => [t.id, i]));
  const typeLabel = new Map(listEngagementTypes(db).map((t) => [t.id, t.label]));
  // An engagement's title is the same text on each of its rows: pseudonymise it once.
  const titles = new Map<string, ReturnType<ConsentRules['pseudonymise']>>();
  const source = codedPassages(db);
  // By theme in codebook order; within a theme, the evidence's own order, which the passages come in.
  const byTheme: string[][][] = Array.from({ length: themes.length + 1 }, () => []);
  for (let i = 0; i < source.length; i++) {
    const p = source[i]!;
    if (i % 2000 === 0) {
      progress.onProgress?.(i, source.length);
      await breathe(progress.signal);
    }
    const tags = chosen ? p.tags.filter((t) => chosen.has(t.themeId)) : p.tags;
    if (tags.length === 0) continue;
    // A passage's decision is the same under each of its themes: decided (and reported) once.
    const decision = rules.decide({ passageId: p.passageId, participantId: p.participantId, text: p.quotedText });
    if (!decision.quotable) {
      check.add('left_out', 'Coded passages', `Passages by ${decision.speakers.join(', ') || 'a removed participant'}`, decision.explanation, 1, {
        participantCodes: decision.speakers,
      });
      continue;
    }
    check.replaced('Coded passages', decision.replacements);
    const memo = rules.pseudonymise(p.memo);
    let engagement = titles.get(p.engagement.title);
    if (!engagement) titles.set(p.engagement.title, (engagement = rules.pseudonymise(p.engagement.title)));
    const code = p.participant?.code ?? '';
    const staffGroup = p.participant ? staffGroupLabels[p.participant.staff_group] : '';
    const type = typeLabel.get(p.engagement.type) ?? p.engagement.type;
    const keyQuote = p.keyQuote ? 'Yes' : '';
    for (const tag of tags) {
      // Counted per row, as the person sees them in the table.
      check.replaced('Coded passages (memos)', memo.replacements);
      check.replaced('Coded passages (engagements)', engagement.replacements);
      byTheme[order.get(tag.themeId) ?? themes.length]!.push([
        paths.get(tag.themeId) ?? '',
        decision.text,
        code,
        staffGroup,
        engagement.text,
        type,
        p.engagement.date,
        tag.reviewer ?? '',
        memo.text,
        keyQuote,
      ]);
    }
  }
  progress.onProgress?.(source.length, source.length);
  return { header: codedPassageColumns, rows: byTheme.flat() };
}
