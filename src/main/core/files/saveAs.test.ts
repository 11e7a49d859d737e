import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldnotesError } from '../../../shared/rpc/result';
import { tempFolders } from '../testing/tempWorkspace';
import { saveAs } from './saveAs';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('saveAs, the one file-out path', () => {
  it('with a save dialog, writes where the person chose and ignores the page’s path', async () => {
    const chosen = join(folders.make(), 'Topol codebook.qdc');
    const planted = join(folders.make(), 'planted.qdc');
    const asked: string[] = [];
    const dialogs = { chooseSaveFile: async (name: string) => (asked.push(name), chosen), chooseWorkspace: async () => null, chooseNewWorkspace: async () => null };
    writeFileSync(chosen, 'old'); // the native dialog has already asked before replacing
    expect(await saveAs({ dialogs }, 'Topol codebook.qdc', { path: planted }, () => '<CodeBook/>')).toEqual({ path: chosen, size: 11 });
    expect(asked).toEqual(['Topol codebook.qdc']);
    expect(readFileSync(chosen, 'utf8')).toBe('<CodeBook/>');
    expect(existsSync(planted)).toBe(false);
  });

  it('with a cancelled dialog, writes nothing and never builds the contents', async () => {
    const dialogs = { chooseSaveFile: async () => null, chooseWorkspace: async () => null, chooseNewWorkspace: async () => null };
    expect(await saveAs({ dialogs }, 'x.qdc', {}, () => { throw new Error('built'); })).toBeNull();
  });

  it('without a dialog, takes the typed path and replaces only when told', async () => {
    const target = join(folders.make(), 'copy.png');
    expect(await saveAs({}, 'x.png', { path: target }, () => new Uint8Array([1, 2]))).toEqual({ path: target, size: 2 });
    await expect(saveAs({}, 'x.png', { path: target }, () => new Uint8Array([3]))).rejects.toThrow(/already a file/);
    await saveAs({}, 'x.png', { path: target, overwrite: true }, () => new Uint8Array([3]));
    expect([...readFileSync(target)]).toEqual([3]);
    await expect(saveAs({}, 'x.png', {}, () => 'x')).rejects.toBeInstanceOf(FieldnotesError);
  });
});
