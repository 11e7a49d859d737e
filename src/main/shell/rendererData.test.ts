import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's one way to load and change data, checked over the source: outside `src/renderer/api/`, a file
 * reaches the core through `useQuery` / `useMutation` (queries.tsx), never by calling the api client itself —
 * a direct call brings back its own stale-answer handling and its own (or no) way of showing a failure.
 * Listening to the core's events (`api().on(…)`) is not loading data and stays allowed.
 */

const RENDERER = fileURLToPath(new URL('../../renderer/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The only files that may call the client, each with why. */
const ALLOWED: Record<string, string> = {
  // The autosaver's path: a note's saves are ordered, retried with backoff and carry the revision they started
  // from; it outlives the editor that made them (savers.ts). A mutation's state would die with the component.
  'src/renderer/features/notes/noteSaver.ts': 'the autosaver’s notes.save',
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** Places in a file's source where the api client is used other than to listen to an event. */
export function directCalls(source: string): string[] {
  const code = withoutComments(source);
  return [...code.matchAll(/\bapi\(\)(\s*\.\s*\w+)?/g)].filter((m) => !/^\s*\.\s*on$/.test(m[1] ?? '')).map((m) => m[0].replace(/\s+/g, ''));
}

describe('the renderer’s data boundary', () => {
  it('finds a call of the client, however it is written, and lets listening to events pass', () => {
    expect(directCalls("void api()\n  .call('notes.list', {})")).toEqual(['api().call']);
    expect(directCalls('const client = api();')).toEqual(['api()']);
    expect(directCalls("api().on('app.command', run); // api().call('x') in a comment")).toEqual([]);
  });

  it('no renderer file outside api/ calls the core directly (only the autosaver, which says why)', () => {
    const offenders = sourceFiles(RENDERER)
      .map((path) => relative(ROOT, path).split('\\').join('/'))
      .filter((name) => !name.startsWith('src/renderer/api/') && !(name in ALLOWED))
      .filter((name) => directCalls(readFileSync(join(ROOT, name), 'utf8')).length > 0);
    expect(offenders, 'load with useQuery(method, input) and change with useMutation(method) from api/queries.tsx').toEqual([]);
  });

  it('every allowed file still calls the client (an allowance outliving its reason goes)', () => {
    for (const name of Object.keys(ALLOWED)) expect(directCalls(readFileSync(join(ROOT, name), 'utf8')), name).not.toEqual([]);
  });
});
