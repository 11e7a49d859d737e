import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { themePalette } from '../../../shared/domain/theme';
import { createCore } from '../index';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { noteFor, outline, passage, passageExists, tagsOf, theme, themeWorkspace } from '../testing/themeFixtures';
import { deleteTheme, mergeThemes, previewDelete } from './themeRemoval';
import { codebookThemes, createTheme, listThemes, moveTheme, updateTheme } from './themes';
import { getTheme } from '../store/themes';
import { openWorkspace } from '../workspace/workspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
};

describe('themes', () => {
  it('are created, listed in tree order with depth, updated, and survive reopening', () => {
    const workspace = themeWorkspace(folders);
    const { db } = workspace;
    const tech = theme(db, 'Technology');
    const ai = createTheme(db, { name: 'Artificial intelligence', parentId: tech, code: 'AI', definition: 'Machine learning.' }, TEST_REVIEWER.id);
    theme(db, 'Genomics', tech);
    theme(db, 'Workforce');
    expect(ai).toMatchObject({ name: 'Artificial intelligence', parentId: tech, code: 'AI', position: 0, createdBy: TEST_REVIEWER.id });
    expect(listThemes(db).map((t) => [t.name, t.depth, t.childCount])).toEqual([
      ['Technology', 0, 2],
      ['Artificial intelligence', 1, 0],
      ['Genomics', 1, 0],
      ['Workforce', 0, 0],
    ]);
    const updated = updateTheme(db, { id: ai.id, name: 'AI and robotics', colour: '#00aa00', exclusions: 'Not genomics.', code: '' });
    expect(updated).toMatchObject({ name: 'AI and robotics', colour: '#00AA00', exclusions: 'Not genomics.', code: null, definition: 'Machine learning.' });
    const path = workspace.path;
    workspace.close();
    const reopened = openWorkspace(path);
    expect(getTheme(reopened.db, ai.id).name).toBe('AI and robotics');
    reopened.close();
  });

  it('take the next palette colour by default, the least used first', () => {
    const { db } = themeWorkspace(folders);
    const first = createTheme(db, { name: 'One' }, TEST_REVIEWER.id);
    const second = createTheme(db, { name: 'Two' }, TEST_REVIEWER.id);
    const chosen = createTheme(db, { name: 'Three', colour: themePalette[2] }, TEST_REVIEWER.id);
    const fourth = createTheme(db, { name: 'Four' }, TEST_REVIEWER.id);
    expect([first.colour, second.colour, chosen.colour, fourth.colour]).toEqual([themePalette[0], themePalette[1], themePalette[2], themePalette[3]]);
  });

  it('refuse a sibling with the same name in any case, but allow it elsewhere in the tree', () => {
    const { db } = themeWorkspace(folders);
    const workforce = theme(db, 'Workforce');
    const barriers = theme(db, 'Barriers', workforce);
    expect(failure(() => theme(db, 'BARRIERS', workforce))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already a theme called “Barriers” under “Workforce”'),
    });
    expect(failure(() => theme(db, 'workforce'))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('at the top level') });
    // Composed and decomposed spellings are one name.
    theme(db, 'Éthique');
    expect(failure(() => theme(db, 'E\u0301THIQUE')).code).toBe('CONFLICT');
    expect(theme(db, 'Barriers')).toBeTruthy(); // at the top level: a different parent
    const enablers = theme(db, 'Enablers', workforce);
    expect(failure(() => updateTheme(db, { id: enablers, name: 'barriers' })).code).toBe('CONFLICT');
    expect(updateTheme(db, { id: barriers, name: 'barriers' }).name).toBe('barriers'); // its own name, recased
  });

  it('move among siblings and between parents, renumbering both', () => {
    const { db } = themeWorkspace(folders);
    const a = theme(db, 'A');
    const b = theme(db, 'B');
    const c = theme(db, 'C');
    moveTheme(db, { id: c, parentId: null, position: 0 });
    expect(outline(db)).toEqual(['C', 'A', 'B']);
    moveTheme(db, { id: a, parentId: b, position: 99 });
    expect(outline(db)).toEqual(['C', 'B', '  A']);
    expect(listThemes(db).map((t) => t.position)).toEqual([0, 1, 0]);
    moveTheme(db, { id: a, parentId: null, position: 1 });
    expect(outline(db)).toEqual(['C', 'A', 'B']);
    void c;
  });

  it('refuse to move a theme under itself or any of its descendants, and into a name clash', () => {
    const { db } = themeWorkspace(folders);
    const tech = theme(db, 'Technology');
    const ai = theme(db, 'AI', tech);
    const imaging = theme(db, 'Imaging', ai);
    expect(failure(() => moveTheme(db, { id: tech, parentId: tech, position: 0 }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'A theme cannot be placed under itself.',
    });
    expect(failure(() => moveTheme(db, { id: tech, parentId: imaging, position: 0 }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('one of its own sub-themes'),
    });
    theme(db, 'imaging', tech);
    expect(failure(() => moveTheme(db, { id: imaging, parentId: tech, position: 0 })).code).toBe('CONFLICT');
    expect(outline(db)).toEqual(['Technology', '  AI', '    Imaging', '  imaging']);
  });
});

