/**
 * CSV for spreadsheets (issue 13): UTF-8 with a byte-order mark, so Excel
 * reads accents; CRLF line ends and RFC 4180 quoting. A cell that a
 * spreadsheet would take for a formula (starting =, +, -, @, or a tab or
 * carriage return) is written with a leading apostrophe, so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function textCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = textCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): Buffer {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
