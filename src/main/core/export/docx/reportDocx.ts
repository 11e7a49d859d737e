/**
 * The report model as a Word document, with the `docx` library (issue 13).
 *
 * Table of contents: a real TOC field that the reader updates. The document
 * asks Word to update its fields on open (`updateFields`: Word asks, then lays
 * the numbers out exactly with its own pages); LibreOffice never updates
 * fields on open, so the field is written with its entries and page numbers
 * from our own cheap estimate (`pageEstimate.ts`; `docx/layout` took most of
 * a 16 s export), which Tools > Update > Update All makes exact there.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  HeightRule,
  TextDirection,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { ReportFinding, ReportModel } from '../report/model';
import { evidenceLine, figure, introduction, methodIntroduction, placesText, sectionTitles } from '../report/wording';
import { reportPageEstimator } from './pageEstimate';
import { BLUE, externalStyles, GREY, RULE, styles, TABLE_STYLE } from './styles';

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const PORTRAIT_WIDTH = A4.width - 2 * MARGIN;
const LANDSCAPE_WIDTH = A4.height - 2 * MARGIN;

/** Paragraphs of a text: blank lines part paragraphs, single line ends become breaks. */
function textParagraphs(text: string, style?: string): Paragraph[] {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => new Paragraph({ style, children: lines(p) }));
}

function lines(text: string, run: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...run }));
}

const para = (text: string, style?: string) => new Paragraph({ style, children: lines(text) });

/** The table style's cell margins, from which the cells that need others (dense numbers, group headings) start. */
const CELL_MARGINS = TABLE_STYLE.cellMargins;

interface Column {
  title: string;
  /** Share of the table's width. */
  weight: number;
  numeric?: boolean;
}

type Value = string | { text: string; indent?: number; bold?: boolean };
/** A row, or the heading of the group of rows after it (a theme in the summary table). */
type Row = Value[] | { group: string };

/**
 * A table whose first row is a header repeated on every page (docx repeats the first row only: dolanmiu/docx#2425).
 * `upright`: the header's names run bottom to top, for tables with more columns than names fit across.
 */
function table(columns: Column[], rows: Row[], width = PORTRAIT_WIDTH, upright = false): Table {
  const total = columns.reduce((n, c) => n + c.weight, 0);
  const widths = columns.map((c) => Math.floor((width * c.weight) / total));
  const cell = (value: Value, i: number, header: boolean) => {
    const v = typeof value === 'string' ? { text: value } : value;
    return new TableCell({
      textDirection: header && upright && i > 0 ? TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT : undefined,
      width: { size: widths[i]!, type: WidthType.DXA },
      // A dense table (the matrix's 17 columns) gives its numbers the width of "12,345": smaller type, narrower margins.
      margins: upright && columns[i]!.numeric ? { ...CELL_MARGINS, left: 40, right: 40 } : undefined,
      verticalAlign: header ? VerticalAlign.BOTTOM : VerticalAlign.TOP,
      children: [
        new Paragraph({
          style: header ? 'TableHeading' : upright ? 'TableTextDense' : 'TableText',
          // Upright names all start at the bottom of the heading, as the HTML's do.
          alignment: columns[i]!.numeric && !(header && upright) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: v.indent ? { left: v.indent * 220 } : undefined,
          children: lines(v.text, { bold: v.bold }),
        }),
      ],
    });
  };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // Rules, cell margins, the header row's shading and the stripes come from the style, not from each cell:
    // the cells' own borders and margins were most of the XML the docx library built (profiled, issue 13).
    style: TABLE_STYLE.id,
    tableLook: { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: false, noVBand: true },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        // Readers do not grow a row for text turned upright: give it the height of the longest name.
        height: upright ? { value: uprightHeight(columns), rule: HeightRule.ATLEAST } : undefined,
        children: columns.map((c, i) => cell(c.title, i, true)),
      }),
      ...rows.map((r) =>
        Array.isArray(r)
          ? new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })
          : new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  columnSpan: columns.length,
                  margins: { ...CELL_MARGINS, top: 80, bottom: 40 },
                  shading: { fill: 'E8EDEE', type: ShadingType.CLEAR, color: 'auto' },
                  children: [new Paragraph({ style: 'TableText', keepNext: true, children: [new TextRun({ text: r.group, bold: true })] })],
                }),
              ],
            }),
      ),
    ],
  });
}

