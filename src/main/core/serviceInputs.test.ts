// Service inputs are typed from the contract (issue 7): a service that takes what a method's caller sent takes
// `ParsedInput<'ns.verb'>` (shared/contract/methods.ts), so a field added, renamed or given a default in the
// contract reaches the service's type at once. A re-declared copy — `interface SearchInput { query: string; … }`
// or `input: { id: string; document: string }` — compiles as long as the copy still fits, and drifts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { methods, type MethodName } from '../../shared/contract/methods';
import { PROJECT_ROOT } from './testing/tempWorkspace';

const CORE = join(PROJECT_ROOT, 'src/main/core');
/** The store's row types and the fixtures of tests are not service inputs. */
const OUTSIDE = ['store', 'testing', 'db'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return folder === CORE && OUTSIDE.includes(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A method's input fields, and those a caller must send, when its input is an object. */
function inputFields(schema: z.ZodType): { fields: Set<string>; required: string[] } | null {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape || Object.keys(shape).length === 0) return null;
  // Optional and defaulted fields are the ones that accept nothing.
  const required = Object.entries(shape).flatMap(([name, field]) => (field.safeParse(undefined).success ? [] : [name]));
  return { fields: new Set(Object.keys(shape)), required };
}

const contractInputs = (Object.keys(methods) as MethodName[]).flatMap((name) => {
  const input = inputFields(methods[name].input);
  return input ? [{ name, ...input }] : [];
});

interface Declared {
  where: string;
  fields: string[];
}

/** Object types a file declares as a type (interface, alias of `{…}`) or writes out as a function parameter's type. */
export function declaredObjectTypes(fileName: string, text: string): Declared[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: Declared[] = [];
  const fieldsOf = (members: ts.NodeArray<ts.TypeElement>) =>
    members.flatMap((m) =>
      (ts.isPropertySignature(m) || ts.isMethodSignature(m)) && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : [],
    );
  const at = (node: ts.Node, what: string) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`;
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node)) out.push({ where: at(node, `interface ${node.name.text}`), fields: fieldsOf(node.members) });
    else if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) {
      out.push({ where: at(node, `type ${node.name.text}`), fields: fieldsOf(node.type.members) });
    } else if (ts.isParameter(node) && node.type && ts.isTypeLiteralNode(node.type) && ts.isIdentifier(node.name)) {
      out.push({ where: at(node, `parameter ${node.name.text}`), fields: fieldsOf(node.type.members) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * The contract method whose input a declared type copies: every field it declares is one of the method's input
 * fields, and it declares every field a caller must send. (A type with fields of its own, or without the
 * method's required ones — a span's start and end, a merge's options — is another shape.)
 */
export function copiedInput(declared: Declared): MethodName | null {
  if (declared.fields.length === 0) return null;
  for (const { name, fields, required } of contractInputs) {
    if (declared.fields.every((f) => fields.has(f)) && required.every((f) => declared.fields.includes(f))) return name;
  }
  return null;
}

describe('service inputs come from the contract', () => {
  it('recognises a re-declared input, and lets internal shapes be', () => {
    const found = declaredObjectTypes(
      'services/example.ts',
      `export interface SearchInput { query: string; filters?: AnalysisFilter; limit?: number; offset?: number }
       export function saveCopy(db: Database, input: { id: string; document: string }) {}
       interface Tally { both: number; one: number }
       interface Span { start: number; end: number }
       export type FromContract = ParsedInput<'search.query'>;`,
    );
    expect(found.map((d) => [d.where, copiedInput(d)])).toEqual([
      ['services/example.ts:1 interface SearchInput', 'search.query'],
      ['services/example.ts:2 parameter input', 'notes.saveCopy'],
      ['services/example.ts:3 interface Tally', null],
      ['services/example.ts:4 interface Span', null],
    ]);
  });

  it('no file of the core outside the store re-declares a method’s input', () => {
    const copies = sourceFiles(CORE).flatMap((path) => {
      const name = relative(PROJECT_ROOT, path).split('\\').join('/');
      return declaredObjectTypes(name, readFileSync(path, 'utf8')).flatMap((d) => {
        const method = copiedInput(d);
        return method ? [`${d.where} copies the input of ${method}: use ParsedInput<'${method}'>`] : [];
      });
    });
    expect(copies).toEqual([]);
  });
});
