import type Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { projectFileName } from '../../../shared/domain/files';
import { consentLabels, staffGroupLabels } from '../../../shared/domain/participant';
import type { ThemeListItem } from '../../../shared/domain/theme';
import { codePointSlicer, documentAnchors } from '../../../shared/note/anchors';
import type { CodeNode } from '../codebook/codeTree';
import { consentRules, type ConsentRules } from '../export/consent';
import { unknownSpeakersOf } from '../services/unknownSpeakers';
import { exportNames, sharedNames, type SharedName } from '../codebook/names';
import { listEngagements } from '../services/engagements';
import { getNote, listNotes } from '../services/notes';
import { listAttributes } from '../services/participantAttributes';
import { getParticipant, listParticipants } from '../services/participants';
import { passagesForNote } from '../services/passages';
import { listReviewers } from '../store/reviewers';
import { listThemes } from '../services/themes';
import { findingsForExport } from './findings';
import { guidFor, recordGuid } from './guids';
import type { Project, ProjectCase, ProjectNote, ProjectSelection, ProjectSet, ProjectSource, ProjectVariable } from './model';
import { sourceFileName, writeQde } from './qdeWriter';
import { BUILTIN_VARIABLES, engagementDescription, type BuiltinVariable } from './vocabulary';
import { readMeta } from '../store/workspaceMeta';

export interface QdpxExportOptions {
  /** Leave out passages of participants whose consent is "not for quotation". */
  omitNotForQuotation: boolean;
  /** Write participants' real names (as a variable). Off unless the person exporting chooses it. */
  includeRealNames: boolean;
  /** Export themes whose name is shared under their full path ("Ethics::Safety"). */
  qualifyNames: boolean;
}

export interface QdpxExport {
  fileName: string;
  bytes: Uint8Array;
  counts: { themes: number; sources: number; passages: number; memos: number; participants: number; sets: number; findings: number };
  /** Passages left out, and why, for the person exporting. */
  leftOut: string[];
  sharedNames: SharedName[];
}

const QUOTE_NAME_MAX = 100;

function shortQuote(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= QUOTE_NAME_MAX ? chars.join('') : `${chars.slice(0, QUOTE_NAME_MAX - 1).join('').trimEnd()}…`;
}

function codeTree(themes: readonly ThemeListItem[], names: Map<string, string>): CodeNode[] {
  const nodes = new Map<string, CodeNode>();
  for (const theme of themes) {
    nodes.set(theme.id, {
      name: names.get(theme.id) ?? theme.name,
      colour: theme.colour,
      definition: theme.definition,
      exclusions: theme.exclusions,
      code: theme.code,
      guid: recordGuid(theme.id),
      children: [],
    });
  }
  const roots: CodeNode[] = [];
  // listThemes gives parents before children, siblings in order.
  for (const theme of themes) {
    const parent = theme.parentId ? nodes.get(theme.parentId) : undefined;
    (parent && theme.depth > 0 ? parent.children : roots).push(nodes.get(theme.id)!);
  }
  return roots;
}

function workspaceName(db: Database.Database): string {
  return readMeta(db, 'name') ?? 'Fieldnotes workspace';
}

/**
 * A note's text with recorded real names replaced (the consent module's
 * rules, as every export applies them), and where each old position went:
 * replacements change lengths, so the text is pseudonymised piece by piece
 * between passage boundaries and the boundaries are carried across. A name
 * cut by a passage boundary is still found in each piece it falls in only
 * if each piece holds a whole word of it.
 */
function pseudonymiseText(text: string, boundaries: number[], rules: ConsentRules): { text: string; moved: Map<number, number> } {
  const points = [...new Set([0, ...boundaries])].sort((a, b) => a - b);
  const slice = codePointSlicer(text);
  const total = [...text].length;
  const moved = new Map<number, number>();
  const pieces: string[] = [];
  let offset = 0;
  points.forEach((point, i) => {
    moved.set(point, offset);
    const end = points[i + 1] ?? total;
    const piece = rules.pseudonymise(slice(point, end)).text;
    pieces.push(piece);
    offset += [...piece].length;
  });
  return { text: pieces.join(''), moved };
}

