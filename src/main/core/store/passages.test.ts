import { afterEach, describe, expect, it } from 'vitest';
import { tempFolders, TEST_REVIEWER } from '../testing/tempWorkspace';
import { noteFor, passage, theme, themeWorkspace } from '../testing/themeFixtures';
import {
  addTag,
  deleteUntaggedPassages,
  getPassage,
  moveTags,
  passagesOnlyTaggedWith,
  passagesTaggedWith,
  removeTag,
  requirePassage,
  tagsFor,
} from './passages';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('the passages store', () => {
  it('reads the tags of many passages in one call, each in the order it was made', () => {
    const { db } = themeWorkspace(folders);
    const [a, b] = [theme(db, 'Training'), theme(db, 'Safety')];
    const note = noteFor(db);
    const one = passage(db, note, [a!]);
    const two = passage(db, note, []);
    addTag(db, two, b!, TEST_REVIEWER.id, '2024-01-01T00:00:00Z');
    addTag(db, two, a!, TEST_REVIEWER.id, '2024-01-02T00:00:00Z');
    addTag(db, two, a!, TEST_REVIEWER.id, '2024-01-03T00:00:00Z'); // again: changes nothing
    const tags = tagsFor(db, [one, two, 'no-such']);
    expect(tags.get(one)?.map((t) => t.themeId)).toEqual([a]);
    expect(tags.get(two)?.map((t) => [t.themeId, t.taggedAt])).toEqual([
      [b, '2024-01-01T00:00:00Z'],
      [a, '2024-01-02T00:00:00Z'],
    ]);
    expect(tags.has('no-such')).toBe(false);
    expect(getPassage(db, two).tags).toHaveLength(2);
  });

  it('moves one theme’s tags to another, keeping a passage tagged with both once', () => {
    const { db } = themeWorkspace(folders);
    const [from, to] = [theme(db, 'Barriers'), theme(db, 'Obstacles')];
    const note = noteFor(db);
    passage(db, note, [from!]);
    const both = passage(db, note, [from!, to!]);
    expect(moveTags(db, from!, to!)).toEqual({ moved: 1, alreadyTagged: 1 });
    expect(tagsFor(db, [both]).get(both)?.map((t) => t.themeId)).toEqual([to]);
    expect(passagesTaggedWith(db, [from!])).toEqual([]);
  });

  it('knows which passages a set of themes alone holds, and deletes only those left untagged', () => {
    const { db } = themeWorkspace(folders);
    const [a, b] = [theme(db, 'A'), theme(db, 'B')];
    const note = noteFor(db);
    const onlyA = passage(db, note, [a!]);
    const both = passage(db, note, [a!, b!]);
    expect(passagesTaggedWith(db, [a!]).sort()).toEqual([onlyA, both].sort());
    expect(passagesOnlyTaggedWith(db, [a!])).toEqual([onlyA]);
    expect(removeTag(db, onlyA, a!)).toBe(0);
    expect(removeTag(db, both, a!)).toBe(1);
    expect(deleteUntaggedPassages(db, [onlyA, both])).toBe(1);
    expect(() => requirePassage(db, onlyA)).toThrow(/That passage no longer exists/);
    requirePassage(db, both);
  });
});
