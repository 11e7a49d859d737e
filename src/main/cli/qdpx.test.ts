import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT, TSX, tempFolders } from '../core/testing/tempWorkspace';
import { REFI } from '../core/testing/themeFixtures';

const folders = tempFolders();
afterEach(() => folders.cleanup());

function fieldnotes(args: string[], home: string) {
  const run = spawnSync(TSX, [CLI, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, FIELDNOTES_HOME: home } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('fieldnotes export --format qdpx and import', () => {
  it('imports the NVivo sample into a new workspace printing the report, and exports it again as a valid .qdpx', () => {
    const folder = folders.make('fieldnotes cli qdpx ');
    const home = join(folder, 'home');
    const first = join(folder, 'first.fieldnotes');
    const imported = fieldnotes(['import', join(REFI, 'samples', 'nvivo12-windows.qdpx'), '--new', first, '--by', 'Ada Lovelace'], home);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Themes:       152 added');
    expect(imported.out).toMatch(/Passages: {5}303 \((29[5-9]|30[0-3]) of them start and end on word boundaries\)/);
    const out = join(folder, 'again.qdpx');
    const exported = fieldnotes(['export', first, '--format', 'qdpx', '--out', out], home);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/Exported 152 themes, 2 notes, 303 passages/);
    const xmllint = spawnSync('sh', ['-c', `cd "${folder}" && mkdir x && cd x && unzip -q ../again.qdpx && xmllint --noout --schema "${join(REFI, 'Project.xsd')}" project.qde`], { encoding: 'utf8' });
    expect(xmllint.stderr).toMatch(/project.qde validates/);
  }, 240_000);

  it('refuses a file that is not a project with a sentence, and leaves no new workspace behind', () => {
    const folder = folders.make();
    const home = join(folder, 'home');
    const target = join(folder, 'new.fieldnotes');
    const run = fieldnotes(['import', join(REFI, 'Project.xsd'), '--new', target, '--by', 'Ada Lovelace'], home);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/not a zip archive/);
    expect(existsSync(target)).toBe(false);
    expect(fieldnotes(['export', join(folder, 'none.fieldnotes'), '--format', 'xyz'], home).code).toBe(2);
  }, 120_000); // each call starts tsx: slow on a loaded machine
});
