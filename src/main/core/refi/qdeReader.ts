import { FieldnotesError } from '../../../shared/rpc/result';
import { readCodeBook, type QdcCodebook } from '../codebook/qdcReader';
import { parseXml, XmlError, type XmlElement } from '../codebook/xml';
import { normaliseGuid } from './guids';
import type { ProjectLink, ProjectNote, ProjectSet, VariableType } from './model';
import { PROJECT_NS } from './qdeWriter';

/** A selection as the file has it: positions in the file's own convention (see positions.ts). */
export interface RawSelection {
  guid: string;
  start: number;
  end: number;
  name: string;
  codeGuids: string[];
  description: string;
  noteGuids: string[];
  line: number;
}

export interface RawTextSource {
  guid: string;
  name: string;
  /** internal:// paths, as written. */
  plainTextPath: string | null;
  richTextPath: string | null;
  /** Text given inline (PlainTextContent) instead of a file. */
  content: string | null;
  description: string;
  selections: RawSelection[];
  noteGuids: string[];
}

export interface RawCase {
  guid: string;
  name: string;
  description: string;
  /** Variable guid → value as text. */
  values: Map<string, string>;
  sourceGuids: string[];
  selectionGuids: string[];
}

export interface RawProject {
  name: string;
  origin: string | null;
  codebook: QdcCodebook;
  variables: Map<string, { name: string; type: VariableType }>;
  cases: RawCase[];
  sources: RawTextSource[];
  notes: (ProjectNote & { plainTextPath: string | null })[];
  links: ProjectLink[];
  sets: ProjectSet[];
  /** What the file holds that Fieldnotes cannot carry, one sentence each. */
  notCarried: string[];
}

/** Deeper than any REFI-QDA project nests (codes may go 50 deep, a few levels around them). */
const MAX_DEPTH = 64;
const MAX_SELECTIONS = 200_000;

const refuse = (message: string) => new FieldnotesError('UNSUPPORTED_FILE', message);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const childrenNamed = (element: XmlElement | undefined, local: string) => element?.children.filter((c) => c.local === local) ?? [];
const child = (element: XmlElement | undefined, local: string) => element?.children.find((c) => c.local === local);
const guidOf = (element: XmlElement) => normaliseGuid(element.attrs.guid ?? '');
const refs = (element: XmlElement, local: string) => childrenNamed(element, local).map((r) => normaliseGuid(r.attrs.targetGUID ?? '')).filter(Boolean);

