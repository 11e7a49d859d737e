// The exports read back by programs we did not write (issue 13): LibreOffice,
// python-docx, pdftotext/pdfinfo, Python's csv module, pdf-lib for the PDFs'
// outlines. One fixture workspace, each export made once and converted once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportOptions, type ReportFormat } from '../../../shared/domain/report';
import { matrix } from '../services/matrix';
import { sofficePath } from '../testing/fileFixtures';
import { tempFolders } from '../testing/tempWorkspace';
import { exportBytes } from './exportReport';
import { chromiumPath, chromiumPrinter } from './pdf/chromiumPrinter';
import { buildReportFixture, FORMULA_QUOTE, REAL_NAME, SECRET_WORDS, STATEMENTS } from './testing/reportFixture';

const PYTHON = '/usr/bin/python3';
const here = (name: string) => fileURLToPath(new URL(`./testing/${name}`, import.meta.url));
const has = (path: string) => existsSync(path);
const pythonDocx = has(PYTHON) && spawnSync(PYTHON, ['-c', 'import docx'], { encoding: 'utf8' }).status === 0;
const poppler = has('/usr/bin/pdftotext') && has('/usr/bin/pdfinfo');
const missing = [
  !sofficePath && 'LibreOffice',
  !pythonDocx && 'python3-docx (/usr/bin/python3)',
  !poppler && 'poppler-utils',
  !has(chromiumPath()) && `Chromium (${chromiumPath()})`,
].filter(Boolean);
if (missing.length) console.warn(`Export read-back tests skipped: ${missing.join(', ')} not installed (scripts/prerequisites.mjs installs them).`);

const folders = tempFolders();
let folder = '';
const files: Record<string, string> = {};
const text: Record<string, string> = {};
let docx: {
  paragraphs: { style: string; text: string }[];
  tables: string[][][];
  headerRows: boolean[];
  tableStyles: (string | null)[];
  title: string;
  author: string;
  outline: Record<string, number | null>;
  quoteStyleDefined: boolean;
  updateFields: boolean;
  chrome: { header: string; footer: string; firstHeader: string | null; footerTabs: number[]; textWidth: number }[];
};
type DocxRead = typeof docx;
/** The same report marked as a draft and naming those who consented to be named. */
let draftNamed: DocxRead;
let csvPassages: { bom: boolean; rows: string[][] };
let xlsxSheets: Record<string, string[][]>;
let expectedMatrix: ReturnType<typeof matrix>;
let codes: { nurse: string; silent: string; radiographer: string };

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
};
const soffice = (args: string[]) => run(sofficePath!, [`-env:UserInstallation=${pathToFileURL(join(folder, 'lo-profile')).href}`, '--headless', ...args]);
/**
 * LibreOffice prints the .docx to PDF as a reader opens it, then as it reads after Tools > Update > Update All
 * (our macro, testing/libreoffice/Module1.xba, put into the profile LibreOffice makes on its first start).
 */
const printAsOpenedAndUpdated = (docxFile: string, opened: string, updated: string) => {
  soffice(['--terminate_after_init']);
  copyFileSync(here('libreoffice/Module1.xba'), join(folder, 'lo-profile', 'user', 'basic', 'Standard', 'Module1.xba'));
  const url = (path: string) => pathToFileURL(path).href;
  soffice([`macro:///Standard.Module1.PrintAsOpenedAndUpdated("${url(docxFile)}","${url(opened)}","${url(updated)}")`]);
  if (!existsSync(opened) || !existsSync(updated)) throw new Error(`LibreOffice's macro printed no PDF of ${docxFile}`);
};
const pdfText = (path: string) => run('/usr/bin/pdftotext', ['-layout', path, '-']);
/** Each page's text, as pdftotext lays it out. */
const pdfPages = (path: string) => {
  const pages = Number(/Pages:\s+(\d+)/.exec(run('/usr/bin/pdfinfo', [path]))?.[1]);
  return Array.from({ length: pages }, (_, i) => run('/usr/bin/pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', path, '-']));
};
/** Folded as a reader searching for a name would: no accents, lower case, one space. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
/** The contents (page 2) as printed: each entry's title, a wrapped one joined, and its page number. */
const contentsEntries = (contentsPage: string) => {
  const entries: { title: string; page: number }[] = [];
  let wrapped = '';
  for (const line of contentsPage.split('\n').slice(1)) {
    const end = /^(.*?)\.{3,}\s*(\d+)\s*$/.exec(line);
    if (end) {
      entries.push({ title: oneSpace(`${wrapped} ${end[1]}`), page: Number(end[2]) });
      wrapped = '';
    } else wrapped += ` ${line}`;
  }
  return entries;
};
const oneSpace = (s: string) => s.replace(/\s+/g, ' ').trim();
const readCsv = (path: string) => JSON.parse(run(PYTHON, [here('readCsv.py'), path])) as { bom: boolean; rows: string[][] };

