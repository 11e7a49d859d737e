/**
 * Excel workbooks with write-excel-file 4.1.1: its 4.x API writes with
 * `.toBuffer()` / `.toFile()`; the old `filePath` option is silently
 * ignored. Every text cell is typed String, so a cell that starts with "="
 * is text, never a formula; counts are typed Number.
 */
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';

export interface WorkbookSheet {
  name: string;
  header: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** Column widths in characters. */
  widths?: number[];
}

const cell = (value: string | number): Cell =>
  typeof value === 'number' ? { value, type: Number } : { value, type: String, wrap: value.length > 60 };

export async function toXlsx(sheets: WorkbookSheet[]): Promise<Buffer> {
  const data: Sheet<Buffer>[] = sheets.map((s) => ({
    sheet: s.name.slice(0, 31), // Excel's limit for a sheet name
    data: [
      s.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const, backgroundColor: '#E8EDEE' })),
      ...s.rows.map((r) => r.map(cell)),
    ],
    columns: s.widths?.map((width) => ({ width })),
    stickyRowsCount: 1,
  }));
  const out = await writeXlsxFile(data).toBuffer();
  return Buffer.from(out);
}