/** Parse a project.qde; refuses what is not a REFI-QDA 1.0 project with a sentence. */
export function readQde(xml: string): RawProject {
  let root: XmlElement;
  try {
    root = parseXml(xml, { maxDepth: MAX_DEPTH });
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    if (error.refused) throw refuse(`This project cannot be imported: ${error.message}. Nothing was imported.`);
    throw refuse(`This project's XML (the .qde inside the .qdpx) is not well-formed (${error.message}), so nothing was imported. Export the project again from the program that made it.`);
  }
  if (root.local !== 'Project' || (root.ns !== null && root.ns !== PROJECT_NS)) {
    throw refuse(`This is not a REFI-QDA project: its XML's top element is <${root.local}>${root.ns ? ` in “${root.ns}”` : ''}, not <Project> in ${PROJECT_NS}. Nothing was imported.`);
  }
  const origin = root.attrs.origin?.trim() || null;
  const notCarried: string[] = [];
  const codeBook = child(root, 'CodeBook');
  const codebook: QdcCodebook = codeBook ? readCodeBook(codeBook, origin) : { origin, codes: [], notes: [] };

  const variables = new Map<string, { name: string; type: VariableType }>();
  for (const variable of childrenNamed(child(root, 'Variables'), 'Variable')) {
    variables.set(guidOf(variable), { name: variable.attrs.name?.trim() || 'Variable', type: (variable.attrs.typeOfVariable as VariableType) ?? 'Text' });
  }
  const valuesOf = (element: XmlElement) => {
    const values = new Map<string, string>();
    for (const entry of childrenNamed(element, 'VariableValue')) {
      const ref = child(entry, 'VariableRef')?.attrs.targetGUID;
      const value = entry.children.find((c) => c.local.endsWith('Value'));
      if (ref && value) values.set(normaliseGuid(ref), value.text.trim());
    }
    return values;
  };
  const cases: RawCase[] = childrenNamed(child(root, 'Cases'), 'Case').map((element) => ({
    guid: guidOf(element),
    name: element.attrs.name?.trim() ?? '',
    description: child(element, 'Description')?.text.trim() ?? '',
    values: valuesOf(element),
    sourceGuids: refs(element, 'SourceRef'),
    selectionGuids: refs(element, 'SelectionRef'),
  }));

  let selectionCount = 0;
  const readSelection = (element: XmlElement): RawSelection | null => {
    if (++selectionCount > MAX_SELECTIONS) throw refuse(`This project holds more than ${plural(MAX_SELECTIONS, 'coded selection')}, more than Fieldnotes can import at once.`);
    const start = Number(element.attrs.startPosition);
    const end = Number(element.attrs.endPosition);
    return {
      guid: guidOf(element),
      start,
      end,
      name: element.attrs.name ?? '',
      codeGuids: childrenNamed(element, 'Coding').flatMap((coding) => refs(coding, 'CodeRef')),
      description: child(element, 'Description')?.text.trim() ?? '',
      noteGuids: [...refs(element, 'NoteRef'), ...childrenNamed(element, 'Coding').flatMap((coding) => refs(coding, 'NoteRef'))],
      line: element.line,
    };
  };
  const readTextSource = (element: XmlElement, name?: string): RawTextSource => ({
    guid: guidOf(element),
    name: name ?? (element.attrs.name?.trim() || 'Untitled source'),
    plainTextPath: element.attrs.plainTextPath?.trim() || null,
    richTextPath: element.attrs.richTextPath?.trim() || null,
    content: child(element, 'PlainTextContent')?.text ?? null,
    description: child(element, 'Description')?.text.trim() ?? '',
    selections: childrenNamed(element, 'PlainTextSelection').map(readSelection).filter((s): s is RawSelection => s !== null),
    noteGuids: refs(element, 'NoteRef'),
  });

  const sources: RawTextSource[] = [];
  const media = { PictureSource: 0, AudioSource: 0, VideoSource: 0, PDFSource: 0 };
  const mediaSelections = { PictureSelection: 0, AudioSelection: 0, VideoSelection: 0, PDFSelection: 0, TranscriptSelection: 0 };
  let transcripts = 0;
  for (const element of child(root, 'Sources')?.children ?? []) {
    if (element.local === 'TextSource') {
      sources.push(readTextSource(element));
      continue;
    }
    if (element.local in media) media[element.local as keyof typeof media]++;
    const count = (e: XmlElement) => {
      for (const c of e.children) {
        if (c.local in mediaSelections) mediaSelections[c.local as keyof typeof mediaSelections]++;
        if (c.local === 'Transcript') transcripts++;
        if (c.local === 'Transcript' || c.local === 'Representation') count(c);
      }
    };
    count(element);
    // A PDF's text representation is a text source of its own, with text selections: that much can be carried.
    for (const representation of childrenNamed(element, 'Representation')) {
      if (representation.attrs.plainTextPath) sources.push(readTextSource(representation, `${element.attrs.name?.trim() || 'PDF'} (text)`));
    }
  }
  const mediaNames: [keyof typeof media, string][] = [
    ['PDFSource', 'PDF document'],
    ['PictureSource', 'picture'],
    ['AudioSource', 'audio recording'],
    ['VideoSource', 'video'],
  ];
  for (const [key, label] of mediaNames) {
    if (media[key]) notCarried.push(`${plural(media[key], label)}: Fieldnotes keeps text only, so ${media[key] === 1 ? 'it was' : 'they were'} not imported${key === 'PDFSource' ? ' (a PDF’s text representation, where the file has one, is imported as a note)' : ''}.`);
  }
  const selectionNames: [keyof typeof mediaSelections, string][] = [
    ['PDFSelection', 'PDF region'],
    ['PictureSelection', 'picture region'],
    ['AudioSelection', 'audio selection'],
    ['VideoSelection', 'video selection'],
    ['TranscriptSelection', 'transcript selection'],
  ];
  for (const [key, label] of selectionNames) {
    if (mediaSelections[key]) notCarried.push(`${plural(mediaSelections[key], `coded ${label}`)} (with ${mediaSelections[key] === 1 ? 'its' : 'their'} codings): not text, so not carried.`);
  }
  if (transcripts) notCarried.push(`${plural(transcripts, 'transcript')} of audio or video: their timing is not carried (a transcript that is also a text source is imported as that source).`);

  const notes = childrenNamed(child(root, 'Notes'), 'Note').map((element) => ({
    guid: guidOf(element),
    name: element.attrs.name?.trim() || 'Memo',
    text: child(element, 'PlainTextContent')?.text ?? '',
    description: child(element, 'Description')?.text.trim() ?? '',
    plainTextPath: element.attrs.plainTextPath?.trim() || null,
  }));

  const sets: ProjectSet[] = childrenNamed(child(root, 'Sets'), 'Set').map((element) => ({
    guid: guidOf(element),
    name: element.attrs.name?.trim() || 'Set',
    description: child(element, 'Description')?.text.trim() ?? '',
    sourceGuids: refs(element, 'MemberSource'),
    codeGuids: refs(element, 'MemberCode'),
    noteGuids: refs(element, 'MemberNote'),
  }));

  // Which links are carried (a Fieldnotes finding's) is for the importer to say.
  const links: ProjectLink[] = childrenNamed(child(root, 'Links'), 'Link').map((element) => ({
    guid: guidOf(element),
    name: element.attrs.name?.trim() ?? '',
    originGuid: normaliseGuid(element.attrs.originGUID ?? ''),
    targetGuid: normaliseGuid(element.attrs.targetGUID ?? ''),
  }));
  const graphs = childrenNamed(child(root, 'Graphs'), 'Graph').length;
  if (graphs) notCarried.push(`${plural(graphs, 'graph')} (network view${graphs === 1 ? '' : 's'}): not carried.`);

  return { name: root.attrs.name?.trim() || 'Imported project', origin, codebook, variables, cases, sources, notes, links, sets, notCarried };
}
