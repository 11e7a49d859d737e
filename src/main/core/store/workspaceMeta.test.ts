import { afterEach, describe, expect, it } from 'vitest';
import { tempFolders } from '../testing/tempWorkspace';
import { themeWorkspace } from '../testing/themeFixtures';
import { nextNumber, readMeta, writeMeta } from './workspaceMeta';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('the workspace meta store', () => {
  it('reads and replaces a value by key', () => {
    const { db } = themeWorkspace(folders, 'Topol Review');
    expect(readMeta(db, 'name')).toBe('Topol Review');
    expect(readMeta(db, 'no.such.key')).toBeUndefined();
    writeMeta(db, 'name', 'Topol Review 2019');
    expect(readMeta(db, 'name')).toBe('Topol Review 2019');
  });

  it('counts on from the higher of the counter and the table, never backwards', () => {
    const { db } = themeWorkspace(folders);
    expect(nextNumber(db, 'test.last', 0)).toBe(1);
    expect(nextNumber(db, 'test.last', 0)).toBe(2); // a deleted row's number is not reused
    expect(nextNumber(db, 'test.last', 7)).toBe(8); // rows written past the counter
    expect(nextNumber(db, 'test.last', 0, 5)).toBe(9); // a preferred number at or below the last is not taken
    expect(nextNumber(db, 'test.last', 0, 14)).toBe(14);
    expect(readMeta(db, 'test.last')).toBe('14');
  });
});