/** Twips for the longest column name set upright in the table heading's 9.5 pt bold (about half an em a letter). */
const uprightHeight = (columns: Column[]) => Math.round(Math.max(...columns.slice(1).map((c) => c.title.length)) * 0.5 * 190) + 240;

const caption = (text: string) => new Paragraph({ style: 'Caption', children: [new TextRun(text)] });
const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    // Each chapter on a new page (a style cannot carry the break in docx); at a section's top it adds no page.
    pageBreakBefore: level === 1,
    children: [new TextRun(text)],
  });

function titlePage(model: ReportModel): Paragraph[] {
  const out: Paragraph[] = [];
  if (model.draft) out.push(new Paragraph({ style: 'DraftMark', alignment: AlignmentType.LEFT, children: [new TextRun('Draft — not for circulation')] }));
  out.push(
    new Paragraph({ spacing: { before: 3000 }, children: [] }),
    new Paragraph({ style: 'Title', children: [new TextRun(model.title)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun('Findings report')] }),
    new Paragraph({
      spacing: { before: 1400, after: 60 },
      border: { top: { style: BorderStyle.SINGLE, size: 12, color: BLUE, space: 10 } },
      children: [new TextRun({ text: model.panel, bold: true })],
    }),
    para(model.dateLabel),
    para(`Version ${model.version}${model.draft ? ' (draft)' : ''}`, 'Small'),
  );
  return out;
}

function summary(model: ReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(sectionTitles.summary, 1), ...textParagraphs(introduction(model))];
  if (model.findingsSummary.length > 0) {
    out.push(
      caption('Table 1. Summary of findings, with confidence in each (GRADE-CERQual) and the evidence behind it'),
      table(
        [
          { title: 'Finding', weight: 9 },
          { title: 'Statement', weight: 50 },
          { title: 'Confidence', weight: 14 },
          { title: 'Passages', weight: 12, numeric: true },
          { title: 'Participants', weight: 15, numeric: true }, // wide enough for its name in the heading's bold
        ],
        model.findingsSummary.flatMap((f, i, all): Row[] => [
          ...(i === 0 || all[i - 1]!.theme !== f.theme ? [{ group: f.theme }] : []),
          [f.label, f.statement, f.confidence, figure(f.passages), figure(f.participants)],
        ]),
      ),
    );
  }
  return out;
}

function method(model: ReportModel): (Paragraph | Table)[] {
  const m = model.method;
  const out: (Paragraph | Table)[] = [heading(sectionTitles.method, 1)];
  out.push(para(methodIntroduction(model)));
  out.push(heading('Engagements', 2));
  if (m.engagementTypes.length > 0) {
    out.push(
      caption('Table 2. Engagements by type'),
      table(
        [
          { title: 'Type', weight: 20 },
          { title: 'Number', weight: 10, numeric: true },
          { title: 'Dates', weight: 24 },
          { title: 'Places', weight: 46 },
        ],
        m.engagementTypes.map((t) => [t.label, figure(t.count), t.from === t.to ? t.from : `${t.from} – ${t.to}`, placesText(t.places)]),
      ),
    );
  } else out.push(para('No engagements are recorded.'));
  out.push(heading('Participants', 2));
  if (m.staffGroups.length > 0) {
    out.push(
      caption('Table 3. Participants by staff group'),
      table(
        [
          { title: 'Staff group', weight: 70 },
          { title: 'Participants', weight: 30, numeric: true },
        ],
        m.staffGroups.map((g) => [g.label, figure(g.count)]),
      ),
    );
  } else out.push(para('No participants are recorded.'));
  out.push(heading('Quotations and consent', 2), ...textParagraphs(sectionTitles.consentNote));
  out.push(heading('Reviewers', 2), para(m.reviewers.length ? m.reviewers.join(', ') : 'No reviewers are recorded.'));
  return out;
}

