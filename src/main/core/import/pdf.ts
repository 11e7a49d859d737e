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

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const isTextItem = (item: object): item is PdfTextItem => 'str' in item && 'transform' in item;

/**
 * A PDF submission → blocks, page by page. Text only: nothing is fetched
 * (no fonts, no character maps, no WebAssembly — text extraction needs none
 * of them), nothing is evaluated, and images are never decoded.
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
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      try {
        const content = await page.getTextContent();
        const items: PositionedText[] = [];
        for (const item of content.items) {
          if (!isTextItem(item)) continue;
          const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
          items.push({
            text: item.str,
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
