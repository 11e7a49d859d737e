// A test helper that damages a workspace the way a failing disk can: one index key, every page well-formed.
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Change one byte of an index key on disk, leaving every page well-formed:
 * quick_check passes, integrity_check finds the row missing from the index.
 */
export function damageIndexOnly(path: string, index = 'engagements_by_date', find = '2024-03-01'): void {
  const db = new Database(path, { readonly: true });
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all(index) as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  if (pages.length === 0) throw new Error(`index ${index} has no leaf pages`);
  const bytes = readFileSync(path);
  const page = pages[Math.floor(pages.length / 2)]!;
  const start = (page - 1) * pageSize;
  const at = bytes.subarray(start, start + pageSize).lastIndexOf(Buffer.from(find));
  if (at < 0) throw new Error(`"${find}" is not on page ${page}`);
  bytes[start + at + 3] = '3'.charCodeAt(0) === bytes[start + at + 3] ? '5'.charCodeAt(0) : '3'.charCodeAt(0);
  writeFileSync(path, bytes);
}
