// Small PDFs written byte by byte, for the importer's hard cases: fonts that are not embedded and need
// pdf.js's character maps, text layers of control characters, right-to-left text in visual order.

/** A PDF from raw objects: `objects[i]` becomes object i + 3 (1 is the catalog, 2 the pages tree). */
function rawPdf(pages: { content: string; fonts: Record<string, number> }[], objects: string[]): Uint8Array {
  const all: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', ...objects];
  const pageIds: number[] = [];
  for (const page of pages) {
    all.push(`<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`);
    const contentId = all.length;
    const fonts = Object.entries(page.fonts).map(([name, id]) => `/${name} ${id} 0 R`).join(' ');
    all.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fonts} >> >> /Contents ${contentId} 0 R >>`);
    pageIds.push(all.length);
  }
  all[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  all.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

const hex = (bytes: Uint8Array | number[]) => `<${Buffer.from(bytes).toString('hex').toUpperCase()}>`;

/**
 * Japanese in a font that is not embedded, encoded in Shift-JIS through Adobe's predefined CMap
 * (90ms-RKSJ-H, or -V for vertical writing), as Japanese office software writes it. Without pdf.js's
 * bundled CMaps the text layer is empty. `lines` are given as Shift-JIS bytes.
 */
export function shiftJisPdf(lines: Uint8Array[], vertical = false): Uint8Array {
  const writing = vertical ? 'V' : 'H';
  const objects = [
    `<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /90ms-RKSJ-${writing} /DescendantFonts [4 0 R] >>`,
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>',
  ];
  const content = lines
    .map((bytes, i) =>
      vertical
        ? `BT /F1 14 Tf ${500 - i * 24} 780 Td ${hex(bytes)} Tj ET`
        : `BT /F1 14 Tf 72 ${780 - i * 24} Td ${hex(bytes)} Tj ET`,
    )
    .join('\n');
  return rawPdf([{ content, fonts: { F1: 3 } }], objects);
}

/**
 * A simple font whose ToUnicode map sends each byte to `unicode[byte]`: how broken producers end up
 * with text layers of control characters, and how older Arabic producers write presentation forms.
 * Each line is a list of runs (byte strings) drawn left to right at increasing x.
 */
export function toUnicodePdf(unicode: Map<number, string>, lines: number[][][]): Uint8Array {
  const entries = [...unicode].map(([byte, text]) => {
    const utf16 = Buffer.from(text, 'utf16le').swap16();
    return `<${byte.toString(16).padStart(2, '0').toUpperCase()}> <${utf16.toString('hex').toUpperCase()}>`;
  });
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${entries.length} beginbfchar`,
    ...entries,
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects = [
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>',
    `<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`,
  ];
  const content = lines
    .map((runs, i) => {
      let x = 72;
      return runs
        .map((bytes) => {
          const op = `BT /F1 14 Tf ${x} ${780 - i * 24} Td ${hex(bytes)} Tj ET`;
          x += bytes.length * 10 + 30;
          return op;
        })
        .join('\n');
    })
    .join('\n');
  return rawPdf([{ content, fonts: { F1: 3 } }], objects);
}
