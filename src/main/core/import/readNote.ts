import { unzipSync } from 'fflate';
import { fileExtension, type ImportSource } from '../../../shared/domain/files';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { isOleDocument, isPdf, isZip, sniffImage } from '../files/sniff';
import { readDocx } from './docx';
import { readPdf } from './pdf';
import { refuse } from './refuse';
import { decodeText } from './text';
import { parseTranscript } from './transcript';

export type ImportKind = 'docx' | 'txt' | 'md' | 'pdf';

const TEXT_EXTENSIONS: Record<string, ImportKind> = { txt: 'txt', text: 'txt', md: 'md', markdown: 'md' };
/** A document.xml this large is a zip bomb, not a transcript. */
const MAX_DOCUMENT_XML = 256 * 1024 * 1024;

const SAVE_AS_DOCX = 'Open it in Word or LibreOffice, save it as .docx, then import that copy.';
const WHAT_WE_READ = 'Fieldnotes imports Word (.docx), text (.txt), Markdown (.md) and PDF files.';

function zipEntries(bytes: Uint8Array): Map<string, number> {
  const entries = new Map<string, number>();
  unzipSync(bytes, {
    filter: (file) => {
      entries.set(file.name, file.originalSize);
      return false; // list only: nothing is inflated here
    },
  });
  return entries;
}

/**
 * What a file to import really is, from its bytes first and its name second:
 * a PDF or a Word package is read as such whatever it is called, and a
 * .docx or .pdf that is not one is refused as damaged.
 */
export function detectImportKind(bytes: Uint8Array, fileName: string): ImportKind {
  const extension = fileExtension(fileName);
  if (bytes.length === 0) throw refuse(fileName, 'it is empty.');
  if (isPdf(bytes)) return 'pdf';
  if (isZip(bytes)) {
    let entries: Map<string, number>;
    try {
      entries = zipEntries(bytes);
    } catch {
      throw refuse(
        fileName,
        extension === 'docx'
          ? `it is damaged (it may have been cut short while copying or downloading). ${SAVE_AS_DOCX}`
          : 'it is a damaged zip archive.',
      );
    }
    const documentXml = entries.get('word/document.xml');
    if (documentXml !== undefined) {
      if (documentXml > MAX_DOCUMENT_XML) throw refuse(fileName, 'its text is too large to import as notes.');
      return 'docx';
    }
    if (entries.has('content.xml')) throw refuse(fileName, `it is an OpenDocument file, not a Word document. ${SAVE_AS_DOCX}`);
    if (extension === 'docx') throw refuse(fileName, `it is damaged: there is no document inside it. ${SAVE_AS_DOCX}`);
    throw refuse(fileName, `it is a zip archive, not a document. ${WHAT_WE_READ}`);
  }
  if (isOleDocument(bytes)) throw refuse(fileName, `it is an older Office document (.doc), which Fieldnotes does not read. ${SAVE_AS_DOCX}`);
  if (extension === 'docx') throw refuse(fileName, `it is damaged or is not really a Word document. ${SAVE_AS_DOCX}`);
  if (extension === 'pdf') {
    throw refuse(fileName, 'it is damaged or is not really a PDF. Open it in a PDF reader, save or print it to a new PDF, then import that.');
  }
  const image = sniffImage(bytes);
  if (image) throw refuse(fileName, `it is an image (${image.toUpperCase()}), not text. Add it as an attachment instead.`);
  const kind = TEXT_EXTENSIONS[extension];
  if (kind) return kind;
  if (extension === 'doc' || extension === 'rtf' || extension === 'odt' || extension === 'pages') {
    throw refuse(fileName, `Fieldnotes does not read .${extension} files. ${SAVE_AS_DOCX}`);
  }
  throw refuse(fileName, extension ? `${WHAT_WE_READ} This is a .${extension} file.` : WHAT_WE_READ);
}

export interface ReadNote {
  source: ImportSource;
  blocks: NoteBlock[];
}

/**
 * A file's bytes → the blocks of a note, or a refusal naming the file and
 * the reason. Pure apart from pdf.js and mammoth: nothing is stored here, so
 * a file that fails halfway leaves no trace. `onProgress` reports pages read
 * for PDFs (the only slow reader), for a host that can show it.
 */
export async function readNote(
  bytes: Buffer,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ReadNote> {
  const kind = detectImportKind(bytes, fileName);
  let blocks: NoteBlock[];
  if (kind === 'docx') blocks = await readDocx(bytes, fileName);
  else if (kind === 'pdf') blocks = await readPdf(bytes, fileName, onProgress);
  else blocks = parseTranscript(decodeText(bytes, fileName), kind);
  if (!blocks.length) throw refuse(fileName, 'it has no text in it.');
  return { source: `import:${kind}`, blocks };
}