describe.skipIf(missing.length > 0)('exports read back by LibreOffice, python-docx, poppler and Python', () => {
  beforeAll(async () => {
    folder = folders.make('fieldnotes-exports-');
    const fixture = buildReportFixture(folders);
    codes = fixture.codes;
    const { db } = fixture.w;
    expectedMatrix = matrix(db, { dimension: 'staffGroup' });
    const context = { db, workspaceName: 'The Topol Review', printer: chromiumPrinter(), today: '2019-02-11' };
    const make = async (format: ReportFormat, file: string, options: Partial<ReportOptions> = {}) => {
      const { bytes } = await exportBytes(format, ReportOptions.parse(options), context);
      files[file] = join(folder, file);
      writeFileSync(files[file], bytes);
    };
    await make('docx', 'report.docx');
    await make('pdf', 'report.pdf');
    await make('csv', 'passages.csv');
    await make('csv', 'matrix.csv', { csvTable: 'matrix' });
    await make('xlsx', 'evidence.xlsx');
    await make('docx', 'draft-named.docx', { draft: true, attribution: 'names' });
    await make('pdf', 'draft-named.pdf', { draft: true, attribution: 'names' });
    fixture.w.close();

    mkdirSync(join(folder, 'lo'));
    files['lo.pdf'] = join(folder, 'lo', 'report.pdf');
    files['lo-updated.pdf'] = join(folder, 'lo', 'report-updated.pdf');
    printAsOpenedAndUpdated(files['report.docx']!, files['lo.pdf'], files['lo-updated.pdf']);
    soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', join(folder, 'lo'), files['evidence.xlsx']!]);
    text['pdf'] = pdfText(files['report.pdf']!);
    text['lo.pdf'] = pdfText(files['lo.pdf']!);
    docx = JSON.parse(run(PYTHON, [here('readDocx.py'), files['report.docx']!]));
    draftNamed = JSON.parse(run(PYTHON, [here('readDocx.py'), files['draft-named.docx']!]));
    csvPassages = readCsv(files['passages.csv']!);
    xlsxSheets = {};
    for (const name of readdirSync(join(folder, 'lo')).filter((n) => n.endsWith('.csv'))) {
      xlsxSheets[name.replace(/^evidence-|\.csv$/g, '')] = readCsv(join(folder, 'lo', name)).rows;
    }
  }, 240_000);
  afterAll(() => folders.cleanup());

  describe('Word', () => {
    it('LibreOffice converts it to a PDF of several pages, with bookmarks from the headings', async () => {
      expect(existsSync(files['lo.pdf']!)).toBe(true);
      const info = run('/usr/bin/pdfinfo', [files['lo.pdf']!]);
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(5);
      expect(await outlineTitles(files['lo.pdf']!)).toEqual(expect.arrayContaining(['Summary of findings', 'Genomics']));
    });

    it('the contents give each chapter the page LibreOffice prints it on (our estimate, written into the TOC field)', () => {
      const pageText = pdfPages(files['lo.pdf']!);
      const entries = [...pageText[1]!.matchAll(/^(\S.*?)\.{3,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
      const chapters = docx.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
      expect(entries.map((e) => e.title)).toEqual(chapters);
      for (const entry of entries) {
        const printed = pageText.findIndex((t, i) => i > 1 && t.trimStart().startsWith(entry.title)) + 1;
        expect(entry.page, entry.title).toBe(printed);
      }
    });

    it('asks the reader to update its contents; updated, every entry (chapters and findings) gives the page its heading is printed on', () => {
      // Word asks on open (w:updateFields); LibreOffice, after Tools > Update > Update All.
      expect(docx.updateFields).toBe(true);
      const pages = pdfPages(files['lo-updated.pdf']!);
      const entries = contentsEntries(pages[1]!);
      // A statement's full stop runs into the dot leader.
      const headings = docx.paragraphs.filter((p) => p.style === 'Heading 1' || p.style === 'Heading 2').map((p) => oneSpace(p.text).replace(/\.$/, ''));
      expect(entries.map((e) => e.title)).toEqual(headings);
      expect(headings.filter((h) => /^F\d+ /.test(h))).toHaveLength(STATEMENTS.length);
      // Each heading is looked for after the one before it, so a finding's row in the summary table is not taken for
      // it; by its first words, as a long heading wraps.
      let from = 2;
      for (const entry of entries) {
        const start = entry.title.slice(0, 40);
        const printed = pages.findIndex((t, i) => i >= from && t.split('\n').some((line) => oneSpace(line).startsWith(start))) + 1;
        expect(entry.page, entry.title).toBe(printed);
        from = printed - 1;
      }
    });

    it('python-docx finds the Title, a Heading 1 per theme with findings, Quote-styled quotes and the tables', () => {
      expect(docx.paragraphs.find((p) => p.style === 'Title')?.text).toBe('The Topol Review');
      const h1 = docx.paragraphs.filter((p) => p.style === 'Heading 1').map((p) => p.text);
      expect(h1).toEqual(expect.arrayContaining(['Genomics', 'Artificial intelligence and robotics', 'Education and training']));
      expect(docx.quoteStyleDefined).toBe(true);
      const quotes = docx.paragraphs.filter((p) => p.style === 'Quote');
      expect(quotes.map((q) => q.text).join(' ')).toContain('We need protected time for training');
      // Summary, engagements, staff groups, matrix, engagement log, codebook.
      expect(docx.tables.length).toBeGreaterThanOrEqual(6);
      expect(docx.headerRows.every(Boolean)).toBe(true);
      // Every table takes its look from the one table style defined in the document, not from formatting of its own.
      expect(docx.tableStyles).toEqual(docx.tables.map(() => 'Fieldnotes Table'));
      expect(docx.outline).toEqual({ 'Heading 1': 0, 'Heading 2': 1, 'Heading 3': 2 });
      expect(docx.title).toBe('The Topol Review');
    });

    it('prints each finding under its theme, with its confidence, and the summary table lists them all', () => {
      const h2 = docx.paragraphs.filter((p) => p.style === 'Heading 2').map((p) => p.text);
      for (const [i, statement] of STATEMENTS.entries()) expect(h2).toContain(`F${i + 1}  ${statement}`);
      const summary = docx.tables[0]!;
      expect(summary[0]).toEqual(['Finding', 'Statement', 'Confidence', 'Passages', 'Participants']);
      // In the order they are reported, each theme a row above its findings (a merged cell reads as one value).
      expect(summary.slice(1).map((r) => r[0])).toEqual(['Genomics', 'F1', 'Artificial intelligence and robotics', 'F2', 'Education and training', 'F3']);
      expect(summary[1]!.every((c) => c === 'Genomics')).toBe(true);
      expect(summary[2]![2]).toBe('Moderate');
      expect(summary[6]![2]).toBe('Not assessed');
    });

    it('attributes quotes by code and staff group, or by name where consented', () => {
      const attributions = docx.paragraphs.filter((p) => p.style === 'Quote Attribution').map((p) => p.text);
      expect(attributions).toContain(`— ${codes.nurse}, nurse`);
      expect(attributions).toContain(`— ${codes.radiographer}, allied health professional`);
    });
  });

  describe('the draft mark and the attribution levels', () => {
    const pageOne = (path: string) => run('/usr/bin/pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-']);

    it('Word: a draft says so on its title page and in every section’s header and footer; a final report nowhere', () => {
      const titlePage = draftNamed.paragraphs.slice(0, draftNamed.paragraphs.findIndex((p) => p.text === 'Contents'));
      expect(titlePage.find((p) => p.style === 'Draft Mark')?.text).toBe('Draft — not for circulation');
      expect(titlePage.map((p) => p.text)).toContain('Version 1.0 (draft)');
      expect(draftNamed.chrome.length).toBeGreaterThanOrEqual(2);
      for (const section of draftNamed.chrome) {
        expect(section.header).toBe('Draft');
        expect(section.footer).toContain('The Topol Review — DRAFT');
      }
      // The title page's own header and footer stay empty.
      expect(draftNamed.chrome[0]!.firstHeader).toBe('');
      const final = [...docx.paragraphs.map((p) => p.text), ...docx.chrome.flatMap((c) => [c.header, c.footer])].join('\n');
      // (A draft finding is marked "Draft finding" in either.)
      expect(final).not.toMatch(/not for circulation|— DRAFT|\(draft\)|^Draft$/m);
    });

    it('Word: the page number sits at the right margin of every section, the landscape matrix too', () => {
      const widths = new Set(docx.chrome.map((c) => c.textWidth));
      expect(widths.size).toBe(2); // portrait and landscape
      for (const section of docx.chrome) expect(section.footerTabs).toEqual([section.textWidth]);
    });

    it('PDF: a draft says so on its title page and at the top and foot of every other page; a final report nowhere', () => {
      const pages = pdfPages(files['draft-named.pdf']!);
      expect(fold(pages[0]!)).toContain('draft — not for circulation');
      expect(fold(pages[0]!)).toContain('version 1.0 (draft)');
      for (const [i, page] of pages.entries()) {
        if (i === 0) continue;
        expect(page, `page ${i + 1}`).toMatch(/^\s*DRAFT\s*$/m);
        expect(page, `page ${i + 1}`).toContain('The Topol Review — DRAFT');
      }
      expect(text['pdf']).not.toMatch(/not for circulation|— DRAFT|\(draft\)|^\s*DRAFT\s*$/im);
      expect(pageOne(files['report.pdf']!)).toContain('Version 1.0');
    });

    it('quotes carry code and staff group, or the name of a participant who consented to be named when names are allowed', () => {
      const by = (read: DocxRead) => read.paragraphs.filter((p) => p.style === 'Quote Attribution').map((p) => p.text);
      expect(by(docx)).toContain(`— ${codes.radiographer}, allied health professional`);
      expect(by(docx).join('\n')).not.toContain('Tom Long');
      // Named: Tom Long consented to attribution; Asha Patel to anonymous quotation only, so she stays a code.
      expect(by(draftNamed)).toContain('— Tom Long, allied health professional');
      expect(by(draftNamed)).toContain(`— ${codes.nurse}, nurse`);
      expect(by(draftNamed).join('\n')).not.toContain('Asha Patel');
      const named = fold(pdfText(files['draft-named.pdf']!));
      expect(named).toContain('tom long, allied health professional');
      expect(named).not.toContain('asha patel');
      expect(named).not.toContain(fold(SECRET_WORDS));
    });
  });

  describe('PDF', () => {
    it('is tagged, has pages and an outline, and holds every finding’s statement as text', async () => {
      const info = run('/usr/bin/pdfinfo', [files['report.pdf']!]);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(5);
      expect(info).toMatch(/Title:\s+The Topol Review/);
      const flat = fold(text['pdf']!);
      for (const statement of STATEMENTS) expect(flat).toContain(fold(statement));
      expect(flat).toMatch(/page 2 of \d+/);
      expect(await outlineTitles(files['report.pdf']!)).toEqual(expect.arrayContaining(['Summary of findings', 'Genomics', 'Framework matrix']));
    });
  });

  describe('PDF contents', () => {
    it('give each chapter the page it starts on and each finding the page its heading is on', () => {
      const pages = pdfPages(files['report.pdf']!);
      const entries = [...pages[1]!.matchAll(/^( *)(\S.*?) {2,}(\d+)\s*$/gm)].map((m) => ({ chapter: m[1] === '', title: m[2]!.trim(), page: Number(m[3]) }));
      const chapters = entries.filter((e) => e.chapter);
      expect(chapters.map((e) => e.title)).toEqual(expect.arrayContaining(['Summary of findings', 'Genomics', 'Framework matrix', 'Appendix B. Codebook']));
      for (const e of chapters) expect(pages[e.page - 1]!.trimStart().startsWith(e.title), `${e.title} on page ${e.page}`).toBe(true);
      const findings = entries.filter((e) => /^F\d+ /.test(e.title));
      expect(findings).toHaveLength(STATEMENTS.length);
      for (const e of findings) expect(fold(pages[e.page - 1]!), e.title).toContain(fold(e.title.replace(/^F\d+ +/, '')));
    });
  });

  describe('CSV and Excel', () => {
    it('CSV is UTF-8 with a byte-order mark, one row per passage and theme, formulas kept as text', () => {
      expect(csvPassages.bom).toBe(true);
      const [header, ...rows] = csvPassages.rows;
      expect(header).toEqual(['Theme', 'Quote', 'Participant', 'Staff group', 'Engagement', 'Engagement type', 'Date', 'Reviewer', 'Memo', 'Key quote']);
      // Five passages; the silent doctor's (two themes) left out: 1 + 2 + 1 + 1 rows.
      expect(rows).toHaveLength(5);
      expect(rows.map((r) => r[0])).toContain('Technology › Genomics');
      expect(rows.find((r) => r[1]!.includes('HYPERLINK'))?.[1]).toBe(`'${FORMULA_QUOTE}`);
      expect(rows.find((r) => r[9] === 'Yes')?.[1]).toContain('We need protected time');
    });

    it('LibreOffice reads the workbook with the matrix’s numbers and the formula as text', () => {
      const matrixSheet = xlsxSheets['Framework matrix']!;
      const training = expectedMatrix.rows.find((r) => r.name === 'Education and training')!;
      const row = matrixSheet.find((r) => r[0] === 'Workforce › Education and training')!;
      const nurseColumn = matrixSheet[0]!.indexOf('Nurse');
      expect(Number(row[nurseColumn])).toBe(training.cells.nurse!.passages);
      expect(Number(row[row.length - 1])).toBe(training.total.passages);
      const total = matrixSheet[matrixSheet.length - 1]!;
      expect(total[0]).toBe('All themes');
      expect(Number(total[total.length - 1])).toBe(Object.values(expectedMatrix.totals).reduce((n, c) => n + c.passages, 0));
      const passages = xlsxSheets['Coded passages']!;
      expect(passages).toHaveLength(6);
      expect(passages.find((r) => r[1]!.includes('HYPERLINK'))?.[1]).toBe(FORMULA_QUOTE);
      expect(readCsv(files['matrix.csv']!).rows).toEqual(matrixSheet);
    });
  });

  describe('consent: nothing of a participant not for quotation, no recorded real name', () => {
    const everything = () => ({
      'Word (python-docx)': [...docx.paragraphs.map((p) => p.text), ...docx.tables.flat(2)].join('\n'),
      'Word (LibreOffice PDF)': text['lo.pdf']!,
      PDF: text['pdf']!,
      CSV: csvPassages.rows.flat().join('\n') + readCsv(files['matrix.csv']!).rows.flat().join('\n'),
      Excel: Object.values(xlsxSheets).flat(2).join('\n'),
    });

    it('holds none of their words, anywhere', () => {
      for (const [where, content] of Object.entries(everything())) {
        expect(fold(content), where).not.toContain(fold(SECRET_WORDS));
      }
    });

    it('holds no recorded real name in any case or spelling, and says [code] instead', () => {
      for (const [where, content] of Object.entries(everything())) {
        const flat = fold(content);
        for (const name of [REAL_NAME, 'angstrom', 'Asha Patel']) expect(flat, where).not.toContain(fold(name));
        expect(content, where).toContain(`[${codes.silent}]`);
      }
    });
  });
});

/** The PDF's bookmarks, top level and one below, read with pdf-lib. */
async function outlineTitles(path: string): Promise<string[]> {
  const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined, depth: number) => {
    for (let node = item; node && depth < 3; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      if (title && 'decodeText' in title) titles.push((title as { decodeText(): string }).decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return titles;
}