describe('the codebook counts', () => {
  it('give a parent the roll-up of its whole branch, each passage once, beside its own count (issue 11)', () => {
    const { db } = themeWorkspace(folders);
    const note = noteFor(db);
    const tech = theme(db, 'Technology');
    const ai = theme(db, 'AI', tech);
    const imaging = theme(db, 'Imaging', ai);
    const genomics = theme(db, 'Genomics', tech);
    passage(db, note, [tech]);
    passage(db, note, [imaging, genomics]); // two sub-themes of one branch: one passage for Technology
    passage(db, note, [ai, imaging]);
    passage(db, note, [genomics]);
    const counts = () => codebookThemes(db).map((t) => [t.name, t.passageCount, t.branchPassageCount]);
    expect(counts()).toEqual([
      ['Technology', 1, 4],
      ['AI', 1, 2],
      ['Imaging', 2, 2],
      ['Genomics', 2, 2],
    ]);
    // Kept current: a new tag below moves the parents' roll-up at once.
    passage(db, note, [imaging]);
    expect(counts()[0]).toEqual(['Technology', 1, 5]);
    expect(counts()[1]).toEqual(['AI', 1, 3]);
  });
});

describe('merging themes', () => {
  it('moves tags without duplicates, moves or merges sub-themes, and deletes the source', () => {
    const { db } = themeWorkspace(folders);
    const note = noteFor(db);
    const barriers = theme(db, 'Barriers');
    const obstacles = theme(db, 'Obstacles');
    const time = theme(db, 'Time', obstacles);
    const money = theme(db, 'Money', obstacles);
    const barrierMoney = theme(db, 'money', barriers);
    const onlySource = passage(db, note, [obstacles]);
    const both = passage(db, note, [obstacles, barriers]);
    const onMoney = passage(db, note, [money, barrierMoney]);

    const result = mergeThemes(db, obstacles, barriers);
    expect(result).toEqual({ passagesMoved: 1, passagesAlreadyTagged: 2, subthemesMoved: 1, subthemesMerged: 1 });
    expect(tagsOf(db, onlySource)).toEqual([barriers]);
    expect(tagsOf(db, both)).toEqual([barriers]);
    expect(tagsOf(db, onMoney)).toEqual([barrierMoney]);
    expect(outline(db)).toEqual(['Barriers', '  money', '  Time']);
    expect(failure(() => getTheme(db, obstacles)).code).toBe('NOT_FOUND');
    expect(listThemes(db).find((t) => t.id === barriers)?.passageCount).toBe(2);
    void time;
  });

  it('merges a sub-theme into its parent, even one named like a sub-theme of its own', () => {
    const { db } = themeWorkspace(folders);
    const parent = theme(db, 'Ethics');
    const child = theme(db, 'Safety', parent);
    theme(db, 'safety', child);
    mergeThemes(db, child, parent);
    expect(outline(db)).toEqual(['Ethics', '  safety']);
  });

  it('refuses merging into itself or into its own sub-theme, changing nothing', () => {
    const { db } = themeWorkspace(folders);
    const parent = theme(db, 'Ethics');
    const child = theme(db, 'Safety', parent);
    expect(failure(() => mergeThemes(db, parent, parent)).code).toBe('INVALID_INPUT');
    expect(failure(() => mergeThemes(db, parent, child)).message).toContain('its own sub-theme');
    expect(outline(db)).toEqual(['Ethics', '  Safety']);
  });
});