function finding(f: ReportFinding): Paragraph[] {
  const out: Paragraph[] = [heading(`${f.label}  ${f.statement}`, 2)];
  // Under its heading, where the PDF puts it (the style's own alignment is the header's, on the right).
  if (f.draft) out.push(new Paragraph({ style: 'DraftMark', alignment: AlignmentType.LEFT, children: [new TextRun('Draft finding')] }));
  const confidence = new Paragraph({
    style: 'Confidence',
    children: [
      new TextRun({ text: 'CERQual: ', bold: true }),
      new TextRun({ text: f.confidence ?? 'Not assessed', bold: true }),
      ...(f.explanation ? [new TextRun({ text: ` — ${f.explanation.replace(/\s*\n+\s*/g, ' ')}` })] : []),
    ],
  });
  out.push(confidence);
  for (const c of f.components) {
    out.push(
      new Paragraph({
        style: 'Small',
        spacing: { after: 20 },
        children: [new TextRun({ text: `${c.label}: `, bold: true }), new TextRun(c.concern), ...(c.note ? [new TextRun(`. ${c.note.replace(/\s*\n+\s*/g, ' ')}`)] : [])],
      }),
    );
  }
  const e = f.evidence;
  out.push(para(evidenceLine(e), 'Small'));
  for (const q of f.quotes) {
    out.push(...textParagraphs(`“${q.text}”`, 'Quote'), new Paragraph({ style: 'QuoteAttribution', children: [new TextRun(`— ${q.attribution}`)] }));
  }
  return out;
}

function findings(model: ReportModel): (Paragraph | Table)[] {
  return model.themes.flatMap((t) => [heading(t.name, 1), ...(t.definition ? textParagraphs(t.definition, 'Small') : []), ...t.findings.flatMap(finding)]);
}

function matrix(model: ReportModel): (Paragraph | Table)[] {
  const m = model.matrix;
  if (!m) return [];
  const out: (Paragraph | Table)[] = [
    heading(sectionTitles.matrix, 1),
    para(`Passages tagged with each theme (rows, including their sub-themes) by ${m.dimensionLabel.toLowerCase()} of the speaker (columns).`),
  ];
  if (m.rows.length === 0) return [...out, para('No passages are tagged yet.')];
  const themeWeight = 26;
  const rest = (100 - themeWeight - 6) / Math.max(1, m.columns.length);
  out.push(
    caption(`Table 4. Framework matrix: themes by ${m.dimensionLabel.toLowerCase()}`),
    table(
      [{ title: 'Theme', weight: themeWeight }, ...m.columns.map((c) => ({ title: c, weight: rest, numeric: true })), { title: 'All', weight: 6, numeric: true }],
      [
        ...m.rows.map((r) => [{ text: r.name, indent: r.depth }, ...r.cells.map((c) => (c ? figure(c) : '–')), { text: figure(r.total), bold: true }]),
        [{ text: 'All themes', bold: true }, ...m.totals.map((t) => ({ text: figure(t), bold: true })), { text: figure(m.grandTotal), bold: true }],
      ],
      LANDSCAPE_WIDTH,
      m.columns.length > 8, // past eight columns the names do not fit across
    ),
  );
  return out;
}

/** The matrix's written summaries: prose, so on portrait pages after the landscape table. */
function matrixSummaries(model: ReportModel): Paragraph[] {
  const m = model.matrix;
  if (!m || m.rows.length === 0 || m.summaries.length === 0) return [];
  const out = [heading('What the matrix shows', 2)];
  let theme = '';
  for (const s of m.summaries) {
    if (s.theme !== theme) {
      out.push(heading(s.theme, 3));
      theme = s.theme;
    }
    out.push(new Paragraph({ children: [new TextRun({ text: `${s.column}. `, bold: true }), ...lines(s.text.replace(/\n{2,}/g, '\n'))] }));
  }
  return out;
}

