import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { NewParticipant, parseParticipantCode, type Consent, type StaffGroup } from '../../../shared/domain/participant';
import { documentAnchors, sliceCodePoints } from '../../../shared/note/anchors';
import { FieldnotesError } from '../../../shared/rpc/result';
import { applyCodeTree } from '../codebook/codeTree';
import { addEngagementType, createEngagement, listEngagementTypes } from '../services/engagements';
import { insertNote } from '../services/notes';
import { defineAttribute, listAttributes, canonicalNumber } from '../services/participantAttributes';
import { createParticipant, linkEngagement } from '../services/participants';
import { createPassages, updatePassage } from '../services/passages';
import { foldName } from '../services/themes';
import { importFindings } from './findings';
import { normaliseGuid } from './guids';
import { chooseConvention, describeConvention, mapText, wordBoundaryJudge } from './positions';
import { KEY_QUOTE } from './qdeWriter';
import type { PreparedProject } from './readQdpx';
import { textToDocument } from './textDocument';
import { builtinFor, consentFrom, engagementFromDescription, staffGroupFrom } from './vocabulary';
import type { QdpxImportReport } from '../../../shared/domain/refi';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const today = () => new Date().toISOString().slice(0, 10);
const noteTitle = (name: string) => name.replace(/\.(docx?|txt|rtf|odt|pdf)$/i, '').trim().slice(0, 280) || 'Untitled source';

/** Thrown to roll back a preview: the same walk as the import, undone. */
class PreviewDone extends Error {
  constructor(readonly report: QdpxImportReport) {
    super('preview');
  }
}

/**
 * Add a read project to the workspace in one transaction: a failure anywhere
 * (positions outside a text, a full disk) leaves nothing of it behind. With
 * `preview`, the same walk runs and is rolled back, so the preview says
 * exactly what the import will do.
 */
export function importProject(db: Database.Database, prepared: PreparedProject, reviewerId: string, options: { preview?: boolean } = {}): QdpxImportReport {
  try {
    return db.transaction(() => {
      const report = applyProject(db, prepared, reviewerId);
      if (options.preview) throw new PreviewDone(report);
      return report;
    })();
  } catch (error) {
    if (error instanceof PreviewDone) return error.report;
    throw error;
  }
}