/** The workspace as REFI-QDA data (see model.ts), applying the consent rules (export/consent.ts). */
export function buildProject(db: Database.Database, version: string, options: QdpxExportOptions): { project: Project; findingCount: number; leftOut: string[] } {
  const leftOut: string[] = [];
  const reviewers = listReviewers(db);
  const userGuid = new Map(reviewers.map((r) => [r.id, recordGuid(r.id)]));
  const themes = listThemes(db);
  const names = exportNames(themes, options.qualifyNames);
  const codes = codeTree(themes, names);
  const themeGuid = (id: string) => recordGuid(id);

  const summaries = listParticipants(db);
  const participants = summaries.map((p) => ({ ...p, ...getParticipant(db, p.id) }));
  const rules = consentRules(participants, 'pseudonym', unknownSpeakersOf(db));
  const clean = (text: string) => (options.includeRealNames ? text : rules.pseudonymise(text).text);

  const sources: ProjectSource[] = [];
  const notes: ProjectNote[] = [];
  const sets: ProjectSet[] = [];
  const notesOfEngagement = new Map<string, string[]>();
  const selectionsOf = new Map<string, string[]>();
  let omitted = 0;
  let detached = 0;

  for (const engagement of listEngagements(db)) {
    const memberGuids: string[] = [];
    for (const summary of listNotes(db, engagement.id)) {
      const note = getNote(db, summary.id);
      const anchors = documentAnchors(note.document);
      const sourceGuid = recordGuid(note.id);
      const selections: ProjectSelection[] = [];
      // One slicer per note: building it indexes the whole text (with emoji in it), so one per passage was quadratic.
      const sliceNote = codePointSlicer(anchors.plainText);
      const kept = passagesForNote(db, note.id).flatMap((passage) => {
        // Offsets are derived from the document's marks, never trusted from the row.
        const range = anchors.passages.get(passage.id);
        if (passage.detached || !range) {
          detached++;
          return [];
        }
        const text = sliceNote(range.start, range.end);
        if (options.omitNotForQuotation && !rules.decide({ passageId: passage.id, participantId: passage.participantId, text }).quotable) {
          omitted++;
          return [];
        }
        return [{ passage, range }];
      });
      const { text: sourceText, moved } = options.includeRealNames
        ? { text: anchors.plainText, moved: null }
        : pseudonymiseText(anchors.plainText, kept.flatMap(({ range }) => [range.start, range.end]), rules);
      const slice = codePointSlicer(sourceText);
      for (const { passage, range: original } of kept) {
        const range = moved ? { start: moved.get(original.start)!, end: moved.get(original.end)! } : original;
        const guid = recordGuid(passage.id);
        const selection: ProjectSelection = {
          guid,
          start: range.start,
          end: range.end,
          name: shortQuote(slice(range.start, range.end)),
          memo: clean(passage.memo),
          keyQuote: passage.keyQuote,
          creatingUser: userGuid.get(passage.createdBy),
          createdAt: passage.createdAt,
          codings: passage.tags.map((tag) => ({
            codeGuid: themeGuid(tag.themeId),
            guid: guidFor('coding', `${passage.id}/${tag.themeId}`),
            user: userGuid.get(tag.taggedBy),
            at: tag.taggedAt,
          })),
        };
        if (passage.memo.trim()) {
          const memoGuid = guidFor('memo', passage.id);
          selection.memoNoteGuid = memoGuid;
          notes.push({ guid: memoGuid, name: `Memo: ${shortQuote(slice(range.start, range.end)).slice(0, 60)}`, text: clean(passage.memo) });
        }
        if (passage.participantId) selectionsOf.set(passage.participantId, [...(selectionsOf.get(passage.participantId) ?? []), guid]);
        selections.push(selection);
      }
      sources.push({
        guid: sourceGuid,
        name: clean(note.title),
        text: sourceText,
        description: '',
        selections,
      });
      memberGuids.push(sourceGuid);
    }
    notesOfEngagement.set(engagement.id, memberGuids);
    sets.push({
      guid: recordGuid(engagement.id),
      name: clean(engagement.title),
      description: clean(engagementDescription(db, engagement)),
      sourceGuids: memberGuids,
      codeGuids: [],
      noteGuids: [],
    });
  }
  const exportedSelections = new Set(sources.flatMap((source) => source.selections.map((selection) => selection.guid)));
  const findings = findingsForExport(db, exportedSelections, clean);
  notes.push(...findings.notes);
  if (findings.unlinked) {
    leftOut.push(`${findings.unlinked} supporting passage${findings.unlinked === 1 ? '' : 's'} of findings ${findings.unlinked === 1 ? 'is' : 'are'} not in the file (left out above, or detached), so the finding${findings.unlinked === 1 ? ' does' : 's do'} not link to ${findings.unlinked === 1 ? 'it' : 'them'}.`);
  }
  if (omitted) {
    leftOut.push(`${omitted} passage${omitted === 1 ? '' : 's'} of participants not for quotation (or running into their turns) ${omitted === 1 ? 'was' : 'were'} left out, as asked.`);
  }
  if (detached) {
    leftOut.push(`${detached} passage${detached === 1 ? ' whose' : 's whose'} text was deleted from ${detached === 1 ? 'its' : 'their'} note (shown as detached) ${detached === 1 ? 'is' : 'are'} not exported.`);
  }

  const builtins: [BuiltinVariable, ProjectVariable][] = BUILTIN_VARIABLES.filter((b) => options.includeRealNames || b.key !== 'realName').map((b) => [
    b,
    { guid: guidFor('variable', b.key), name: b.name, type: b.type, description: b.description },
  ]);
  const attributes = listAttributes(db);
  const custom: ProjectVariable[] = attributes.map((a) => ({
    guid: recordGuid(a.id),
    name: a.name,
    type: a.kind === 'number' ? 'Float' : 'Text',
    description: a.kind === 'choice' ? `One of: ${a.choices.join('; ')}` : '',
  }));
  const cases: ProjectCase[] = participants.map((p) => {
    const values = new Map<string, string>();
    const builtinValue: Record<BuiltinVariable['key'], string> = {
      staffGroup: staffGroupLabels[p.staffGroup],
      role: p.role,
      organisationType: p.organisationType,
      region: p.region,
      consent: consentLabels[p.consent],
      consentDate: p.consentDate ?? '',
      realName: p.realName,
    };
    for (const [builtin, variable] of builtins) if (builtinValue[builtin.key]) values.set(variable.guid, builtinValue[builtin.key]);
    attributes.forEach((a, i) => {
      const value = p.attributes[a.id];
      if (value !== undefined && value !== '') values.set(custom[i]!.guid, value);
    });
    return {
      guid: recordGuid(p.id),
      // The pseudonym code: the name every tool shows. Real names only travel as the variable above, when chosen.
      name: p.code,
      description: '',
      values,
      sourceGuids: p.engagementIds.flatMap((id) => notesOfEngagement.get(id) ?? []),
      selectionGuids: selectionsOf.get(p.id) ?? [],
    };
  });

  return {
    project: {
      name: workspaceName(db),
      origin: `Fieldnotes ${version}`,
      users: reviewers.map((r) => ({ guid: userGuid.get(r.id)!, name: r.name })),
      codes,
      variables: [...builtins.map(([, v]) => v), ...custom],
      cases,
      sources,
      notes,
      links: findings.links,
      sets,
    },
    findingCount: findings.count,
    leftOut,
  };
}

/** The whole workspace as a .qdpx: project.qde and each note's text as sources/<GUID>.txt (UTF-8, no BOM, LF). */
export function exportQdpx(db: Database.Database, version: string, options: QdpxExportOptions): QdpxExport {
  const { project, findingCount, leftOut } = buildProject(db, version, options);
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(writeQde(project)) };
  for (const source of project.sources) files[`sources/${sourceFileName(source.guid)}`] = strToU8(source.text);
  const passages = project.sources.reduce((n, s) => n + s.selections.length, 0);
  return {
    fileName: projectFileName(project.name),
    bytes: zipSync(files, { level: 6 }),
    counts: {
      themes: listThemes(db).length,
      sources: project.sources.length,
      passages,
      memos: project.notes.length - findingCount,
      participants: project.cases.length,
      sets: project.sets.length,
      findings: findingCount,
    },
    leftOut,
    sharedNames: sharedNames(listThemes(db)),
  };
}
