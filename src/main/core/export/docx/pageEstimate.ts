/**
 * A cheap estimate of the page each heading starts on, for the page numbers of
 * the report's table of contents (issue 13).
 *
 * Why our own: LibreOffice never updates fields on open, so the numbers must be
 * written into the TOC. `docx/layout` lays the pages out exactly as Word does
 * but took 13–20 s of a 16 s export at review scale; this reads the body once,
 * in well under a second, measuring lines by an average character width of
 * Arial. It knows what the report is made of — paragraphs in our own styles,
 * tables of rows that do not split, page breaks before each chapter, sections
 * in portrait and landscape — and nothing else. The numbers can be a page out
 * where a long table or quote breaks differently; the TOC is a real field, so
 * Word's "Update Table" (F9) makes them exact.
 */
import type { EstimatedPageNumbers, IContext, IParagraphStyleOptions, IStylesOptions, IXmlableObject, PageNumberEstimator } from 'docx';
import { TABLE_STYLE } from './styles';

/**
 * Arial's advance widths (the same as Helvetica's and Liberation Sans's), in thousandths of an em, for
 * the printable ASCII characters from the space on; anything else counts as an average letter.
 */
const REGULAR = widths(
  '278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 ' +
    '1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 ' +
    '333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584',
);
const BOLD = widths(
  '278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611 ' +
    '975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 ' +
    '333 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584',
);
const AVERAGE = { regular: 540, bold: 580 };

function widths(list: string): Float64Array {
  const table = new Float64Array(128);
  list.split(' ').forEach((w, i) => (table[32 + i] = Number(w) / 1000));
  return table;
}

/** How many lines a text takes at this width, broken at spaces as a word processor does. */
function countLines(text: string, width: number, sizeTwips: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  const average = (bold ? AVERAGE.bold : AVERAGE.regular) / 1000;
  const limit = width / sizeTwips; // in ems
  const advance = (ch: number) => (ch < 128 ? table[ch]! || average : average);
  let lines = 1;
  let line = 0;
  let word = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 32;
    if (ch === 32) {
      if (line > 0 && line + word > limit) {
        lines++;
        line = 0;
      }
      // A word longer than a line breaks within it.
      while (word > limit) {
        lines++;
        word -= limit;
      }
      line += word + advance(32);
      word = 0;
    } else word += advance(ch);
  }
  return lines;
}

/** Arial's line at "single" spacing, in ems (ascent + descent + gap). */
const ARIAL_LINE_EM = 1.10;

interface Metrics {
  sizeTwips: number;
  bold: boolean;
  before: number;
  after: number;
  /** Line spacing in 240ths of a line ("auto"), as Word stores it. */
  line: number;
  indent: number;
  keepNext: boolean;
  keepLines: boolean;
}

type XmlNode = Record<string, unknown>;

const children = (node: unknown): unknown[] => (Array.isArray(node) ? node : []);
const elements = (node: unknown, name: string): unknown[] =>
  children(node).flatMap((child) => (child && typeof child === 'object' && name in child ? [(child as XmlNode)[name]] : []));
const first = (node: unknown, name: string): unknown => elements(node, name)[0];
const attr = (node: unknown, name: string): unknown => (node && typeof node === 'object' ? ((node as { _attr?: XmlNode })._attr?.[name] ?? undefined) : undefined);

/** Each style's metrics, with what it is based on filled in. */
function styleMetrics(styles: IStylesOptions): (id: string | undefined) => Metrics {
  const base = styles.default?.document;
  const normal: Metrics = {
    sizeTwips: (Number(base?.run?.size ?? 22) / 2) * 20,
    bold: false,
    before: Number(base?.paragraph?.spacing?.before ?? 0),
    after: Number(base?.paragraph?.spacing?.after ?? 0),
    line: Number(base?.paragraph?.spacing?.line ?? 240),
    indent: 0,
    keepNext: false,
    keepLines: false,
  };
  const byId = new Map<string, IParagraphStyleOptions>((styles.paragraphStyles ?? []).map((s) => [s.id, s]));
  const resolved = new Map<string, Metrics>();
  const resolve = (id: string | undefined, depth = 0): Metrics => {
    const style = id ? byId.get(id) : undefined;
    if (!style || depth > 10) return normal;
    const known = resolved.get(style.id);
    if (known) return known;
    const parent = resolve(style.basedOn, depth + 1);
    const p = style.paragraph;
    const indent = p?.indent as { left?: number; right?: number } | undefined;
    const metrics: Metrics = {
      sizeTwips: style.run?.size !== undefined ? (Number(style.run.size) / 2) * 20 : parent.sizeTwips,
      bold: style.run?.bold ?? parent.bold,
      before: p?.spacing?.before ?? parent.before,
      after: p?.spacing?.after ?? parent.after,
      line: p?.spacing?.line ?? parent.line,
      indent: indent ? (indent.left ?? 0) + (indent.right ?? 0) : parent.indent,
      keepNext: p?.keepNext ?? parent.keepNext,
      keepLines: p?.keepLines ?? parent.keepLines,
    };
    resolved.set(style.id, metrics);
    return metrics;
  };
  return resolve;
}

