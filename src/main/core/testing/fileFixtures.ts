// Test fixtures made at test time: real .docx, .pdf and image files, built by
// hand (always available) or by LibreOffice (when installed). Tests only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type DocxParagraph =
  | { style?: 'Heading1' | 'Heading2' | 'Heading3' | 'Quote'; runs: { text: string; bold?: boolean; italic?: boolean }[] }
  | { list: 'bullet' | 'number'; text: string };

function paragraphXml(p: DocxParagraph): string {
  if ('list' in p) {
    const numId = p.list === 'bullet' ? 1 : 2;
    return `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(p.text)}</w:t></w:r></w:p>`;
  }
  const style = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
  const runs = p.runs
    .map((r) => {
      const props = r.bold || r.italic ? `<w:rPr>${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}</w:rPr>` : '';
      return `<w:r>${props}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
    })
    .join('');
  return `<w:p>${style}${runs}</w:p>`;
}

const styleXml = (id: string, name: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;

const numberingXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
  <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

/** A minimal but complete .docx, zipped by hand: what Word needs to open it and mammoth to read it. */
export function handmadeDocx(paragraphs: DocxParagraph[]): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${paragraphs.map(paragraphXml).join('')}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
  <Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
</Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>
  <Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/>
</Relationships>`),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">${styleXml('Heading1', 'heading 1')}${styleXml('Heading2', 'heading 2')}${styleXml('Heading3', 'heading 3')}${styleXml('Quote', 'Quote')}</w:styles>`),
    'word/numbering.xml': strToU8(numberingXml),
  });
}

/** The few characters beyond Latin-1 that our fixtures use, in the font's WinAnsi encoding. */
const WIN_ANSI: Record<string, string> = { '•': '\x95', '–': '\x96', '—': '\x97', '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94' };
const toWinAnsi = (text: string) => text.replace(/[•–—‘’“”]/g, (c) => WIN_ANSI[c]!);

/**
 * A PDF written by hand: one page per entry, each line of text at its own
 * baseline in Helvetica, with a correct cross-reference table. `size` sets
 * the type size of a line (e.g. a heading); a blank line leaves a gap.
 */
export function handmadePdf(pages: { text: string; size?: number }[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // object number = index + 1
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages tree, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const lines of pages) {
    let y = 780;
    const ops: string[] = [];
    for (const line of lines) {
      const size = line.size ?? 11;
      y -= size * 1.3;
      if (!line.text) continue;
      const escaped = toWinAnsi(line.text).replace(/([\\()])/g, '\\$1');
      ops.push(`BT /F1 ${size} Tf 72 ${y.toFixed(1)} Td (${escaped}) Tj ET`);
    }
    const stream = ops.join('\n');
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    const contentId = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`);
    pageIds.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** A real 1×1 PNG (a grey pixel), as a camera app would never make but any viewer opens. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);

/** The first bytes of a JPEG from a camera, enough for a type check. */
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** Something like a Windows program: "MZ", a stub and binary noise. */
export function programBytes(size = 4096): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.write('MZ', 0, 'latin1');
  for (let i = 2; i < size; i++) bytes[i] = (i * 7919) % 256;
  return bytes;
}

export const sofficePath = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/**
 * Convert an HTML file with LibreOffice ("docx" or "pdf"), in a private
 * profile so parallel runs and a running LibreOffice do not interfere.
 */
export function libreOfficeConvert(folder: string, name: string, html: string, format: 'docx' | 'pdf'): Buffer {
  if (!sofficePath) throw new Error('LibreOffice is not installed');
  const source = join(folder, `${name}.html`);
  writeFileSync(source, html);
  const filter = format === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
  const result = spawnSync(
    sofficePath,
    [`-env:UserInstallation=file://${join(folder, 'lo-profile')}`, '--headless', '--infilter=HTML (StarWriter)', '--convert-to', filter, '--outdir', folder, source],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const output = join(folder, `${basename(source, '.html')}.${format}`);
  if (!existsSync(output)) throw new Error(`LibreOffice did not convert ${name}: ${result.stderr || result.error}`);
  return readFileSync(output);
}
