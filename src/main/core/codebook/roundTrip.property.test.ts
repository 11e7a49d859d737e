import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { NewTheme } from '../../../shared/domain/theme';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { themeWorkspace, xmllint } from '../testing/themeFixtures';
import { createTheme, foldName, listThemes } from '../services/themes';
import { exportQdc, importQdc } from './codebook';

const folders = tempFolders();
afterAll(() => folders.cleanup());

interface Node {
  name: string;
  colour: string;
  definition: string;
  exclusions: string;
  code: string;
  children: Node[];
}

/** Text that stresses the file: XML's specials, quotes, line breaks, accents, emoji, right-to-left. */
const awkward = fc.constantFrom('&', '<', '>', '"', "'", ']]>', ' ', '\n', 'é', 'e\u0301', 'ß', '🙂', 'שלום', '\t', '—', 'x', 'Code', ':');
const text = (max: number) => fc.array(fc.oneof(awkward, fc.string({ maxLength: 6 })), { maxLength: max }).map((parts) => parts.join(''));
const name = text(8)
  .map((s) => s.replace(/[\n\t]/g, ' ').trim().slice(0, 200))
  .filter((s) => s.length > 0 && NewTheme.shape.name.safeParse(s).success);
const colour = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0').toUpperCase()}`);
// Our own markers inside a definition would be read back as exclusions or a code: that is the format's one ambiguity.
const prose = text(10).filter((s) => !s.includes('Exclusions: ') && !s.includes('Code: '));
// eslint-disable-next-line no-control-regex
const code = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\s\u0000-\u001f]/g, ''));

const tree: fc.Arbitrary<Node[]> = fc.letrec<{ nodes: Node[] }>((tie) => ({
  nodes: fc.uniqueArray(
    fc.record({ name, colour, definition: prose, exclusions: prose, code, children: fc.oneof({ depthSize: 'small' }, fc.constant<Node[]>([]), tie('nodes')) }),
    { maxLength: 4, selector: (node) => foldName(node.name.trim()) },
  ),
})).nodes;

function build(db: Database.Database, nodes: Node[], parentId: string | null): void {
  for (const node of nodes) {
    const { children, ...details } = node;
    const input = NewTheme.parse({ ...details, parentId });
    const created = createTheme(db, input, TEST_REVIEWER.id);
    build(db, children, created.id);
  }
}

const shape = (db: Database.Database) =>
  listThemes(db).map((t) => [t.depth, t.name, t.colour, t.definition, t.exclusions, t.code]);

describe('a codebook', () => {
  it('survives export and import with the same tree and details, and every export is valid (property)', () => {
    const source = themeWorkspace(folders).db;
    const target = themeWorkspace(folders).db;
    let nonTrivial = 0;
    fc.assert(
      fc.property(tree, (nodes) => {
        source.exec('DELETE FROM themes');
        target.exec('DELETE FROM themes');
        fc.pre(nodes.length > 0);
        build(source, nodes, null);
        const { xml } = exportQdc(source, 'test');
        const imported = importQdc(target, xml, TEST_REVIEWER.id);
        const expected = shape(source);
        expect(imported).toEqual({ added: expected.length, merged: 0 });
        expect(shape(target)).toEqual(expected);
        expect(xmllint(folders, xml)).toMatchObject({ status: 0 });
        if (expected.some(([depth]) => (depth as number) > 0)) nonTrivial++;
      }),
      { numRuns: 60 },
    );
    expect(nonTrivial).toBeGreaterThan(5); // the generator really makes nested trees
  });
});
