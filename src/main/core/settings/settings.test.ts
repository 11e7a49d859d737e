import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFolders } from '../testing/tempWorkspace';
import { InstallationSettings } from './settings';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('InstallationSettings', () => {
  it('starts empty, creating its folder if need be', () => {
    const folder = join(folders.make(), 'nested', 'fieldnotes');
    const settings = new InstallationSettings(folder);
    expect(settings.reviewer()).toBeNull();
    expect(settings.recent()).toEqual([]);
    expect(existsSync(folder)).toBe(true);
  });

  it('keeps the reviewer across instances, and their id when they rename themselves', () => {
    const folder = folders.make();
    const set = new InstallationSettings(folder).setReviewer({ name: 'Ada Lovelace', initials: 'AL' });
    expect(set).toEqual({ id: expect.any(String), name: 'Ada Lovelace', initials: 'AL' });
    expect(new InstallationSettings(folder).reviewer()).toEqual(set);

    const renamed = new InstallationSettings(folder).setReviewer({ name: 'Ada King', initials: 'AK' });
    expect(renamed.id).toBe(set.id);
    expect(new InstallationSettings(folder).reviewer()).toEqual(renamed);
    // Written atomically: no temporary file left behind.
    expect(readdirSync(folder)).toEqual(['settings.json']);
  });

  it.each([
    ['garbage', '{{{ not json'],
    ['an empty file', ''],
    ['the wrong shape', JSON.stringify({ reviewer: 5, recent: 'lots' })],
    ['a JSON array', '[1, 2, 3]'],
    ['null', 'null'],
  ])('falls back to defaults when settings.json is %s, and can save again', (_label, content) => {
    const folder = folders.make();
    writeFileSync(join(folder, 'settings.json'), content);
    let settings!: InstallationSettings;
    expect(() => (settings = new InstallationSettings(folder))).not.toThrow();
    expect(settings.reviewer()).toBeNull();
    expect(settings.recent()).toEqual([]);
    settings.setReviewer({ name: 'Grace', initials: 'G' });
    expect(new InstallationSettings(folder).reviewer()).toMatchObject({ name: 'Grace' });
  });

  it('keeps a valid file it reads (a good reviewer is not lost to a missing recent list)', () => {
    const folder = folders.make();
    const reviewer = { id: 'r-1', name: 'Ada', initials: 'A' };
    writeFileSync(join(folder, 'settings.json'), JSON.stringify({ reviewer }));
    expect(new InstallationSettings(folder).reviewer()).toEqual(reviewer);
  });

  it('lists recent workspaces newest first, de-duplicated, at most 12', () => {
    const folder = folders.make();
    const settings = new InstallationSettings(folder);
    for (let i = 0; i < 15; i++) settings.rememberOpened(`/w/${i}.fieldnotes`, `W${i}`);
    settings.rememberOpened('/w/5.fieldnotes', 'W5 renamed');
    const recent = new InstallationSettings(folder).recent();
    expect(recent).toHaveLength(12);
    expect(recent.map((r) => r.path)).toEqual([
      '/w/5.fieldnotes',
      ...[14, 13, 12, 11, 10, 9, 8, 7, 6, 4, 3].map((i) => `/w/${i}.fieldnotes`),
    ]);
    expect(recent[0]!.name).toBe('W5 renamed');
    expect(new Set(recent.map((r) => r.path)).size).toBe(12);
    expect(JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8')).recent).toHaveLength(12);
  });

  it('forgets a workspace, and only that one', () => {
    const folder = folders.make();
    const settings = new InstallationSettings(folder);
    settings.rememberOpened('/a.fieldnotes', 'A');
    settings.rememberOpened('/b.fieldnotes', 'B');
    settings.forget(settings.recent().find((r) => r.path === '/a.fieldnotes')!.id);
    settings.forget('not-an-id');
    expect(new InstallationSettings(folder).recent().map((r) => r.path)).toEqual(['/b.fieldnotes']);
  });
});
