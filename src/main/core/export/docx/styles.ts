/**
 * Every style the report uses, defined in the document itself (issue 13):
 * docx refers to `Quote` without defining it (python-docx then reads Normal),
 * and its Heading 1–3 carry no outline level, without which LibreOffice's PDF
 * has no bookmarks and Word's navigation pane is flat.
 *
 * Arial, as the NHS identity uses for documents, in UK English; NHS blue
 * (#005EB8) for headings and rules only, text in near-black for contrast.
 */
import { AlignmentType, BorderStyle, type IStylesOptions } from 'docx';

export const FONT = 'Arial';
export const BLUE = '005EB8';
export const INK = '212B32';
export const GREY = '4C6272';
export const RULE = 'D8DDE0';
export const PALE = 'E8EDEE';

const pt = (n: number) => n * 2; // docx sizes are half-points
const spacing = (before: number, after: number) => ({ before: before * 20, after: after * 20 }); // twips from points

/** The shading of every other body row, as the HTML's. */
const STRIPE = 'F4F6F7';

/** The report's one table style: its cell margins, also read by the page estimate (twips). */
export const TABLE_STYLE = { id: 'FieldnotesTable', name: 'Fieldnotes Table', cellMargins: { top: 60, bottom: 60, left: 90, right: 90 } };

/**
 * "Fieldnotes Table": rules between the rows and none between the columns, a blue header row in white bold,
 * every other body row shaded. docx writes paragraph and character styles but not table styles, so this one is
 * written as WordprocessingML (ECMA-376 §17.7.6) and given to docx as `externalStyles`, beside which docx still
 * writes its defaults and our `styles`. (Its `importedStyles` would take the place of docx's defaults.) The tables
 * turn the header row and banding on with their `tblLook`.
 */
const tableStyle = () => {
  const rule = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${RULE}"/>`;
  const none = (side: string) => `<w:${side} w:val="nil"/>`;
  const margin = (side: keyof typeof TABLE_STYLE.cellMargins) => `<w:${side} w:w="${TABLE_STYLE.cellMargins[side]}" w:type="dxa"/>`;
  const shade = (fill: string) => `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;
  return (
    `<w:style w:type="table" w:styleId="${TABLE_STYLE.id}"><w:name w:val="${TABLE_STYLE.name}"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:tblPr><w:tblStyleRowBandSize w:val="1"/>` +
    `<w:tblBorders>${rule('top')}${none('left')}${rule('bottom')}${none('right')}${rule('insideH')}${none('insideV')}</w:tblBorders>` +
    `<w:tblCellMar>${margin('top')}${margin('left')}${margin('bottom')}${margin('right')}</w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr>${shade(BLUE)}<w:vAlign w:val="bottom"/></w:tcPr></w:tblStylePr>` +
    `<w:tblStylePr w:type="band2Horz"><w:tcPr>${shade(STRIPE)}</w:tcPr></w:tblStylePr>` +
    `</w:style>`
  );
};

/** The styles part docx starts from: the namespaces of its own defaults, and the table style. */
export const externalStyles =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
  `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
  `xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">${tableStyle()}</w:styles>`;

export const styles: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: pt(11), color: INK, language: { value: 'en-GB' } },
      paragraph: { spacing: { ...spacing(0, 8), line: 288 } },
    },
  },
  paragraphStyles: [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Subtitle',
      quickFormat: true,
      run: { size: pt(30), bold: true, color: BLUE },
      paragraph: { spacing: spacing(0, 12), keepNext: true },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: pt(16), color: GREY },
      paragraph: { spacing: spacing(0, 24) },
    },
    {
      id: 'Heading1',
      name: 'heading 1', // Word's own (lower-case) name: readers map it to "Heading 1"
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: pt(20), bold: true, color: BLUE },
      paragraph: { spacing: spacing(0, 14), keepNext: true, keepLines: true, outlineLevel: 0 },
    },
    {
      id: 'Heading2',
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: pt(14), bold: true, color: INK },
      paragraph: { spacing: spacing(18, 6), keepNext: true, keepLines: true, outlineLevel: 1 },
    },
    {
      id: 'Heading3',
      name: 'heading 3',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: pt(12), bold: true, color: INK },
      paragraph: { spacing: spacing(12, 4), keepNext: true, keepLines: true, outlineLevel: 2 },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'QuoteAttribution',
      quickFormat: true,
      run: { italics: true, color: INK },
      paragraph: {
        indent: { left: 567, right: 567 },
        spacing: { ...spacing(6, 2), line: 288 },
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: BLUE, space: 8 } },
        keepNext: true,
        keepLines: true,
      },
    },
    {
      id: 'QuoteAttribution',
      name: 'Quote Attribution',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(9.5), color: GREY },
      paragraph: { indent: { left: 567, right: 567 }, spacing: spacing(0, 10), border: { left: { style: BorderStyle.SINGLE, size: 18, color: BLUE, space: 8 } } },
    },
    {
      id: 'FindingStatement',
      name: 'Finding Statement',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(12), bold: true },
      paragraph: { spacing: spacing(4, 6), keepNext: true },
    },
    {
      id: 'Confidence',
      name: 'Confidence',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(10) },
      paragraph: { spacing: spacing(0, 6), shading: { fill: PALE }, indent: { left: 113, right: 113 } },
    },
    {
      id: 'Small',
      name: 'Small',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(9.5), color: GREY },
      paragraph: { spacing: spacing(0, 6) },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { size: pt(9.5) },
      paragraph: { spacing: { before: 0, after: 0, line: 252 } },
    },
    {
      id: 'TableTextDense',
      name: 'Table Text Dense',
      basedOn: 'TableText',
      run: { size: pt(8.5) },
    },
    {
      id: 'TableHeading',
      name: 'Table Heading',
      basedOn: 'TableText',
      run: { bold: true, color: 'FFFFFF' },
      paragraph: { keepNext: true },
    },
    {
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: pt(9.5), bold: true, color: GREY },
      paragraph: { spacing: spacing(10, 4), keepNext: true },
    },
    {
      id: 'DraftMark',
      name: 'Draft Mark',
      basedOn: 'Normal',
      run: { size: pt(9), bold: true, color: 'AE2573', allCaps: true },
      paragraph: { alignment: AlignmentType.RIGHT, spacing: spacing(0, 0) },
    },
    {
      id: 'Footer',
      name: 'footer',
      basedOn: 'Normal',
      run: { size: pt(9), color: GREY },
      paragraph: { spacing: spacing(0, 0) },
    },
    {
      id: 'ContentsHeading',
      name: 'Contents Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(20), bold: true, color: BLUE },
      paragraph: { spacing: spacing(0, 14) },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true },
      paragraph: { spacing: spacing(8, 2) },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(10) },
      paragraph: { indent: { left: 284 }, spacing: spacing(0, 2) },
    },
    {
      id: 'TOC3',
      name: 'toc 3',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: pt(10) },
      paragraph: { indent: { left: 567 }, spacing: spacing(0, 2) },
    },
  ],
};
