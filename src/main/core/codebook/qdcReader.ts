import { FieldnotesError } from '../../../shared/rpc/result';
import type { CodeNode } from './codeTree';
import { fromDescription } from './description';
import { CODEBOOK_NS } from './qdcWriter';
import { parseXml, XmlError, type XmlElement } from './xml';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const MAX_CODES = 10_000;
const MAX_DEPTH = 50;
const MAX_NAME = 200;
const MAX_TEXT = 20_000;

export interface QdcCodebook {
  /** The program that wrote it, as it says. */
  origin: string | null;
  codes: CodeNode[];
  /** What the import changes or leaves out, for the preview. */
  notes: string[];
}

const refuse = (message: string) => new FieldnotesError('UNSUPPORTED_FILE', message);
const EXPORT_AGAIN = 'Export the codebook from the program that made it again, as a REFI-QDA codebook (.qdc).';

/**
 * Read a REFI-QDA codebook. Accepted: a .qdc (<CodeBook> in the codebook
 * namespace), and the <CodeBook> element of a project on its own (in the
 * project namespace, or none when cut out of a .qde). A whole project (.qde)
 * is refused unless `acceptProject` — the project importer's way in.
 */
export function readQdc(xml: string, options: { acceptProject?: boolean } = {}): QdcCodebook {
  if (xml.startsWith('PK\u0003\u0004')) {
    throw refuse(
      'This is a zipped file, such as a REFI-QDA project (.qdpx), not a codebook. In the program that made it, export the codebook alone as a .qdc file and import that.',
    );
  }
  let root: XmlElement;
  try {
    // Checked while parsing: a file nested deeper than any codebook stops at the first element too deep.
    root = parseXml(xml, { maxDepth: MAX_DEPTH + 4 });
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    if (error.refused) throw refuse(`This file cannot be imported: ${error.message}. ${EXPORT_AGAIN}`);
    throw refuse(`This file is not a readable codebook: it is not well-formed XML (${error.message}). ${EXPORT_AGAIN}`);
  }
  const origin = root.attrs.origin?.trim() || null;
  if (root.local === 'Project' && root.ns === PROJECT_NS) {
    const codeBook = root.children.find((child) => child.local === 'CodeBook');
    if (!options.acceptProject) {
      throw refuse(
        'This is a REFI-QDA project (.qde), not a codebook. In NVivo, ATLAS.ti, MAXQDA or QualCoder, export the codebook alone (.qdc) and import that file here.',
      );
    }
    if (!codeBook) return { origin, codes: [], notes: ['This project has no codebook.'] };
    return readCodeBook(codeBook, origin);
  }
  if (root.local !== 'CodeBook') {
    throw refuse(`This XML file is not a REFI-QDA codebook: its top element is <${root.local}>, not <CodeBook>. Choose a .qdc file.`);
  }
  if (root.ns !== null && root.ns !== CODEBOOK_NS && root.ns !== PROJECT_NS) {
    throw refuse(`This codebook is in the namespace “${root.ns}”, which is not REFI-QDA 1.0 (${CODEBOOK_NS}). ${EXPORT_AGAIN}`);
  }
  return readCodeBook(root, origin);
}

/** Cut to `max` UTF-16 units with an ellipsis, never between the halves of a surrogate pair. */
function shorten(text: string, max: number): string {
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** One line, no control characters, within our length: a name any theme can have. */
function cleanName(raw: string | undefined, notes: Set<string>): string {
  // A name is one line: each run of line breaks, tabs or other control characters becomes one space.
  // eslint-disable-next-line no-control-regex
  let name = (raw ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!name) {
    notes.add('Codes without a name are added as “Untitled code”.');
    name = 'Untitled code';
  }
  if (name.length > MAX_NAME) {
    notes.add(`Names longer than ${MAX_NAME} characters are shortened.`);
    name = shorten(name, MAX_NAME);
  }
  return name;
}

const clip = (text: string, notes: Set<string>) => {
  if (text.length <= MAX_TEXT) return text;
  notes.add(`Descriptions longer than ${MAX_TEXT.toLocaleString('en-GB')} characters are shortened.`);
  return shorten(text, MAX_TEXT);
};

/** "#abc" → "#AABBCC"; anything else that is not a colour → none (the theme gets one of ours). */
function cleanColour(raw: string | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(value)) return `#${[...value.slice(1)].map((c) => c + c).join('')}`.toUpperCase();
  return null;
}

export function readCodeBook(codeBook: XmlElement, origin: string | null): QdcCodebook {
  const codesElement = codeBook.children.find((child) => child.local === 'Codes');
  if (!codesElement) throw refuse(`This codebook has no list of codes (<Codes>), so the file is incomplete. ${EXPORT_AGAIN}`);
  const notes = new Set<string>();
  let count = 0;
  let notCodable = 0;

  const readCode = (element: XmlElement, depth: number): CodeNode => {
    if (++count > MAX_CODES) {
      throw new FieldnotesError('TOO_LARGE', `This codebook holds more than ${MAX_CODES.toLocaleString('en-GB')} codes, more than Fieldnotes can import at once.`);
    }
    if (depth > MAX_DEPTH) throw refuse(`This codebook nests codes more than ${MAX_DEPTH} levels deep (line ${element.line}). ${EXPORT_AGAIN}`);
    if (element.attrs.isCodable?.trim() === 'false' || element.attrs.isCodable?.trim() === '0') notCodable++;
    const description = element.children.find((child) => child.local === 'Description');
    const text = fromDescription(description?.text ?? '');
    return {
      name: cleanName(element.attrs.name, notes),
      colour: cleanColour(element.attrs.color),
      definition: clip(text.definition, notes),
      exclusions: clip(text.exclusions, notes),
      code: text.code,
      guid: element.attrs.guid?.trim() || undefined,
      children: element.children.filter((child) => child.local === 'Code').map((child) => readCode(child, depth + 1)),
    };
  };

  const codes = codesElement.children.filter((child) => child.local === 'Code').map((child) => readCode(child, 0));
  if (notCodable) {
    notes.add(
      `${notCodable} code${notCodable === 1 ? ' was' : 's were'} marked “not for coding” in the file; here every theme can tag passages.`,
    );
  }
  const sets = codeBook.children.find((child) => child.local === 'Sets')?.children.filter((child) => child.local === 'Set').length ?? 0;
  if (sets) notes.add(`The file’s ${sets} set${sets === 1 ? '' : 's'} of codes ${sets === 1 ? 'is' : 'are'} not imported: Fieldnotes groups themes by hierarchy only.`);
  return { origin, codes, notes: [...notes] };
}
