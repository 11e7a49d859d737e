// One namespace, one contract file, one handler file (issue 7): `themes.*` is declared in
// shared/contract/themes.ts and answered by handlers/themes.ts, so a new method has one obvious room.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract/methods';
import { Session } from '../session';
import { InstallationSettings } from '../settings/settings';
import { tempFolders } from '../testing/tempWorkspace';
import { createContext } from './context';

const here = fileURLToPath(new URL('.', import.meta.url));
const contractFolder = join(here, '../../../shared/contract');
/** The files in handlers/ that answer no namespace: the map of them all, and what each is given. */
const HANDLER_SUPPORT = ['index.ts', 'context.ts'];

const folders = tempFolders();
afterEach(() => folders.cleanup());

const namespaceOf = (method: string) => method.slice(0, method.indexOf('.'));
const sourceFiles = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const isMethodMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.keys(value).length > 0 &&
  Object.entries(value).every(([name, spec]) => name.includes('.') && typeof spec === 'object' && spec !== null && 'input' in spec && 'output' in spec);

/** Each file's namespaces, from what it exports (contract) or what its handler factories answer (handlers). */
async function namespacesByFile(folder: string, read: (exported: unknown) => string[]): Promise<Map<string, Set<string>>> {
  const byFile = new Map<string, Set<string>>();
  for (const file of sourceFiles(folder)) {
    const module: Record<string, unknown> = await import(join(folder, file));
    // `methods` is the map of every namespace (methods.ts, re-exported by index.ts), not one file's own.
    const methods = Object.entries(module).flatMap(([name, exported]) => (name === 'methods' ? [] : read(exported)));
    if (methods.length) byFile.set(basename(file, '.ts'), new Set(methods.map(namespaceOf)));
  }
  return byFile;
}

describe('contract, handler and namespace are one to one', () => {
  const namespaces = [...new Set(methodNames.map(namespaceOf))].sort();

  it('each contract file declares the methods of one namespace, named as the file', async () => {
    const byFile = await namespacesByFile(contractFolder, (exported) => (isMethodMap(exported) ? Object.keys(exported) : []));
    for (const [file, found] of byFile) expect([...found], `shared/contract/${file}.ts`).toEqual([file]);
    expect([...byFile.keys()].sort(), 'a contract file for each namespace').toEqual(namespaces);
  });

  it('each handler file answers the methods of one namespace, named as the file, and nothing else lives there', async () => {
    const folder = folders.make();
    const ctx = createContext(
      { settingsFolder: folder, defaultFolder: folder, host: 'loopback', version: 'x' },
      new InstallationSettings(folder),
      new Session(),
    );
    const byFile = await namespacesByFile(here, (exported) =>
      typeof exported === 'function' && exported.name.endsWith('Handlers') && exported.length === 1 ? Object.keys(exported(ctx)) : [],
    );
    for (const [file, found] of byFile) expect([...found], `handlers/${file}.ts`).toEqual([file]);
    expect([...byFile.keys()].sort(), 'a handler file for each namespace').toEqual(namespaces);
    const others = sourceFiles(here).filter((f) => !byFile.has(basename(f, '.ts')));
    expect(others.sort(), 'files in handlers/ that answer no namespace').toEqual(HANDLER_SUPPORT.sort());
  });
});
