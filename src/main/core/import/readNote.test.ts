// Each importer with real files made here: .docx zipped by hand and by LibreOffice, PDFs written
// by hand and by LibreOffice, and files that lie about what they are.
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { FieldnotesError } from '../../../shared/rpc/result';
import {
  handmadeDocx,
  handmadePdf,
  JPEG_HEAD,
  libreOfficeConvert,
  PNG_1X1,
  programBytes,
  sofficePath,
} from '../testing/fileFixtures';
import { tempFolders } from '../testing/tempWorkspace';
import { readNote } from './readNote';

const folders = tempFolders();
afterAll(() => folders.cleanup());

async function refused(bytes: Uint8Array, fileName: string): Promise<string> {
  const error = await readNote(Buffer.from(bytes), fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${fileName} should be refused`).toBeInstanceOf(FieldnotesError);
  expect((error as FieldnotesError).code).toBe('UNSUPPORTED_FILE');
  const message = (error as Error).message;
  expect(message).toContain(`"${fileName}"`);
  return message;
}

const VISIT_DOCX = handmadeDocx([
  { style: 'Heading1', runs: [{ text: 'Moorfields Eye Hospital' }] },
  { runs: [{ text: 'Machine learning ' }, { text: 'reads', bold: true }, { text: ' eye scans ' }, { text: 'today', italic: true }, { text: '.' }] },
  { style: 'Heading2', runs: [{ text: 'Barriers' }] },
  { list: 'bullet', text: 'Time for training' },
  { list: 'bullet', text: 'Data governance' },
  { list: 'number', text: 'Recommendation one' },
  { list: 'number', text: 'Recommendation two' },
  { style: 'Quote', runs: [{ text: 'The gift of time.' }] },
  { runs: [{ text: 'P014: I would use it tomorrow.' }] },
]);

describe('.docx', () => {
  it('keeps headings, paragraphs, lists, quotes and bold/italic runs', async () => {
    const { source, blocks } = await readNote(Buffer.from(VISIT_DOCX), 'Site visit.docx');
    expect(source).toBe('import:docx');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: 'Moorfields Eye Hospital' }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'Machine learning ' }, { text: 'reads', bold: true }, { text: ' eye scans ' }, { text: 'today', italic: true }, { text: '.' }],
      },
      { kind: 'heading', level: 2, runs: [{ text: 'Barriers' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'Time for training' }], [{ text: 'Data governance' }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'Recommendation one' }], [{ text: 'Recommendation two' }]] },
      { kind: 'quote', runs: [{ text: 'The gift of time.' }] },
      { kind: 'paragraph', runs: [{ text: 'P014: I would use it tomorrow.' }] },
    ]);
  });

  it('is recognised by its contents whatever its name', async () => {
    expect((await readNote(Buffer.from(VISIT_DOCX), 'notes.txt')).source).toBe('import:docx');
  });

  it('refuses a truncated .docx, a zip without a document, an empty document and an old .doc', async () => {
    expect(await refused(VISIT_DOCX.subarray(0, VISIT_DOCX.length - 200), 'cut short.docx')).toMatch(/damaged/);
    const otherZip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(await refused(otherZip, 'archive.docx')).toMatch(/damaged: there is no document inside/);
    expect(await refused(otherZip, 'archive.zip')).toMatch(/zip archive, not a document/);
    expect(await refused(handmadeDocx([{ runs: [{ text: '   ' }] }]), 'blank.docx')).toMatch(/no text/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await refused(ole, 'old.doc')).toMatch(/older Office document.*save it as \.docx/);
    expect(await refused(Buffer.from('just text'), 'fake.docx')).toMatch(/not really a Word document/);
  });
});

describe('PDF', () => {
  const submission = handmadePdf([
    [
      { text: 'Call for evidence: Royal College of Radiologists', size: 18 },
      { text: '' },
      { text: 'Radiographers need structured training before AI triage is intro-' },
      { text: 'duced in the department, and protected time to learn it.' },
      { text: '' },
      { text: 'A second paragraph on data governance.' },
      { text: '' },
      { text: '• Equity and bias' },
      { text: '• Accountability' },
    ],
    [{ text: 'Continued on page two.' }, { text: '' }, { text: 'P014: We need the gift of time.' }],
  ]);

  it('rebuilds paragraphs from line positions, headings from type size, bullets, and a heading per page', async () => {
    const { source, blocks } = await readNote(Buffer.from(submission), 'RCR submission.pdf');
    expect(source).toBe('import:pdf');
    expect(blocks).toEqual([
      { kind: 'heading', level: 3, runs: [{ text: 'Page 1' }] },
      { kind: 'heading', level: 1, runs: [{ text: 'Call for evidence: Royal College of Radiologists' }] },
      {
        kind: 'paragraph',
        runs: [{ text: 'Radiographers need structured training before AI triage is intro-duced in the department, and protected time to learn it.' }],
      },
      { kind: 'paragraph', runs: [{ text: 'A second paragraph on data governance.' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'Equity and bias' }], [{ text: 'Accountability' }]] },
      { kind: 'heading', level: 3, runs: [{ text: 'Page 2' }] },
      { kind: 'paragraph', runs: [{ text: 'Continued on page two.' }] },
      { kind: 'paragraph', runs: [{ text: 'P014: We need the gift of time.' }] },
    ]);
  });

  it('gives a one-page PDF no page heading', async () => {
    const { blocks } = await readNote(Buffer.from(handmadePdf([[{ text: 'Only page.' }]])), 'one.pdf');
    expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text: 'Only page.' }] }]);
  });

  it('refuses a damaged PDF, a PDF without text, and a .pdf that is not one', async () => {
    expect(await refused(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'broken.pdf')).toMatch(/damaged/);
    expect(await refused(submission.subarray(0, 400), 'half.pdf')).toMatch(/damaged|no text/);
    expect(await refused(handmadePdf([[{ text: '' }], [{ text: '' }]]), 'scan.pdf')).toMatch(/no text.*scan.*OCR/);
    expect(await refused(Buffer.from('Dear panel, …'), 'letter.pdf')).toMatch(/not really a PDF/);
  });
});

describe('types, by contents and by name', () => {
  it('refuses a program renamed .txt, an image renamed .txt, an empty file and unsupported types', async () => {
    expect(await refused(programBytes(), 'transcript.txt')).toMatch(/a program/);
    expect(await refused(PNG_1X1, 'photo.txt')).toMatch(/an image \(PNG\).*attachment/);
    expect(await refused(Buffer.concat([JPEG_HEAD, Buffer.alloc(100)]), 'flip chart.md')).toMatch(/an image \(JPEG\)/);
    expect(await refused(Buffer.alloc(0), 'empty.txt')).toMatch(/it is empty/);
    expect(await refused(Buffer.from('{\\rtf1 hello}'), 'letter.rtf')).toMatch(/does not read \.rtf files.*\.docx/);
    expect(await refused(Buffer.from('a,b\n1,2'), 'scores.csv')).toMatch(/imports Word.*This is a \.csv file/);
    expect(await refused(Buffer.from('\n \n'), 'blank.md')).toMatch(/no text/);
  });

  it('reads .md as markdown and .txt as plain text', async () => {
    expect((await readNote(Buffer.from('# Title\n\nBody'), 'notes.md')).blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      runs: [{ text: 'Title' }],
    });
    expect((await readNote(Buffer.from('# Title\n\nBody'), 'notes.txt')).source).toBe('import:txt');
  });
});

describe.skipIf(!sofficePath)('files made by LibreOffice (skipped where LibreOffice is not installed)', () => {
  const html = `<html><body>
    <h1>Workshop: AI in pathology</h1>
    <p>The panel heard that <b>digital literacy</b> is uneven and that <i>leadership</i> sets the pace.
       This paragraph is long enough to wrap onto a second line in the PDF, which tests how lines are joined.</p>
    <p>A second paragraph.</p>
    <ul><li>Training time</li><li>Career pathways</li></ul>
    <ol><li>Fund backfill</li><li>Share what works</li></ol>
    <blockquote>We cannot learn on top of a full clinical week.</blockquote>
    <h2>Enablers</h2>
    <p>P014: Protected learning time.</p>
  </body></html>`;
  const folder = folders.make('fieldnotes-lo-');

  it('a LibreOffice .docx keeps its structure', async () => {
    const { blocks } = await readNote(libreOfficeConvert(folder, 'workshop-docx', html, 'docx'), 'Workshop.docx');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'list', 'list', 'quote', 'heading', 'paragraph']);
    expect(blocks[1]).toMatchObject({ runs: expect.arrayContaining([{ text: 'digital literacy', bold: true }, { text: 'leadership', italic: true }]) });
    expect(blocks[3]).toEqual({ kind: 'list', ordered: false, items: [[{ text: 'Training time' }], [{ text: 'Career pathways' }]] });
    expect(blocks[4]).toMatchObject({ kind: 'list', ordered: true });
  }, 60_000);

  it('a LibreOffice PDF reads as headings, paragraphs and a bulleted list', async () => {
    const { blocks } = await readNote(libreOfficeConvert(folder, 'workshop-pdf', html, 'pdf'), 'Workshop.pdf');
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, runs: [{ text: 'Workshop: AI in pathology' }] });
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', runs: [{ text: expect.stringMatching(/^The panel heard .* how lines are joined\.$/) }] });
    expect(blocks[2]).toEqual({ kind: 'paragraph', runs: [{ text: 'A second paragraph.' }] });
    expect(blocks[3]).toEqual({ kind: 'list', ordered: false, items: [[{ text: 'Training time' }], [{ text: 'Career pathways' }]] });
    expect(blocks).toContainEqual({ kind: 'heading', level: 2, runs: [{ text: 'Enablers' }] });
    expect(blocks[blocks.length - 1]).toEqual({ kind: 'paragraph', runs: [{ text: 'P014: Protected learning time.' }] });
  }, 60_000);
});
