/**
 * Findings in a REFI-QDA project (issue 9). The standard has no findings, so
 * a finding travels as what every tool shows: a Note holding its statement,
 * with Links from it to the selections (passages) that support it and to the
 * codes (themes) it is reported under. Its Description begins "Fieldnotes
 * finding F3" and says its status and confidence, so another tool's people
 * can read them, and an import of a Fieldnotes file can make it a finding
 * again. A Set cannot hold selections (Project.xsd's MemberSource, MemberCode
 * and MemberNote only), so Links are the one way the standard lets a note
 * point at a passage.
 */
import type Database from 'better-sqlite3';
import { confidenceLabels, findingLabel, findingStatusLabels, findingStatuses, type Finding, type FindingStatus } from '../../../shared/domain/finding';
import { createFinding, findingsByTheme } from '../services/findings';
import { guidFor, recordGuid } from './guids';
import type { ProjectLink, ProjectNote } from './model';

const MARK = /^Fieldnotes finding F\d+$/;
export const SUPPORTED_BY = 'Supported by';
const REPORTED_UNDER = 'Reported under';
const ALSO_UNDER = 'Also under';

function description(finding: Finding): string {
  const lines = [`Fieldnotes finding ${findingLabel(finding.number)}`, `Status: ${findingStatusLabels[finding.status]}`];
  if (finding.confidence) lines.push(`Confidence: ${confidenceLabels[finding.confidence]}`);
  const explanation = finding.cerqual.explanation.trim();
  return explanation ? `${lines.join('\n')}\n\n${explanation}` : lines.join('\n');
}

/**
 * Every finding as a Note with its Links. Only passages the export carries
 * are linked (a passage left out for consent stays out here too); texts pass
 * through `clean`, the export's real-name rule.
 */
export function findingsForExport(
  db: Database.Database,
  exportedSelections: ReadonlySet<string>,
  clean: (text: string) => string,
): { notes: ProjectNote[]; links: ProjectLink[]; count: number; unlinked: number } {
  const notes: ProjectNote[] = [];
  const links: ProjectLink[] = [];
  let unlinked = 0;
  const findings = findingsByTheme(db).flatMap((group) => group.findings);
  for (const finding of findings) {
    const guid = recordGuid(finding.id);
    const statement = clean(finding.statement);
    notes.push({ guid, name: `${findingLabel(finding.number)}: ${statement}`.slice(0, 200), text: statement, description: clean(description(finding)) });
    finding.themeIds.forEach((themeId, index) => {
      links.push({ guid: guidFor('finding-theme', `${finding.id}/${themeId}`), name: index === 0 ? REPORTED_UNDER : ALSO_UNDER, originGuid: guid, targetGuid: recordGuid(themeId) });
    });
    for (const evidence of finding.passages) {
      const selection = recordGuid(evidence.passageId);
      if (!exportedSelections.has(selection)) {
        unlinked++;
        continue;
      }
      links.push({ guid: guidFor('finding-passage', `${finding.id}/${evidence.passageId}`), name: SUPPORTED_BY, originGuid: guid, targetGuid: selection });
    }
  }
  return { notes, links, count: findings.length, unlinked };
}

function statusFrom(descriptionText: string): FindingStatus {
  const line = /^Status: (.+)$/m.exec(descriptionText)?.[1]?.trim();
  return findingStatuses.find((s) => findingStatusLabels[s] === line) ?? 'draft';
}

/**
 * The findings of a project Fieldnotes wrote, made findings again: statement,
 * status, themes (the first is the one it is reported under) and supporting
 * passages. Returns the notes and links it used, so they are neither memos
 * nor reported as not carried. Other tools' notes stay memos.
 */
export function importFindings(
  db: Database.Database,
  input: {
    fromFieldnotes: boolean;
    notes: readonly { guid: string; text: string; description?: string }[];
    links: readonly ProjectLink[];
    themeOfCode: ReadonlyMap<string, string>;
    passageOfSelection: ReadonlyMap<string, string>;
  },
  reviewerId: string,
): { findings: number; usedNotes: Set<string>; usedLinks: Set<string>; passagesLost: number } {
  const usedNotes = new Set<string>();
  const usedLinks = new Set<string>();
  let findings = 0;
  let passagesLost = 0;
  if (!input.fromFieldnotes) return { findings, usedNotes, usedLinks, passagesLost };
  for (const note of input.notes) {
    const head = (note.description ?? '').split('\n')[0]!.trim();
    const statement = note.text.trim();
    if (!MARK.test(head) || !statement) continue;
    const themeIds: string[] = [];
    const passageIds: string[] = [];
    for (const link of input.links) {
      if (link.originGuid !== note.guid) continue;
      usedLinks.add(link.guid);
      const theme = input.themeOfCode.get(link.targetGuid);
      const passage = input.passageOfSelection.get(link.targetGuid);
      if (theme && !themeIds.includes(theme)) themeIds.push(theme);
      else if (passage && !passageIds.includes(passage)) passageIds.push(passage);
      else if (link.name === SUPPORTED_BY && !passage) passagesLost++;
    }
    createFinding(db, { statement: statement.slice(0, 2000), themeIds: themeIds.slice(0, 20), passageIds: passageIds.slice(0, 500), status: statusFrom(note.description ?? '') }, reviewerId);
    usedNotes.add(note.guid);
    findings++;
  }
  return { findings, usedNotes, usedLinks, passagesLost };
}