function recommendations(model: ReportModel): Paragraph[] {
  if (model.recommendations.length === 0) return [];
  const out: Paragraph[] = [heading(sectionTitles.recommendations, 1)];
  for (const g of model.recommendations) {
    out.push(heading(g.name, 2));
    for (const r of g.items) {
      out.push(
        new Paragraph({
          indent: { left: 567, hanging: 567 },
          spacing: { after: 140 },
          children: [
            new TextRun({ text: `${r.label}\t`, bold: true, color: BLUE }),
            ...lines(r.text.replace(/\n{2,}/g, '\n')),
            ...(r.findings.length ? [new TextRun({ text: ` (${r.findings.join(', ')})`, color: GREY })] : []),
          ],
          tabStops: [{ type: 'left', position: 567 }],
        }),
      );
    }
  }
  return out;
}

function appendices(model: ReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (model.engagementLog) {
    out.push(heading(sectionTitles.engagementLog, 1));
    out.push(
      model.engagementLog.length === 0
        ? para('No engagements are recorded.')
        : table(
            [
              { title: 'Date', weight: 13 },
              { title: 'Engagement', weight: 36 },
              { title: 'Type', weight: 15 },
              { title: 'Organisation and place', weight: 22 },
              { title: 'People', weight: 11, numeric: true },
            ],
            model.engagementLog.map((e) => [e.date, e.title, e.type, e.where, figure(e.participants)]),
          ),
    );
  }
  if (model.codebook) {
    out.push(heading(sectionTitles.codebook, 1));
    out.push(
      model.codebook.length === 0
        ? para('The codebook is empty.')
        : table(
            [
              { title: 'Theme', weight: 28 },
              { title: 'Definition', weight: 60 },
              { title: 'Passages', weight: 12, numeric: true },
            ],
            model.codebook.map((t) => [
              { text: t.code ? `${t.name} (${t.code})` : t.name, indent: t.depth, bold: t.depth === 0 },
              [t.definition, t.exclusions ? `Not: ${t.exclusions}` : ''].filter(Boolean).join('\n'),
              figure(t.passages),
            ]),
          ),
    );
  }
  return out;
}

/** The page number sits at the right margin of its section's pages: a landscape section has a wider line. */
function footer(model: ReportModel, width = PORTRAIT_WIDTH): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        tabStops: [{ type: 'right', position: width }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 6 } },
        children: [
          new TextRun(`${model.title}${model.draft ? ' — DRAFT' : ''}`),
          new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

const draftHeader = (model: ReportModel) =>
  // An empty header still holds one paragraph, as Word writes it.
  new Header({ children: [model.draft ? new Paragraph({ style: 'DraftMark', children: [new TextRun('Draft')] }) : new Paragraph({})] });

export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const portrait = { size: { width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 } };
  const landscape = { ...portrait, size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE } };
  const chrome = { headers: { default: draftHeader(model) }, footers: { default: footer(model) } };
  const sections: ISectionOptions[] = [
    {
      properties: { page: portrait, titlePage: true },
      headers: { default: draftHeader(model), first: new Header({ children: [new Paragraph({})] }) },
      footers: { default: footer(model), first: new Footer({ children: [new Paragraph({})] }) },
      children: [
        ...titlePage(model),
        new Paragraph({ style: 'ContentsHeading', pageBreakBefore: true, children: [new TextRun('Contents')] }),
        new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
        ...summary(model),
        ...method(model),
        ...findings(model),
        ...(model.matrix ? [] : recommendations(model)),
        ...(model.matrix ? [] : appendices(model)),
      ],
    },
  ];
  if (model.matrix) {
    sections.push({ properties: { page: landscape }, ...chrome, footers: { default: footer(model, LANDSCAPE_WIDTH) }, children: matrix(model) });
    const after = [...matrixSummaries(model), ...recommendations(model), ...appendices(model)];
    if (after.length > 0) sections.push({ properties: { page: portrait }, ...chrome, children: after });
  }
  const document = new Document({
    title: model.title,
    subject: 'Findings report',
    creator: model.author,
    description: `${model.title}: findings report, version ${model.version}${model.draft ? ' (draft)' : ''}, ${model.dateLabel}.`,
    lastModifiedBy: model.author,
    externalStyles,
    styles,
    sections,
    features: { updateFields: true },
    pageNumbers: reportPageEstimator(styles),
  });
  return Packer.toBuffer(document);
}