function applyProject(db: Database.Database, prepared: PreparedProject, reviewerId: string): QdpxImportReport {
  const { project, texts } = prepared;
  const notCarried = [...project.notCarried, ...prepared.unreadable];
  const remarks: string[] = [...project.codebook.notes];

  // Themes: merged by name into the codebook, as a .qdc import does.
  const tree = applyCodeTree(db, project.codebook.codes, reviewerId);
  const themeOf = new Map([...tree.themeIdByGuid].map(([guid, id]) => [normaliseGuid(guid), id]));

  // Positions: the convention of the tool that wrote the file.
  const withText = project.sources.filter((s) => texts.has(s.guid));
  const { convention, known } = chooseConvention(project.origin, withText.map((s) => ({ raw: texts.get(s.guid)!, selections: s.selections })));
  remarks.push(
    known
      ? `Positions read as ${project.origin} counts them: ${describeConvention(convention)}.`
      : `Positions read as ${describeConvention(convention)}: the reading under which the most coded passages fall on word boundaries.`,
  );
  if (prepared.fromDocx.size) remarks.push(`${plural(prepared.fromDocx.size, 'source')} had only a Word file; ${prepared.fromDocx.size === 1 ? 'its' : 'their'} passages were placed on Fieldnotes’ reading of its text — check them.`);

  // Engagements: a Set of sources is an engagement; sources in none go under one named after the project.
  const typeIdByLabel = new Map(listEngagementTypes(db).map((t) => [foldName(t.label), t.id]));
  const typeFor = (label: string | null) => {
    if (!label) return 'written_submission';
    const known = typeIdByLabel.get(foldName(label));
    if (known) return known;
    const added = addEngagementType(db, label.slice(0, 60));
    typeIdByLabel.set(foldName(label), added.id);
    return added.id;
  };
  const engagementOfSource = new Map<string, string>();
  const sourceGuids = new Set(withText.map((s) => s.guid));
  let engagements = 0;
  const sourceSetsNotCarried: string[] = [];
  let codeSets = 0;
  for (const set of project.sets) {
    if (set.codeGuids.length) codeSets++;
    const members = set.sourceGuids.filter((g) => sourceGuids.has(g));
    if (!members.length) {
      if (set.sourceGuids.length) sourceSetsNotCarried.push(set.name);
      continue;
    }
    const details = engagementFromDescription(set.description);
    const id = createEngagement(
      db,
      {
        title: set.name.slice(0, 300),
        type: typeFor(details.typeLabel),
        date: details.date ?? today(),
        startTime: details.startTime,
        endTime: details.endTime && details.startTime && details.endTime > details.startTime ? details.endTime : null,
        place: details.place,
        organisation: details.organisation,
        panel: details.panel,
        context: details.context.slice(0, 20_000),
      },
      reviewerId,
    ).id;
    engagements++;
    let elsewhere = 0;
    for (const guid of members) {
      if (engagementOfSource.has(guid)) elsewhere++;
      else engagementOfSource.set(guid, id);
    }
    if (elsewhere) remarks.push(`${plural(elsewhere, 'source')} of the set “${set.name}” ${elsewhere === 1 ? 'is' : 'are'} also in an earlier set and ${elsewhere === 1 ? 'was' : 'were'} filed under that one (a note belongs to one engagement).`);
  }
  if (codeSets) notCarried.push(`${plural(codeSets, 'set')} of codes: Fieldnotes groups themes by hierarchy only, so ${codeSets === 1 ? 'it was' : 'they were'} not carried (the codes themselves were).`);
  if (sourceSetsNotCarried.length) notCarried.push(`${plural(sourceSetsNotCarried.length, 'set')} of sources none of whose sources could be imported: ${sourceSetsNotCarried.map((n) => `“${n}”`).join(', ')}.`);
  let fallback: string | null = null as string | null;
  const fallbackEngagement = () => {
    if (!fallback) {
      fallback = createEngagement(db, { title: project.name.slice(0, 300), type: 'written_submission', date: today(), context: `Imported from ${prepared.fileName}${project.origin ? ` (${project.origin})` : ''}.` }, reviewerId).id;
      engagements++;
    }
    return fallback;
  };

  // Participants from cases, keeping our codes where the file has them and they are free.
  const participantOfCase = new Map<string, string>();
  const participantOfSelection = new Map<string, string>();
  const attributes = new Map(listAttributes(db).map((a) => [foldName(a.name), a]));
  const cases = [...project.cases].sort((a, b) => (parseParticipantCode(a.name) ?? Infinity) - (parseParticipantCode(b.name) ?? Infinity));
  let renamedCases = 0;
  let realNamesFromCases = 0;
  const skippedValues = new Set<string>();
  for (const person of cases) {
    const fields: { staffGroup: StaffGroup; role: string; organisationType: string; region: string; consent: Consent; consentDate: string | null; realName: string } = {
      staffGroup: 'other',
      role: '',
      organisationType: '',
      region: '',
      consent: 'none',
      consentDate: null,
      realName: '',
    };
    const custom: Record<string, string> = {};
    for (const [variableGuid, value] of person.values) {
      const variable = project.variables.get(variableGuid);
      if (!variable || !value) continue;
      const builtin = builtinFor(variable.name);
      if (builtin?.key === 'staffGroup') {
        const group = staffGroupFrom(value);
        if (group) fields.staffGroup = group;
        else skippedValues.add(`staff group “${value}” (recorded as Other)`);
      } else if (builtin?.key === 'consent') {
        const consent = consentFrom(value);
        if (consent) fields.consent = consent;
        else skippedValues.add(`consent “${value}” (recorded as not for quotation)`);
      } else if (builtin?.key === 'consentDate') {
        fields.consentDate = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
      } else if (builtin) {
        fields[builtin.key] = value.slice(0, 300);
      } else {
        let attribute = attributes.get(foldName(variable.name));
        if (!attribute) {
          const numeric = variable.type === 'Integer' || variable.type === 'Float';
          attribute = defineAttribute(db, { name: variable.name.slice(0, 80), kind: numeric ? 'number' : 'text' }, reviewerId);
          attributes.set(foldName(variable.name), attribute);
        }
        const fits =
          attribute.kind === 'text' ||
          (attribute.kind === 'number' && canonicalNumber(value) !== null) ||
          (attribute.kind === 'choice' && attribute.choices.includes(value));
        if (fits) custom[attribute.id] = value.slice(0, 500);
        else skippedValues.add(`“${variable.name}” = “${value}” (does not fit the attribute here)`);
      }
    }
    const code = parseParticipantCode(person.name);
    if (!code && person.name) {
      // Another tool's case name may be a real name: keep it where real names live, private.
      fields.realName = fields.realName || person.name.slice(0, 300);
      realNamesFromCases++;
    }
    const created = createParticipant(db, NewParticipant.parse({ ...fields, attributes: custom }), reviewerId, code ?? undefined);
    if (code && created.code !== person.name) renamedCases++;
    participantOfCase.set(person.guid, created.id);
    for (const guid of person.selectionGuids) participantOfSelection.set(guid, created.id);
  }
  if (renamedCases) remarks.push(`${plural(renamedCases, 'participant')} had a code already used in this workspace and ${renamedCases === 1 ? 'was' : 'were'} given the next free code.`);
  if (realNamesFromCases) remarks.push(`${plural(realNamesFromCases, 'case name')} that ${realNamesFromCases === 1 ? 'is' : 'are'} not a participant code ${realNamesFromCases === 1 ? 'was' : 'were'} kept as the participant’s real name (private, never exported unless chosen), with a new code.`);
  if (skippedValues.size) remarks.push(`Some values were not carried as they are: ${[...skippedValues].slice(0, 10).join('; ')}${skippedValues.size > 10 ? '; …' : ''}.`);

  // Memos: notes referenced by a selection become its memo; all others become memo notes.
  const noteByGuid = new Map(project.notes.map((n) => [n.guid, n]));
  const noteText = (guid: string) => {
    const note = noteByGuid.get(guid);
    return note ? (prepared.noteTexts.get(guid) ?? note.text).trim() || note.description?.trim() || '' : '';
  };
  const usedNotes = new Set<string>();

  // Sources → notes with their passages as marks.
  let notesAdded = 0;
  let passagesAdded = 0;
  let memosAdded = 0;
  let uncoded = 0;
  let unknownCodes = 0;
  let whitespaceOnly = 0;
  let alignedPassages = 0;
  let missing = 0;
  let missingSelections = 0;
  const noteOfSource = new Map<string, string>();
  const passageOfSelection = new Map<string, string>();
  for (const source of project.sources) {
    const raw = texts.get(source.guid);
    if (raw === undefined) {
      missing++;
      missingSelections += source.selections.length;
      continue;
    }
    const mapped = mapText(raw, convention);
    const ranges: { id: string; selectionGuid: string; start: number; end: number; themeIds: string[]; memo: string; keyQuote: boolean; participant?: string }[] = [];
    for (const selection of source.selections) {
      const start = mapped.map(selection.start);
      const end = mapped.map(selection.end);
      if (start === null || end === null || start > end) {
        throw new FieldnotesError(
          'UNSUPPORTED_FILE',
          `The coded selection on line ${selection.line} of the project file runs from position ${selection.start} to ${selection.end}, outside the text of “${source.name}” (${mapped.length.toLocaleString('en-GB')} characters). The file is damaged or does not match its sources; nothing was imported.`,
        );
      }
      const themeIds = [...new Set(selection.codeGuids.map((g) => themeOf.get(g)).filter((id): id is string => Boolean(id)))];
      if (selection.codeGuids.length > themeIds.length) unknownCodes++;
      if (!themeIds.length) {
        uncoded++;
        continue;
      }
      const memoParts = [selection.description === KEY_QUOTE ? '' : selection.description, ...selection.noteGuids.map((g) => (usedNotes.add(g), noteText(g)))];
      ranges.push({
        id: randomUUID(),
        selectionGuid: selection.guid,
        start,
        end,
        themeIds,
        memo: memoParts.filter(Boolean).join('\n\n').slice(0, 20_000),
        keyQuote: selection.description === KEY_QUOTE,
        participant: participantOfSelection.get(selection.guid),
      });
    }
    const document = textToDocument(mapped.text, ranges);
    const anchors = documentAnchors(document);
    const engagementId = engagementOfSource.get(source.guid) ?? fallbackEngagement();
    const noteId = insertNote(db, { engagementId, title: noteTitle(source.name), document, source: 'qdpx' }, reviewerId);
    notesAdded++;
    noteOfSource.set(source.guid, noteId);
    const placed = ranges.filter((r) => anchors.passages.has(r.id));
    whitespaceOnly += ranges.length - placed.length;
    createPassages(db, noteId, anchors, placed.map((r) => ({ id: r.id, themeIds: r.themeIds })), reviewerId);
    const boundary = wordBoundaryJudge(anchors.plainText);
    for (const range of placed) {
      const at = anchors.passages.get(range.id)!;
      if (boundary(at.start) && boundary(at.end)) alignedPassages++;
      // The speaker is what the file says (or nobody), fixed: a code in the text may name someone else here.
      updatePassage(db, { id: range.id, participantId: range.participant ?? null, ...(range.memo ? { memo: range.memo } : {}), ...(range.keyQuote ? { keyQuote: true } : {}) });
      if (range.memo) memosAdded++;
    }
    passagesAdded += placed.length;
    for (const range of placed) passageOfSelection.set(range.selectionGuid, range.id);
  }
  if (missing) notCarried.push(`${plural(missing, 'text source')} referenced by the project but missing from the archive (or unreadable), with ${plural(missingSelections, 'coded selection')}: not imported.`);
  if (uncoded) notCarried.push(`${plural(uncoded, 'selection')} with no code (or only codes the file does not define): a passage here always carries a theme, so ${uncoded === 1 ? 'it was' : 'they were'} not carried.`);
  if (unknownCodes) remarks.push(`${plural(unknownCodes, 'selection')} referred to codes the file does not define; those codings were left out.`);
  if (whitespaceOnly) notCarried.push(`${plural(whitespaceOnly, 'selection')} covering only line breaks between paragraphs: nothing to mark, not carried.`);

  // Participants ↔ engagements, from the cases' sources.
  for (const person of project.cases) {
    const participant = participantOfCase.get(person.guid)!;
    const linked = new Set<string>();
    for (const guid of person.sourceGuids) {
      const engagementId = engagementOfSource.get(guid) ?? (noteOfSource.has(guid) ? fallback : null);
      if (engagementId && !linked.has(engagementId)) {
        linked.add(engagementId);
        linkEngagement(db, participant, engagementId);
      }
    }
  }

  // Findings, where Fieldnotes wrote the file (see findings.ts); every other link is reported.
  const found = importFindings(
    db,
    {
      fromFieldnotes: /^Fieldnotes\b/.test(project.origin ?? ''),
      notes: project.notes.map((n) => ({ ...n, text: noteText(n.guid) })),
      links: project.links,
      themeOfCode: themeOf,
      passageOfSelection,
    },
    reviewerId,
  );
  for (const guid of found.usedNotes) usedNotes.add(guid);
  const otherLinks = project.links.length - found.usedLinks.size;
  if (otherLinks) notCarried.push(`${plural(otherLinks, 'link')} between items: Fieldnotes has no links, so ${otherLinks === 1 ? 'it was' : 'they were'} not carried.`);
  if (found.passagesLost) remarks.push(`${plural(found.passagesLost, 'supporting passage')} of findings ${found.passagesLost === 1 ? 'was' : 'were'} not imported (see above), so the finding${found.passagesLost === 1 ? ' lost it' : 's lost them'}.`);
  if (found.findings) remarks.push(`${plural(found.findings, 'finding')} came back with ${found.findings === 1 ? 'its' : 'their'} statement, status, themes and supporting passages; confidence (CERQual) is in each one’s description in the file and is assessed again here.`);

  // The rest of the notes: memos of the project, its sources or codes, as notes of their own.
  const memoNotes = project.notes.filter((n) => !usedNotes.has(n.guid) && noteText(n.guid));
  for (const note of memoNotes) {
    const text = noteText(note.guid);
    insertNote(db, { engagementId: fallbackEngagement(), title: `Memo: ${note.name}`.slice(0, 280), document: textToDocument(text.replace(/\r\n?/g, '\n'), []), source: 'qdpx' }, reviewerId);
    memosAdded++;
    notesAdded++;
  }

  return {
    projectName: project.name,
    origin: project.origin,
    themes: { added: tree.added, merged: tree.merged, items: tree.items.slice(0, 500) },
    counts: {
      engagements,
      notes: notesAdded,
      passages: passagesAdded,
      participants: project.cases.length,
      memos: memosAdded,
      findings: found.findings,
    },
    alignment: { aligned: alignedPassages, total: passagesAdded },
    notCarried,
    remarks,
  };
}

/** The text of a passage as imported, for tests and the report. */
export const passageText = (document: string, id: string) => {
  const anchors = documentAnchors(document);
  const at = anchors.passages.get(id);
  return at ? sliceCodePoints(anchors.plainText, at.start, at.end) : null;
};