describe('deleting a theme', () => {
  it('states first what will happen to passages and sub-themes', () => {
    const { db } = themeWorkspace(folders);
    const note = noteFor(db);
    const tech = theme(db, 'Technology');
    const ai = theme(db, 'AI', tech);
    theme(db, 'Genomics', tech);
    const other = theme(db, 'Ethics');
    theme(db, 'AI'); // a namesake at the parent's level: the sub-theme will merge into it
    passage(db, note, [tech]);
    passage(db, note, [tech, other]);
    passage(db, note, [tech, ai]);
    passage(db, note, [ai]);
    expect(previewDelete(db, tech)).toEqual({ passages: 3, passagesLeftUntagged: 1, children: 2, descendants: 2, childrenMergedByName: 1, findings: 0, citedPassagesDeleted: 0, summaries: 0 });
    expect(previewDelete(db, tech, true)).toEqual({ passages: 4, passagesLeftUntagged: 3, children: 2, descendants: 2, childrenMergedByName: 0, findings: 0, citedPassagesDeleted: 0, summaries: 0 });
  });

  it('moves sub-themes up into its place, deletes passages left with no theme, keeps the rest', () => {
    const { db } = themeWorkspace(folders);
    const note = noteFor(db);
    theme(db, 'Before');
    const tech = theme(db, 'Technology');
    const ai = theme(db, 'AI', tech);
    theme(db, 'Genomics', tech);
    theme(db, 'After');
    const ethics = theme(db, 'Ethics');
    const alone = passage(db, note, [tech]);
    const shared = passage(db, note, [tech, ethics]);
    const onChild = passage(db, note, [ai]);
    const untouched = passage(db, note, [ethics]);

    expect(deleteTheme(db, tech)).toEqual({ themesDeleted: 1, passagesDeleted: 1, subthemesMoved: 2 });
    expect(outline(db)).toEqual(['Before', 'AI', 'Genomics', 'After', 'Ethics']);
    expect(listThemes(db).map((t) => t.position)).toEqual([0, 1, 2, 3, 4]);
    expect(passageExists(db, alone)).toBe(false);
    expect(tagsOf(db, shared)).toEqual([ethics]);
    expect(tagsOf(db, onChild)).toEqual([ai]);
    expect(passageExists(db, untouched)).toBe(true);
  });

  it('with its sub-themes, removes the branch and the passages only it tagged', () => {
    const { db } = themeWorkspace(folders);
    const note = noteFor(db);
    const tech = theme(db, 'Technology');
    const ai = theme(db, 'AI', tech);
    const imaging = theme(db, 'Imaging', ai);
    const ethics = theme(db, 'Ethics');
    const inBranch = passage(db, note, [ai, imaging]);
    const crossing = passage(db, note, [imaging, ethics]);
    expect(deleteTheme(db, tech, true)).toEqual({ themesDeleted: 3, passagesDeleted: 1, subthemesMoved: 0 });
    expect(outline(db)).toEqual(['Ethics']);
    expect(passageExists(db, inBranch)).toBe(false);
    expect(tagsOf(db, crossing)).toEqual([ethics]);
  });

  it('merges a sub-theme into a same-named theme at its new level', () => {
    const { db } = themeWorkspace(folders);
    const note = noteFor(db);
    const workforce = theme(db, 'Workforce');
    const inner = theme(db, 'Barriers', workforce);
    const outer = theme(db, 'barriers');
    const tagged = passage(db, note, [inner]);
    deleteTheme(db, workforce);
    expect(outline(db)).toEqual(['barriers']);
    expect(tagsOf(db, tagged)).toEqual([outer]);
  });
});

describe('themes over the contract', () => {
  it('validate input strictly and answer with sentences', async () => {
    const folder = folders.make();
    const core = createCore({ settingsFolder: join(folder, 'settings'), defaultFolder: folder, host: 'loopback', version: 'test' });
    await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    expect(await core.invoke('themes.list', {})).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    await core.invoke('workspace.create', { path: join(folder, 'w.fieldnotes'), name: 'W' });
    expect(await core.invoke('themes.create', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Give the theme a name') } });
    expect(await core.invoke('themes.create', { name: 'A\nB' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.invoke('themes.create', { name: 'X', colour: 'red' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.invoke('themes.create', { name: 'X', extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.invoke('themes.move', { id: 'nope', parentId: null, position: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const created = await core.invoke('themes.create', { name: '  Barriers ', colour: '#1f77b4' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Barriers', colour: '#1F77B4', createdBy: expect.any(String) } });
    core.close();
  });
});
