/**
 * Page numbers for the PDF's contents (issue 13). Chromium has no CSS
 * `target-counter()`, so a printed contents can say where a chapter starts
 * only once the pages exist. Each contents entry is a link, which Chromium
 * prints as a link annotation over the entry's text pointing at a named
 * destination on the heading's page; so after printing we read each link's
 * destination page and write that number at the right margin, on the entry's
 * last line. The numbers are exact by construction (they come from the pages
 * themselves) and cost no second print.
 *
 * The numbers are marked as artifacts: the tagged contents already give a
 * screen reader each entry as a link to its heading.
 */
import { beginMarkedContent, endMarkedContent, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, rgb, StandardFonts, type PDFPage } from 'pdf-lib';

/** Where the printed contents are and how they are set (reportCss.ts). */
export interface ContentsLayout {
  /** The page's right margin, in points: the numbers end there. */
  rightMargin: number;
  /** Entries set at or above this size are chapters, numbered in bold. */
  chapterSize: number;
}

/** Arial's ascent and descent, in ems: a link's box is the text's, so its height gives the size and baseline. */
const ARIAL = { ascent: 0.905, descent: 0.212 };
const INK = rgb(0x21 / 255, 0x2b / 255, 0x32 / 255);

interface Entry {
  page: PDFPage;
  /** The page the entry points at, counted from 1. */
  target: number;
  rect: [number, number, number, number];
}

/** The page (from 1) each named destination is on. */
function destinationPages(pdf: PDFDocument): Map<string, number> {
  const pageIndex = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const pages = new Map<string, number>();
  for (const [name, value] of dests?.entries() ?? []) {
    const dest = pdf.context.lookupMaybe(value, PDFArray);
    const ref = dest?.get(0);
    const page = ref instanceof PDFRef ? pageIndex.get(ref.toString()) : undefined;
    if (page !== undefined) pages.set(name.decodeText(), page);
  }
  return pages;
}

/** The contents' links: on the pages after the title page, up to the page the first entry points at. */
function contentsEntries(pdf: PDFDocument, destinations: Map<string, number>): Entry[] {
  const entries: Entry[] = [];
  const pages = pdf.getPages();
  let end = pages.length;
  for (let i = 1; i < end; i++) {
    const page = pages[i]!;
    const annots = page.node.Annots();
    // The last entry of a name wins: an entry that wraps has one link per line, the last one lowest.
    const byName = new Map<string, Entry>();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = annots!.lookupMaybe(k, PDFDict);
      const dest = annot?.lookupMaybe(PDFName.of('Dest'), PDFName);
      const rect = annot?.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
      const target = dest ? destinations.get(dest.decodeText()) : undefined;
      if (!rect || target === undefined) continue;
      if (entries.length === 0 && byName.size === 0) end = Math.min(end, target - 1);
      const entry: Entry = { page, target, rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height] };
      const known = byName.get(dest!.decodeText());
      if (!known || entry.rect[1] < known.rect[1]) byName.set(dest!.decodeText(), entry);
    }
    if (byName.size === 0) break;
    entries.push(...byName.values());
  }
  return entries;
}

export async function numberContents(bytes: Uint8Array, layout: ContentsLayout): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const entries = contentsEntries(pdf, destinationPages(pdf));
  if (entries.length === 0) return bytes;
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const { page, target, rect } of entries) {
    const size = Math.round(((rect[3] - rect[1]) / (ARIAL.ascent + ARIAL.descent)) * 4) / 4;
    const font = size >= layout.chapterSize ? bold : regular;
    const text = target.toLocaleString('en-GB');
    const x = page.getWidth() - layout.rightMargin - font.widthOfTextAtSize(text, size);
    page.pushOperators(beginMarkedContent('Artifact'));
    page.drawText(text, { x, y: rect[1] + ARIAL.descent * size, size, font, color: INK });
    page.pushOperators(endMarkedContent());
  }
  return pdf.save();
}
