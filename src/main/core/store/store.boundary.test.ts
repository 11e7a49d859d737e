import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../testing/tempWorkspace';

/**
 * The store layer's rule, checked over the source: SQL naming any table of the
 * schema lives in `core/store/`, and each table is written by one store module
 * (its owner; a new table's module owns it by writing it). Schema code
 * (`core/db/`: migrations, pragmas) and tests (including `core/testing/`, which
 * plants rows the way a foreign writer would) are outside the rule.
 */

const MAIN = join(PROJECT_ROOT, 'src/main');
const STORE = 'src/main/core/store/';

function tablesInSchema(): Set<string> {
  const folder = join(MAIN, 'core/db/migrations');
  const names = new Set<string>();
  // Change tracking's tables are made by db/changeTracking.ts, which its migration calls.
  const schemaFiles = [...readdirSync(folder).map((file) => join(folder, file)), join(MAIN, 'core/db/changeTracking.ts')];
  for (const file of schemaFiles) {
    for (const m of readFileSync(file, 'utf8').matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)) {
      names.add(m[1]!);
    }
  }
  return names;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Tables a piece of source reads or writes in SQL (upper-case keywords, as all our SQL is written). */
export function tablesNamed(source: string, tables: Set<string>): { read: Set<string>; written: Set<string> } {
  const read = new Set<string>();
  const written = new Set<string>();
  for (const m of source.matchAll(/\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b/g)) {
    const table = m[2]!;
    if (!tables.has(table)) continue;
    read.add(table);
    const before = source.slice(Math.max(0, m.index - 8), m.index);
    if (m[1] === 'INTO' || m[1] === 'UPDATE' || (m[1] === 'FROM' && /DELETE\s+$/.test(before))) written.add(table);
  }
  return { read, written };
}

describe('the store layer', () => {
  const tables = tablesInSchema();
  const files = sourceFiles(MAIN).map((path) => ({ name: relative(PROJECT_ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

  it('finds the tables a piece of SQL names, and which it writes', () => {
    const found = tablesNamed(
      "SELECT 1 FROM engagements e JOIN notes n ON n.x = e.id; DELETE FROM themes; INSERT INTO passages(id) VALUES (1); UPDATE reviewers SET a = 1; the passages from the note",
      tables,
    );
    expect([...found.read].sort()).toEqual(['engagements', 'notes', 'passages', 'reviewers', 'themes']);
    expect([...found.written].sort()).toEqual(['passages', 'reviewers', 'themes']);
  });

  it('no file outside store/ names a table in SQL', () => {
    const strays: string[] = [];
    for (const { name, text } of files) {
      if ([STORE, 'src/main/core/db/', 'src/main/core/testing/'].some((f) => name.startsWith(f))) continue;
      for (const table of tablesNamed(text, tables).read) strays.push(`${name}: ${table}`);
    }
    expect(strays, 'move this SQL into the table’s store module').toEqual([]);
  });

  it('each table is written by one store module only', () => {
    const writers = new Map<string, string[]>();
    for (const { name, text } of files) {
      if (!name.startsWith(STORE)) continue;
      for (const table of tablesNamed(text, tables).written) writers.set(table, [...(writers.get(table) ?? []), name]);
    }
    const shared = [...writers].filter(([, modules]) => modules.length > 1).map(([table, modules]) => `${table}: ${modules.join(', ')}`);
    expect(shared, 'one module owns a table’s writes; others call it').toEqual([]);
    // The rule has teeth: the tables written most are owned where one would look for them.
    expect(writers.get('passages')).toEqual([`${STORE}passages.ts`]);
    expect(writers.get('themes')).toEqual([`${STORE}themes.ts`]);
  });
});
