import { afterEach, describe, expect, it } from 'vitest';
import { updateTheme } from '../services/themes';
import { forks, laterOnTheClock } from '../testing/mergeFixtures';
import { tempFolders } from '../testing/tempWorkspace';
import { listRecordsWithHistory, recordHistory, restoreOverwritten } from './history';
import { mergeInto, previewMerge } from './mergePack';

const folders = tempFolders();
const { fork, twoLaptops, closeAll } = forks(folders);
afterEach(() => {
  closeAll();
  folders.cleanup();
});

describe('a record’s history after a merge', () => {
  it('keeps the value that lost a field both laptops changed, shows it, and restores it as a change of its own', () => {
    const { review, a, b } = twoLaptops();
    updateTheme(a.db, { id: review.themes.genomics, definition: 'Ada’s definition' });
    laterOnTheClock(); // Grace's is the later change
    updateTheme(b.db, { id: review.themes.genomics, definition: 'Grace’s definition' });
    const graces = fork(b.db, 'grace-pack');
    mergeInto(a.db, graces.db);

    const definition = () => a.db.prepare('SELECT definition FROM themes WHERE id = ?').pluck().get(review.themes.genomics);
    expect(definition()).toBe('Grace’s definition');
    expect(listRecordsWithHistory(a.db)).toEqual([expect.objectContaining({ table: 'themes', recordId: review.themes.genomics, label: 'Genomics', kind: 'Themes', entries: 1 })]);
    const history = recordHistory(a.db, 'themes', review.themes.genomics);
    expect(history.entries).toEqual([
      expect.objectContaining({ column: 'definition', value: 'Ada’s definition', keptValue: 'Grace’s definition', changedBy: 'Ada Lovelace', restoredAt: null }),
    ]);

    const restored = restoreOverwritten(a.db, history.entries[0]!.id);
    expect(restored.restoredAt).not.toBeNull();
    expect(definition()).toBe('Ada’s definition');
    // What the restore replaced is kept in turn.
    expect(recordHistory(a.db, 'themes', review.themes.genomics).entries.map((e) => e.value).sort()).toEqual(['Ada’s definition', 'Grace’s definition']);
    // The restore is Ada's change now: merging Grace's pack again does not undo it.
    expect(previewMerge(a.db, graces.db).counts.changed + previewMerge(a.db, graces.db).counts.conflicting).toBe(0);
    mergeInto(a.db, graces.db);
    expect(definition()).toBe('Ada’s definition');
    expect(() => restoreOverwritten(a.db, 'no-such-entry')).toThrow(/no longer in the history/);
  });
});
