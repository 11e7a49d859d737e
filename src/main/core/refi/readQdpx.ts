import { FieldnotesError } from '../../../shared/rpc/result';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { documentAnchors } from '../../../shared/note/anchors';
import { readDocx } from '../import/docx';
import { readQde, type RawProject } from './qdeReader';
import { readZip, type ZipLimits } from './zipRead';

/** A project read whole from a .qdpx, with each source's text found (or known to be missing); nothing written yet. */
export interface PreparedProject {
  fileName: string;
  project: RawProject;
  /** Source guid → its text as the file has it (BOM removed, line ends as written); absent: missing or unreadable. */
  texts: Map<string, string>;
  /** Sources whose text came from a Word file, positions then judged over our reading of it. */
  fromDocx: Set<string>;
  /** Note guid → text read from its own file. */
  noteTexts: Map<string, string>;
  /** One sentence per source that could not be read. */
  unreadable: string[];
}

const refuse = (message: string) => new FieldnotesError('UNSUPPORTED_FILE', message);

/** "internal://abc.txt" → "abc.txt"; anything that is not an internal path → null (not in the archive). */
function internalName(path: string | null): string | null {
  const match = /^internal:\/\/(.+)$/i.exec(path ?? '');
  return match ? match[1]!.replace(/^\/+/, '') : null;
}

/** Text bytes → text with its line ends as written: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
function decode(bytes: Buffer): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return null;
  }
}

/**
 * Unzip and parse a .qdpx, and find every source's text. Tolerates what real
 * exports do: the XML named project.qde, Project.qde or after the project;
 * sources in sources/ or Sources/ (or at the top); sources referenced but
 * absent (reported by the importer, not fatal). Refuses, with a sentence,
 * anything that is not a project or that is hostile (see zipRead.ts and the
 * XML reader).
 */
export async function readQdpx(bytes: Buffer, fileName: string, limits?: ZipLimits): Promise<PreparedProject> {
  const files = await readZip(bytes, limits);
  const byName = new Map<string, Buffer>();
  for (const [name, data] of files) byName.set(name.toLowerCase(), data);
  const qdes = [...files.keys()].filter((name) => /\.qde$/i.test(name));
  const qde = qdes.find((name) => name.toLowerCase() === 'project.qde') ?? (qdes.length === 1 ? qdes[0] : undefined);
  if (!qde) {
    throw refuse(
      qdes.length
        ? `This archive holds ${qdes.length} project files (.qde), so it is not clear which to import. Export the project again as one .qdpx.`
        : `This zip holds no REFI-QDA project file (.qde), so it is not a .qdpx project. Choose a .qdpx exported from NVivo, ATLAS.ti, MAXQDA, QualCoder or Fieldnotes.`,
    );
  }
  const xml = decode(files.get(qde)!);
  if (xml === null) throw refuse('The project file inside this .qdpx is not UTF-8 or UTF-16 text, so it cannot be read. Nothing was imported.');
  const project = readQde(xml);

  const find = (path: string | null): Buffer | undefined => {
    const name = internalName(path);
    if (!name) return undefined;
    const lower = name.toLowerCase();
    return byName.get(`sources/${lower}`) ?? byName.get(lower);
  };
  const texts = new Map<string, string>();
  const fromDocx = new Set<string>();
  const unreadable: string[] = [];
  for (const source of project.sources) {
    if (source.content !== null && !source.plainTextPath) {
      texts.set(source.guid, source.content);
      continue;
    }
    const plain = find(source.plainTextPath);
    if (plain) {
      const text = decode(plain);
      if (text === null) unreadable.push(`“${source.name}”: its text file is not UTF-8 or UTF-16 text.`);
      else texts.set(source.guid, text);
      continue;
    }
    const rich = find(source.richTextPath);
    if (rich && /\.docx$/i.test(source.richTextPath ?? '')) {
      try {
        // Read for its text, as our own .docx import reads it.
        const blocks = await readDocx(rich, source.name);
        texts.set(source.guid, documentAnchors(blocksToDocument(blocks)).plainText);
        fromDocx.add(source.guid);
      } catch (error) {
        unreadable.push(`“${source.name}”: its Word file could not be read (${(error as Error).message}).`);
      }
    }
  }
  const noteTexts = new Map<string, string>();
  for (const note of project.notes) {
    const file = find(note.plainTextPath);
    const text = file ? decode(file) : null;
    if (text !== null) noteTexts.set(note.guid, text);
  }
  return { fileName, project, texts, fromDocx, noteTexts, unreadable };
}
