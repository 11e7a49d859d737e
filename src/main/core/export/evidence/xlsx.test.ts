// The workbook writer read back by Python's zipfile (CRCs) and XML parser; LibreOffice reads the
// report's workbook in exports.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolders } from '../../testing/tempWorkspace';
import { columnName, EXCEL_CELL_LIMIT, toXlsx } from './xlsx';

const PYTHON = '/usr/bin/python3';
const reader = fileURLToPath(new URL('../testing/readXlsx.py', import.meta.url));
const folders = tempFolders();
afterAll(() => folders.cleanup());

type Read = { parts: string[]; sharedStrings: string[]; sheets: { name: string; frozen: boolean; rows: (string | number)[][] }[] };
function readBack(bytes: Buffer): Read {
  const file = join(folders.make('fieldnotes-xlsx-'), 'book.xlsx');
  writeFileSync(file, bytes);
  const run = spawnSync(PYTHON, [reader, file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Read;
}

describe('columnName', () => {
  it('counts A…Z, then AA', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe.skipIf(!existsSync(PYTHON))('toXlsx', () => {
  it('writes text as text and numbers as numbers, XML-safe, in a zip whose CRCs check', () => {
    const awkward = [
      '=HYPERLINK("http://x")',
      'Fish & chips <b>bold</b> "quoted"',
      'bell\u0007 and form\u000c feed',
      'Ångström — naïve 🙂',
      `lone \uD800 surrogate`,
      'line one\nline two',
      '  indented, with a space after ',
      'Fish & chips <b>bold</b> "quoted"',
    ];
    const read = readBack(
      toXlsx([
        { name: 'Coded passages', header: ['Quote', 'Count'], rows: awkward.map((q, i) => [q, i]), widths: [70, 9] },
        { name: 'A sheet name that is longer than Excel allows', header: ['Theme', 'All'], rows: [['Genomics', 1234]] },
      ]),
    );
    expect(read.parts).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml']),
    );
    const [passages, matrix] = read.sheets;
    expect(passages!.name).toBe('Coded passages');
    expect(passages!.frozen).toBe(true);
    expect(passages!.rows[0]).toEqual(['Quote', 'Count']);
    expect(passages!.rows.slice(1).map((r) => r[0])).toEqual([
      '=HYPERLINK("http://x")',
      'Fish & chips <b>bold</b> "quoted"',
      'bell and form feed',
      'Ångström — naïve 🙂',
      'lone  surrogate',
      'line one\nline two',
      '  indented, with a space after ',
      'Fish & chips <b>bold</b> "quoted"',
    ]);
    expect(passages!.rows.slice(1).map((r) => r[1])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // A text met twice is one shared string.
    expect(read.sharedStrings.filter((t) => t.startsWith('Fish & chips'))).toHaveLength(1);
    expect(matrix!.name).toBe('A sheet name that is longer tha');
    expect(matrix!.rows[1]).toEqual(['Genomics', 1234]);
  });

  it('cuts a cell at Excel’s limit and says so in the cell', () => {
    const read = readBack(toXlsx([{ name: 'Long', header: ['Quote'], rows: [['x'.repeat(EXCEL_CELL_LIMIT + 10)]] }]));
    const cell = read.sheets[0]!.rows[1]![0] as string;
    expect(cell.length).toBe(EXCEL_CELL_LIMIT);
    expect(cell.endsWith('[…cut: Excel holds 32,767 characters in a cell]')).toBe(true);
  });
});