interface Page {
  width: number;
  /** The height text may fill. */
  height: number;
}

function pageOf(sectPr: unknown): Page {
  const size = first(sectPr, 'w:pgSz');
  const margin = first(sectPr, 'w:pgMar');
  const w = Number(attr(size, 'w:w') ?? 11906);
  const h = Number(attr(size, 'w:h') ?? 16838);
  const landscape = attr(size, 'w:orient') === 'landscape';
  const [width, height] = landscape && h > w ? [h, w] : [w, h];
  return {
    width: width - Number(attr(margin, 'w:left') ?? 1440) - Number(attr(margin, 'w:right') ?? 1440),
    height: height - Number(attr(margin, 'w:top') ?? 1440) - Number(attr(margin, 'w:bottom') ?? 1440),
  };
}

/** A paragraph measured: its lines' height, the space around it, and what it asks of the page. */
interface Block {
  kind: 'paragraph';
  before: number;
  after: number;
  lineHeight: number;
  lines: number;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  bookmarks: string[];
}

interface RowBlock {
  kind: 'row';
  height: number;
  header: boolean;
}

/** The text of a paragraph by its line breaks, and the bookmarks it starts. */
function paragraphText(p: unknown): { lines: string[]; bookmarks: string[] } {
  const lines = [''];
  const bookmarks: string[] = [];
  const walk = (node: unknown) => {
    for (const child of children(node)) {
      if (!child || typeof child !== 'object') continue;
      for (const [name, value] of Object.entries(child as XmlNode)) {
        if (name === 'w:t') lines[lines.length - 1] += children(value).filter((v): v is string => typeof v === 'string').join('');
        else if (name === 'w:tab') lines[lines.length - 1] += '    ';
        else if (name === 'w:br') lines.push('');
        else if (name === 'w:bookmarkStart') bookmarks.push(String(attr(value, 'w:name')));
        else if (name === 'w:r' || name === 'w:hyperlink') walk(value);
      }
    }
  };
  walk(p);
  return { lines, bookmarks };
}

function measureParagraph(p: unknown, width: number, metricsOf: (id: string | undefined) => Metrics): Block {
  const pPr = first(p, 'w:pPr');
  const m = metricsOf(attr(first(pPr, 'w:pStyle'), 'w:val') as string | undefined);
  const spacing = first(pPr, 'w:spacing');
  const indent = first(pPr, 'w:ind');
  const text = paragraphText(p);
  const available = Math.max(m.sizeTwips * 4, width - m.indent - Number(attr(indent, 'w:left') ?? 0));
  const lines = text.lines.reduce((n, line) => n + countLines(line, available, m.sizeTwips, m.bold), 0);
  const line = Number(attr(spacing, 'w:line') ?? m.line);
  return {
    kind: 'paragraph',
    before: Number(attr(spacing, 'w:before') ?? m.before),
    after: Number(attr(spacing, 'w:after') ?? m.after),
    lineHeight: m.sizeTwips * ARIAL_LINE_EM * (line / 240),
    lines,
    keepNext: first(pPr, 'w:keepNext') !== undefined || m.keepNext,
    keepLines: first(pPr, 'w:keepLines') !== undefined || m.keepLines,
    pageBreakBefore: first(pPr, 'w:pageBreakBefore') !== undefined,
    bookmarks: text.bookmarks,
  };
}

