/**
 * Print CSS for the report. Page numbers and the running title are CSS page
 * margin boxes (Chromium 131+), so Electron and playwright print the same
 * pages with no header or footer templates. The matrix chapter prints on
 * landscape pages (a named page).
 */
import type { ReportModel } from '../report/model';

/** The page's right margin, where the contents' page numbers end. */
export const PAGE_RIGHT_MARGIN_MM = 19;
const CONTENTS_NUMBER_ROOM_MM = 12;
/** A contents entry of a chapter is set in the body size (10.5 pt), a finding's in 9.5 pt. */
export const CONTENTS_CHAPTER_PT = 10.5;

/** A CSS string literal. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;

export function reportCss(model: ReportModel): string {
  const running = cssString(`${model.title}${model.draft ? ' — DRAFT' : ''}`);
  return `
@page { size: A4; margin: 20mm ${PAGE_RIGHT_MARGIN_MM}mm 22mm;
  @bottom-left { content: ${running}; font: 8.5pt Arial, "Liberation Sans", sans-serif; color: #4c6272; border-top: 0.5pt solid #d8dde0; vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt Arial, "Liberation Sans", sans-serif; color: #4c6272; border-top: 0.5pt solid #d8dde0; vertical-align: top; padding-top: 3mm; }
  ${model.draft ? '@top-right { content: "DRAFT"; font: bold 8.5pt Arial, "Liberation Sans", sans-serif; color: #ae2573; letter-spacing: 0.08em; }' : ''}
}
@page :first { @bottom-left { content: none; border: none; } @bottom-right { content: none; border: none; } @top-right { content: none; } }
@page landscape { size: A4 landscape; }
.landscape { page: landscape; }

html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #212b32; }
body { margin: 0; }
p { margin: 0 0 0.55em; orphans: 3; widows: 3; }
a { color: inherit; text-decoration: none; }

.title-page { height: 247mm; display: flex; flex-direction: column; break-after: page; }
.title-page .title-block { margin-top: 70mm; }
.title-page .kicker { font-size: 13pt; color: #4c6272; margin: 0 0 4mm; letter-spacing: 0.02em; }
.title-page .title { font-size: 32pt; line-height: 1.15; font-weight: bold; color: #005eb8; margin: 0; }
.title-page .issued { margin-top: auto; border-top: 1.5pt solid #005eb8; padding-top: 5mm; }
.title-page .panel { font-weight: bold; font-size: 12pt; }
.title-page .version { color: #4c6272; font-size: 9.5pt; }
.draft-banner { color: #ae2573; font-weight: bold; text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; }

.contents { break-after: page; }
.contents-title, h1 { font-size: 20pt; line-height: 1.2; color: #005eb8; margin: 0 0 6mm; font-weight: bold; }
.contents ol { list-style: none; padding: 0; margin: 0; }
/* Room at the right for the page numbers written in after printing (pdf/contentsPages.ts). */
.contents > ol { padding-right: ${CONTENTS_NUMBER_ROOM_MM}mm; }
.contents > ol > li { margin: 3mm 0 1mm; font-weight: bold; }
.contents .entry { display: block; break-after: avoid; }
.contents ol ol { font-weight: normal; font-size: 9.5pt; margin: 1mm 0 0 6mm; }
.contents ol ol li { margin: 0.6mm 0; }

.chapter { break-before: page; }
h2 { font-size: 13pt; line-height: 1.3; margin: 7mm 0 2mm; break-after: avoid; }
h2 .label { color: #005eb8; margin-right: 0.3em; }
h3 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
.definition { color: #4c6272; font-size: 9.5pt; }

.finding { margin-bottom: 6mm; }
.draft-mark { color: #ae2573; font-weight: bold; font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.06em; margin: -1mm 0 1mm; }
.confidence { background: #e8edee; padding: 1.5mm 2.5mm; font-size: 9.5pt; break-after: avoid; }
.components { margin: 0 0 1mm; font-size: 9pt; color: #4c6272; }
.components div { margin: 0.3mm 0; }
.components dt { display: inline; font-weight: bold; }
.components dt::after { content: ": "; }
.components dd { display: inline; margin: 0; }
.evidence { font-size: 9pt; color: #4c6272; }
.quote { margin: 3mm 10mm 3mm 8mm; padding-left: 4mm; border-left: 2pt solid #005eb8; break-inside: avoid; }
.quote blockquote { margin: 0; font-style: italic; }
.quote blockquote p { margin: 0 0 1mm; }
.quote figcaption { font-size: 8.5pt; color: #4c6272; }

table { width: 100%; border-collapse: collapse; margin: 2mm 0 5mm; font-size: 8.8pt; line-height: 1.35; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9pt; color: #4c6272; margin-bottom: 1.5mm; }
thead { display: table-header-group; }
th { background: #005eb8; color: #fff; text-align: left; vertical-align: bottom; font-weight: bold; padding: 1.5mm 2mm; }
td { border-bottom: 0.5pt solid #d8dde0; padding: 1.3mm 2mm; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f4f6f7; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.narrow { width: 60%; }
/* A short table and its heading stay on one page. */
.keep-heading { break-inside: avoid; }
.nowrap { white-space: nowrap; }
table.types th:nth-child(1) { width: 13%; } table.types th:nth-child(2) { width: 9%; } table.types th:nth-child(3) { width: 15%; }
table.summary thead th:nth-child(1) { width: 9%; } table.summary thead th:nth-child(3) { width: 15%; }
table.summary thead th:nth-child(4), table.summary thead th:nth-child(5) { width: 11%; }
table.log th:nth-child(1) { width: 13%; } table.log th:nth-child(3) { width: 15%; } table.log th:nth-child(5) { width: 8%; }
table.codebook th:nth-child(1) { width: 30%; } table.codebook th:nth-child(3) { width: 10%; }
table.codebook td p { margin: 0 0 0.8mm; }
table.codebook .not { color: #4c6272; }
table.matrix { font-size: 8pt; table-layout: fixed; }
table.matrix th:last-child { width: 6%; }
table.matrix th:first-child { width: 24%; }
table.matrix.upright thead th:not(:first-child) { text-align: center; padding: 1.5mm 0.4mm; }
table.matrix.upright thead th:not(:first-child) span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block; text-align: left; }
tr.group th { background: #e8edee; color: #212b32; font-size: 9pt; padding: 1.6mm 2mm 1.2mm; break-after: avoid; }
table.matrix td:last-child, table.matrix th:last-child { border-left: 0.5pt solid #d8dde0; }
table.matrix tbody tr:last-child td { border-top: 1pt solid #212b32; }
.none { color: #768692; }
.depth-1 { padding-left: 4mm; display: inline-block; } .depth-2 { padding-left: 8mm; display: inline-block; }
.depth-3 { padding-left: 12mm; display: inline-block; } .depth-4 { padding-left: 16mm; display: inline-block; }

ol.recommendations { list-style: none; padding: 0; margin: 0 0 4mm; }
ol.recommendations li { display: flex; gap: 3mm; margin: 0 0 3mm; break-inside: avoid; }
ol.recommendations .label { color: #005eb8; font-weight: bold; min-width: 9mm; }
.cites { color: #4c6272; white-space: nowrap; }
`;
}
