import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../testing/tempWorkspace';

/**
 * The store layer's rule, checked over the source: SQL naming a table lives
 * in `core/store/`, and only the table's own module writes to it. Schema code
 * (`core/db/`: migrations, pragmas) and tests (including `core/testing/`, which
 * plants rows the way a foreign writer would) are outside the rule.
 */

const MAIN = join(PROJECT_ROOT, 'src/main');
const STORE = 'src/main/core/store/';

/** Which store module writes each table. A table not listed here is not yet converted. */
const OWNERS: Record<string, string> = {
  engagements: 'engagements.ts',
  engagement_types: 'engagements.ts',
  findings: 'findings.ts',
  finding_themes: 'findings.ts',
  finding_passages: 'findings.ts',
  recommendation_groups: 'recommendations.ts',
  recommendations: 'recommendations.ts',
  recommendation_findings: 'recommendations.ts',
  matrix_summaries: 'matrixSummaries.ts',
  passages: 'passages.ts',
  passage_themes: 'passages.ts',
  themes: 'themes.ts',
  notes: 'notes.ts',
  participants: 'participants.ts',
  engagement_participants: 'participants.ts',
  participant_attributes: 'participantAttributes.ts',
  participant_attribute_values: 'participantAttributes.ts',
  workspace_meta: 'workspaceMeta.ts',
  // Written only by migration 0010's triggers; read by the analysis index.
  analysis_clock: 'analysisIndex.ts',
  analysis_changes: 'analysisIndex.ts',
};

/**
 * Files that still name a converted table in SQL, and which tables. This list
 * only shrinks: convert a file by moving its SQL into the store modules.
 */
const NOT_YET_CONVERTED: Record<string, string[]> = {
  'src/main/core/services/search.ts': ['engagements', 'notes', 'passages', 'participants'],
  'src/main/core/services/themeView.ts': ['engagements', 'passage_themes', 'notes', 'passages', 'participants'],
  'src/main/core/services/analysisFilter.ts': ['passage_themes'],
  'src/main/core/workspace/examine.ts': ['workspace_meta'],
  'src/main/core/workspace/logToken.ts': ['workspace_meta'],
  'src/main/core/workspace/workspace.ts': ['workspace_meta'],
};

function tablesInSchema(): Set<string> {
  const folder = join(MAIN, 'core/db/migrations');
  const names = new Set<string>();
  for (const file of readdirSync(folder)) {
    for (const m of readFileSync(join(folder, file), 'utf8').matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)) {
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

  it('every owner named is a table of the schema and a module in store/', () => {
    const modules = new Set(readdirSync(join(MAIN, 'core/store')));
    for (const [table, owner] of Object.entries(OWNERS)) {
      expect(tables.has(table), table).toBe(true);
      expect(modules.has(owner), owner).toBe(true);
    }
  });

  it('no file outside store/ names a converted table in SQL', () => {
    const strays: string[] = [];
    for (const { name, text } of files) {
      if ([STORE, 'src/main/core/db/', 'src/main/core/testing/'].some((f) => name.startsWith(f))) continue;
      const allowed = new Set(NOT_YET_CONVERTED[name] ?? []);
      for (const table of tablesNamed(text, tables).read) {
        if (table in OWNERS && !allowed.has(table)) strays.push(`${name}: ${table}`);
      }
    }
    expect(strays, 'move this SQL into the table’s store module').toEqual([]);
  });

  it('the list of files not yet converted holds nothing already converted', () => {
    const stale: string[] = [];
    for (const [name, allowed] of Object.entries(NOT_YET_CONVERTED)) {
      const text = files.find((f) => f.name === name)?.text ?? '';
      const named = tablesNamed(text, tables).read;
      for (const table of allowed) if (!named.has(table)) stale.push(`${name}: ${table}`);
    }
    expect(stale, 'remove these from NOT_YET_CONVERTED').toEqual([]);
  });

  it('only a table’s own store module writes to it', () => {
    const strays: string[] = [];
    for (const { name, text } of files) {
      if (!name.startsWith(STORE)) continue;
      for (const table of tablesNamed(text, tables).written) {
        const owner = OWNERS[table];
        if (owner && name !== STORE + owner) strays.push(`${name}: ${table}`);
      }
    }
    expect(strays).toEqual([]);
  });
});