/** A table's rows: each as tall as its tallest cell, cells measured at their grid widths. */
function measureTable(tbl: unknown, metricsOf: (id: string | undefined) => Metrics): { rows: RowBlock[]; bookmarks: string[] } {
  const grid = elements(first(tbl, 'w:tblGrid'), 'w:gridCol').map((c) => Number(attr(c, 'w:w') ?? 0));
  const bookmarks: string[] = [];
  // A cell's own margin on a side, else the table's, else its style's (the report's one table style).
  const tblPr = first(tbl, 'w:tblPr');
  const tableMargins = first(tblPr, 'w:tblCellMar');
  const styled = attr(first(tblPr, 'w:tblStyle'), 'w:val') === TABLE_STYLE.id;
  const styleMargin = (side: string) => (styled ? TABLE_STYLE.cellMargins[side.slice(2) as keyof typeof TABLE_STYLE.cellMargins] : undefined);
  const rows = elements(tbl, 'w:tr').map((tr) => {
    const trPr = first(tr, 'w:trPr');
    let column = 0;
    let height = 0;
    for (const tc of elements(tr, 'w:tc')) {
      const span = Number(attr(first(first(tc, 'w:tcPr'), 'w:gridSpan'), 'w:val') ?? 1);
      const margins = first(first(tc, 'w:tcPr'), 'w:tcMar');
      const margin = (side: string) => Number(attr(first(margins, side), 'w:w') ?? attr(first(tableMargins, side), 'w:w') ?? styleMargin(side) ?? 0);
      const width = grid.slice(column, column + span).reduce((a, b) => a + b, 0) - margin('w:left') - margin('w:right');
      column += span;
      let cell = margin('w:top') + margin('w:bottom');
      for (const p of elements(tc, 'w:p')) {
        const b = measureParagraph(p, width, metricsOf);
        bookmarks.push(...b.bookmarks);
        cell += b.before + b.after + b.lines * b.lineHeight;
      }
      height = Math.max(height, cell);
    }
    return { kind: 'row' as const, height, header: first(trPr, 'w:tblHeader') !== undefined };
  });
  return { rows, bookmarks };
}

/** Lay the body out page by page; one pass, in reading order. */
export function reportPageEstimator(styles: IStylesOptions): PageNumberEstimator {
  const metricsOf = styleMetrics(styles);
  return ((body: IXmlableObject, _context: IContext): EstimatedPageNumbers => {
    const blocks = children((body as XmlNode)['w:body']);
    // A section's properties sit at its end (in its last paragraph, or the body's last element): read them first.
    const sectionEnds: { index: number; page: Page }[] = [];
    blocks.forEach((block, index) => {
      const inParagraph = first(first((block as XmlNode)['w:p'], 'w:pPr'), 'w:sectPr');
      const sectPr = inParagraph ?? (block as XmlNode)['w:sectPr'];
      if (sectPr) sectionEnds.push({ index, page: pageOf(sectPr) });
    });
    const bookmarks = new Map<string, string>();
    const sectionPageCounts: number[] = [];
    let pageNumber = 1;
    let used = 0;
    let section = 0;
    let page = sectionEnds[0]?.page ?? pageOf(undefined);
    let sectionFirstPage = 1;
    const newPage = () => {
      pageNumber++;
      used = 0;
    };
    const fits = (height: number) => used === 0 || used + height <= page.height;

    const place = (b: Block) => {
      if (b.pageBreakBefore && used > 0) newPage();
      const before = used === 0 ? 0 : b.before;
      const whole = before + b.lines * b.lineHeight;
      // keepNext: the paragraph and the first line of what follows go together.
      const needed = b.keepLines || b.keepNext ? whole + (b.keepNext ? b.lineHeight : 0) : before + b.lineHeight;
      if (!fits(needed)) newPage();
      for (const name of b.bookmarks) bookmarks.set(name, String(pageNumber));
      let remaining = b.lines;
      used += used === 0 ? 0 : b.before;
      while (remaining > 0) {
        const room = Math.max(1, Math.floor((page.height - used) / b.lineHeight));
        if (room >= remaining) {
          used += remaining * b.lineHeight;
          remaining = 0;
        } else {
          remaining -= room;
          newPage();
        }
      }
      used += b.after;
    };

    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as XmlNode;
      if ('w:p' in block) place(measureParagraph(block['w:p'], page.width, metricsOf));
      else if ('w:sdt' in block) {
        for (const p of elements(first(block['w:sdt'], 'w:sdtContent'), 'w:p')) place(measureParagraph(p, page.width, metricsOf));
      } else if ('w:tbl' in block) {
        const table = measureTable(block['w:tbl'], metricsOf);
        const header = table.rows.filter((r) => r.header).reduce((n, r) => n + r.height, 0);
        for (const name of table.bookmarks) bookmarks.set(name, String(pageNumber));
        for (const row of table.rows) {
          if (!fits(row.height)) {
            newPage();
            if (!row.header) used += header; // the header rows repeat at the top of each page
          }
          used += row.height;
        }
        used += 120;
      }
      const end = sectionEnds[section];
      if (end && end.index === i) {
        sectionPageCounts.push(pageNumber - sectionFirstPage + 1);
        section++;
        if (section < sectionEnds.length) {
          newPage(); // every section of the report starts on a new page
          sectionFirstPage = pageNumber;
          page = sectionEnds[section]!.page;
        }
      }
    }
    return { bookmarks, pageCount: pageNumber, sectionPageCounts };
  }) as PageNumberEstimator;
}
