import mammoth from 'mammoth';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { htmlToBlocks } from './html';
import { refuse } from './refuse';

/**
 * Word's own quotation and title styles, and LibreOffice's, mapped onto the
 * blocks a note has; mammoth already maps Heading 1–6 and lists.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

/** Pictures in a .docx are left out of the note (attach the photos instead): never base64 them into HTML. */
const dropImages = mammoth.images.imgElement(async () => ({ src: '' }));

/** A .docx (already known to be a zip holding word/document.xml) → blocks. */
export async function readDocx(bytes: Buffer, fileName: string): Promise<NoteBlock[]> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, convertImage: dropImages, externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw refuse(
      fileName,
      'it is damaged or is not a Word document Fieldnotes can read. Open it in Word or LibreOffice, save it again as .docx, then import that copy.',
    );
  }
  return htmlToBlocks(html);
}
