// Hostile paths at the boundary: a NUL would cut the path short at the
// operating system (a stray file named after the part before it), and a lone
// surrogate cannot be stored by any file system. Both are refused with a
// sentence, and nothing is created.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from './index';
import { tempFolders } from './testing/tempWorkspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

describe('paths with NUL or lone surrogates', () => {
  const folder = () => folders.make();
  it.each([
    ['a NUL', (f: string) => join(f, 'review.fieldnotes\0.txt'), /NUL character/],
    ['a lone high surrogate', (f: string) => join(f, 'review\uD83D.fieldnotes'), /lone surrogate/],
    ['a lone low surrogate', (f: string) => join(f, '\uDE00review.fieldnotes'), /lone surrogate/],
  ])('%s is refused with a sentence by create, open and save-as, and nothing is created', async (_, makePath, message) => {
    const f = folder();
    const core = createCore({ settingsFolder: folders.make(), defaultFolder: f, host: 'loopback', version: 'test' });
    cores.push(core);
    await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    const path = makePath(f);
    for (const [method, input] of [
      ['workspace.create', { path, name: 'Review' }],
      ['workspace.open', { path }],
      // workspace.forget names a recent workspace by id (the core keeps the paths), so it takes no path.
    ] as const) {
      const result = await core.invoke(method, input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(message);
      }
    }
    expect(readdirSync(f)).toEqual([]);
  });

  it('a path with a proper surrogate pair (an emoji) is fine', async () => {
    const f = folder();
    const core = createCore({ settingsFolder: folders.make(), defaultFolder: f, host: 'loopback', version: 'test' });
    cores.push(core);
    await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    const result = await core.invoke('workspace.create', { path: join(f, 'review 😀.fieldnotes'), name: 'Review' });
    expect(result.ok).toBe(true);
    expect(readdirSync(f)).toContain('review 😀.fieldnotes');
  });
});
