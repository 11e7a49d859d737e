import { afterEach, describe, expect, it } from 'vitest';
import { moveTheme } from '../services/themes';
import { tempFolders } from '../testing/tempWorkspace';
import { theme, themeWorkspace } from '../testing/themeFixtures';
import { stampsOf } from './changeLog';
import { childRows, getTheme, ORDER_STEP, placeTheme, requireTheme } from './themes';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** Each theme's stored sort key, by name. */
const keys = (db: Parameters<typeof childRows>[0], parentId: string | null = null) =>
  Object.fromEntries(childRows(db, parentId).map((row) => [row.name, row.position]));

describe('the themes store', () => {
  it('appends new siblings with gaps between their sort keys', () => {
    const { db } = themeWorkspace(folders);
    ['Genomics', 'Digital medicine', 'Robotics'].forEach((name) => theme(db, name));
    expect(keys(db)).toEqual({ Genomics: 0, 'Digital medicine': ORDER_STEP, Robotics: 2 * ORDER_STEP });
  });

  it('a move writes the moved theme alone: no sibling is renumbered', () => {
    const { db } = themeWorkspace(folders);
    const names = ['A', 'B', 'C', 'D', 'E'];
    const ids = names.map((name) => theme(db, name));
    const before = keys(db);
    const changes = db.prepare('SELECT total_changes() AS n').pluck();
    const start = changes.get() as number;
    const stampsBefore = stampsOf(db, 'themes');
    // The analysis index's change log (migration 0011's triggers) writes two rows for each change it follows.
    const tick = db.prepare('SELECT tick FROM analysis_clock').pluck();
    const tickAtStart = tick.get() as number;
    moveTheme(db, { id: ids[4]!, parentId: null, position: 1 }); // E between A and B
    expect(childRows(db, null).map((r) => r.name)).toEqual(['A', 'E', 'B', 'C', 'D']);
    // One theme row, and its change-log stamp (db/changeTracking.ts).
    expect((changes.get() as number) - start - 2 * ((tick.get() as number) - tickAtStart)).toBe(2);
    const stampsAfter = stampsOf(db, 'themes');
    expect(ids.filter((id) => JSON.stringify(stampsAfter.get(id)) !== JSON.stringify(stampsBefore.get(id)))).toEqual([ids[4]]);
    const after = keys(db);
    for (const name of ['A', 'B', 'C', 'D']) expect(after[name], name).toBe(before[name]);
    // What a person means by position is still the index among siblings.
    expect(getTheme(db, ids[4]!).position).toBe(1);
  });

  it('moving to the front and under another parent takes keys around the neighbours', () => {
    const { db } = themeWorkspace(folders);
    const [a, b, c] = ['A', 'B', 'C'].map((name) => theme(db, name));
    const child = theme(db, 'Under A', a!);
    moveTheme(db, { id: c!, parentId: null, position: 0 });
    expect(childRows(db, null).map((r) => r.name)).toEqual(['C', 'A', 'B']);
    moveTheme(db, { id: b!, parentId: a!, position: 0 });
    expect(childRows(db, a!).map((r) => r.name)).toEqual(['B', 'Under A']);
    expect(getTheme(db, child).position).toBe(1);
  });

  it('spaces the siblings out again only when a gap has run out, keeping their order', () => {
    const { db } = themeWorkspace(folders);
    const [, , c] = ['A', 'B', 'C'].map((name) => theme(db, name));
    // Keep moving the last theme into the gap after the first: the gap halves each time.
    const order: string[] = [];
    for (let i = 0; i < 14; i++) {
      const last = childRows(db, null).at(-1)!;
      placeTheme(db, last.id, null, 1);
      order.push(childRows(db, null).map((r) => r.name).join(''));
    }
    expect(order.slice(0, 3)).toEqual(['ACB', 'ABC', 'ACB']);
    const rows = childRows(db, null);
    expect(new Set(rows.map((r) => r.position)).size).toBe(3);
    expect(rows.map((r) => r.id)).toContain(c);
  });

  it('refuses a missing theme with the one message', () => {
    const { db } = themeWorkspace(folders);
    expect(() => requireTheme(db, 'gone')).toThrow(/That theme no longer exists/);
  });
});
