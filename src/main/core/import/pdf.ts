import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { FieldnotesError } from '../../../shared/rpc/result';
import { pagesToBlocks, textToLines, type Page, type PositionedText } from './pdfLayout';
import { refuse } from './refuse';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/**
 * Load pdf.js once. Under Node (the core, in Electron's main process, the
 * loopback host, tests) pdf.js runs its "worker" on the same thread; handing
 * it the worker module as `globalThis.pdfjsWorker` means it never looks for a
 * worker file by path, which breaks once the core is bundled.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjs;
}

/**
 * pdf.js's character maps (CMaps: Shift-JIS, Big5, GB, KSC… → glyphs, and what those glyphs mean) and
 * its standard fonts, read from the pdfjs-dist package on disk — in the packaged app too, where it ships
 * in node_modules — never over the network. Without them a Japanese, Chinese or Korean PDF whose fonts
 * are not embedded has no text. Paths end with a separator, as pdf.js wants.
 */
export function pdfJsDataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep };
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const isTextItem = (item: object): item is PdfTextItem => 'str' in item && 'transform' in item;

/** C0 controls (and DEL), but not tab, line feed or carriage return: a text layer never means them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** What a broken font's text layer is made of: private-use code points and replacement characters. */
const NOT_TEXT = /[\uE000-\uF8FF\uFFFD]/g;
const LETTERS = /[\p{L}\p{N}]/gu;

/** How much of a text layer is text: counted over the whole file, to refuse one that is mostly garbage. */
class TextTally {
  letters = 0;
  garbage = 0;
  /**
   * One run of the text layer, cleaned: compatibility forms folded (NFKC: Arabic presentation forms
   * to letters, ligatures to their letters, full-width Latin to Latin), so what is imported can be
   * searched as it is typed; control characters dropped.
   */
  clean(raw: string): string {
    const text = raw.normalize('NFKC');
    this.garbage += (text.match(CONTROLS)?.length ?? 0) + (text.match(NOT_TEXT)?.length ?? 0);
    const kept = text.replace(CONTROLS, '');
    this.letters += kept.match(LETTERS)?.length ?? 0;
    return kept;
  }
  mostlyGarbage(): boolean {
    return this.garbage > 0 && this.garbage >= this.letters;
  }
}

/**
 * A PDF submission → blocks, page by page. Text only: nothing is fetched
 * over the network (character maps and standard fonts come from disk, no
 * WebAssembly), nothing is evaluated, and images are never decoded.
 */
export async function readPdf(
  bytes: Uint8Array,
  fileName: string,
  onPage?: (done: number, total: number) => void,
): Promise<NoteBlock[]> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWasm: false,
    useWorkerFetch: false,
    ...pdfJsDataFolders(),
    cMapPacked: true,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'PasswordException') {
      throw refuse(fileName, 'it is protected by a password. Open it, save a copy without the password, then import that copy.');
    }
    throw refuse(fileName, 'it is damaged or is not really a PDF. Open it in a PDF reader, save or print it to a new PDF, then import that.');
  }
  try {
    const pages: Page[] = [];
    const tally = new TextTally();
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      try {
        const content = await page.getTextContent();
        const items: PositionedText[] = [];
        for (const item of content.items) {
          if (!isTextItem(item)) continue;
          const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
          items.push({
            text: tally.clean(item.str),
            x,
            y,
            width: item.width,
            size: Math.hypot(c, d) || Math.hypot(a, b) || item.height,
            endOfLine: item.hasEOL,
          });
        }
        const [, bottom = 0, , top = 0] = page.view;
        pages.push({ lines: textToLines(items.map((i) => ({ ...i, y: i.y - bottom }))), height: top - bottom });
      } finally {
        page.cleanup();
      }
      onPage?.(number, document.numPages);
    }
    if (tally.mostlyGarbage()) {
      throw refuse(
        fileName,
        'its text layer is not readable text (mostly control or unmapped characters — the fonts in it do not say which letters they show). Run it through text recognition (OCR), or save it again from the program that made it, then import the result.',
      );
    }
    if (!pages.some((p) => p.lines.length)) {
      throw refuse(
        fileName,
        'it has no text to import — it may be a scan or photo of pages. Run it through text recognition (OCR), then import the result.',
      );
    }
    return pagesToBlocks(pages);
  } catch (error) {
    if (error instanceof FieldnotesError) throw error;
    throw refuse(fileName, 'part of it is damaged and its text could not be read. Save or print it to a new PDF, then import that.');
  } finally {
    await document.destroy();
  }
}
