import type { Row } from '../store/mergeRows';

/** How a person recognises a record in a preview or its history: its title, name, code or opening words. */
export function recordLabel(table: string, recordId: string, row: Row | null | undefined): string {
  for (const column of ['title', 'name', 'label', 'code', 'statement', 'text', 'file_name', 'plain_text', 'quoted_text']) {
    const value = row?.[column];
    if (typeof value === 'string' && value.trim()) {
      const text = value.replace(/\s+/g, ' ').trim();
      return text.length > 60 ? `${text.slice(0, 59)}…` : text;
    }
  }
  return `${table} ${recordId}`;
}
