import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { analysisWorkspace, OTHER_REVIEWER } from '../testing/analysisFixtures';
import { fullReview } from '../testing/teamFixtures';
import { makeOldWorkspace, tempFolders, TEST_REVIEWER, withRawDb } from '../testing/tempWorkspace';
import { deleteEngagement, updateEngagement } from '../services/engagements';
import { renameNote } from '../services/notes';
import { untagPassage, updatePassage } from '../services/passages';
import { actAs } from '../services/reviewer';
import { updateTheme } from '../services/themes';
import { getStamp, listTombstones, setChangeActor, stampsOf, withoutStamping } from '../store/changeLog';
import { openWorkspace } from '../workspace/workspace';
import { dataColumns, recordIdSql, TRACKED_TABLES, type TrackedTable } from './changeTracking';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const recordIds = (db: Database.Database, spec: TrackedTable): string[] =>
  db.prepare(`SELECT ${recordIdSql(spec, 't')} FROM ${spec.table} t`).pluck().all() as string[];

function reviewWith(installation: string) {
  const w = analysisWorkspace(folders);
  actAs(w.db, TEST_REVIEWER, installation);
  const review = fullReview(w);
  return { w, review };
}

describe('change tracking', () => {
  it('stamps every record of every tracked table made through the services', () => {
    const { w } = reviewWith('laptop-a');
    for (const spec of TRACKED_TABLES) {
      const stamps = stampsOf(w.db, spec.table);
      const ids = recordIds(w.db, spec);
      expect(ids.length, `${spec.table} has rows in the fixture`).toBeGreaterThan(0);
      // Every record has a stamp; those the migrations seeded (built-in engagement types, the three
      // recommendation groups) predate tracking and have no vector.
      expect(ids.filter((id) => !stamps.has(id)), spec.table).toEqual([]);
      const made = ids.map((id) => stamps.get(id)!).filter((s) => Object.keys(s.versions).length > 0);
      expect(made.length, `${spec.table} rows made since tracking began`).toBeGreaterThan(0);
      for (const stamp of made) {
        expect(stamp.createdBy, spec.table).toBeTruthy();
        expect(stamp.changedBy, spec.table).toBeTruthy();
        expect(stamp.createdAt, spec.table).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(stamp.changedAt, spec.table).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(stamp.changedIn, spec.table).toBe('laptop-a');
      }
    }
    w.close();
  });

  it('every data column change of every tracked table stamps who, when, where, and clocks that field', () => {
    const { w } = reviewWith('laptop-a');
    setChangeActor(w.db, OTHER_REVIEWER.id, 'laptop-b');
    for (const spec of TRACKED_TABLES) {
      const type = (c: string) => (w.db.prepare(`SELECT type FROM pragma_table_info(?) WHERE name = ?`).get(spec.table, c) as { type: string }).type;
      const column = dataColumns(w.db, spec).find((c) => !/_id$|_by$|^number$|^code$|^builtin$/.test(c) && ['TEXT', 'INTEGER'].includes(type(c)));
      const id = recordIds(w.db, spec).find((r) => Object.keys(getStamp(w.db, spec.table, r)!.versions).length > 0)!;
      const before = getStamp(w.db, spec.table, id)!;
      if (!column) {
        // A pure link (engagement_participants) is only its key: a change of link is a delete and an insert.
        expect(dataColumns(w.db, spec), spec.table).toEqual([]);
        continue;
      }
      const change = type(column) === 'TEXT' ? `coalesce(${column}, '') || ' (edited)'` : `coalesce(${column}, 0) + 1`;
      // A raw UPDATE stands for any write path, converted to the store layer or not: stamping does not depend on it.
      w.db.prepare(`UPDATE ${spec.table} SET ${column} = ${change} WHERE ${recordIdSql(spec, spec.table)} = ?`).run(id);
      const after = getStamp(w.db, spec.table, id)!;
      expect(after.changedBy, spec.table).toBe(OTHER_REVIEWER.id);
      expect(after.changedIn, spec.table).toBe('laptop-b');
      expect(after.createdBy, spec.table).toBe(before.createdBy);
      expect(after.changedAt! >= before.changedAt!, spec.table).toBe(true);
      const [session] = Object.entries(after.versions).find(([k, n]) => (before.versions[k] ?? 0) !== n)!;
      expect(after.fieldClocks[column], `${spec.table}.${column}`).toEqual([after.changedAt, session, after.versions[session]]);
      const total = (v: Record<string, number>) => Object.values(v).reduce((a, b) => a + b, 0);
      expect(total(after.versions), spec.table).toBe(total(before.versions) + 1);
    }
    w.close();
  });

  it('service writes stamp too, and a write that changes nothing stamps nothing', () => {
    const { w, review } = reviewWith('laptop-a');
    setChangeActor(w.db, OTHER_REVIEWER.id, 'laptop-b');
    const theme = getStamp(w.db, 'themes', review.themes.ai);
    updateTheme(w.db, { id: review.themes.ai, name: 'AI' }); // the same name again
    expect(getStamp(w.db, 'themes', review.themes.ai)).toEqual(theme);
    updateTheme(w.db, { id: review.themes.ai, name: 'Artificial intelligence' });
    expect(getStamp(w.db, 'themes', review.themes.ai)).toMatchObject({ changedBy: OTHER_REVIEWER.id, changedIn: 'laptop-b' });
    renameNote(w.db, review.notes.leeds.id, 'Leeds, day one');
    expect(getStamp(w.db, 'notes', review.notes.leeds.id)).toMatchObject({ changedBy: OTHER_REVIEWER.id });
    updatePassage(w.db, { id: review.p.nurses, memo: 'Said twice.' });
    expect(getStamp(w.db, 'passages', review.p.nurses)).toMatchObject({ changedBy: OTHER_REVIEWER.id });
    updateEngagement(w.db, { id: review.engagements.bristol, title: 'Bristol roundtable (pharmacy)', type: 'roundtable', date: '2018-10-01' });
    expect(getStamp(w.db, 'engagements', review.engagements.bristol)).toMatchObject({ changedBy: OTHER_REVIEWER.id, changedIn: 'laptop-b' });
    w.close();
  });

  it('every delete leaves a tombstone, cascades included, with who, when, where and the record’s vector', () => {
    const { w, review } = reviewWith('laptop-a');
    setChangeActor(w.db, OTHER_REVIEWER.id, 'laptop-b');
    const tag = JSON.stringify([review.p.triage, review.themes.training]);
    const vector = getStamp(w.db, 'passage_themes', tag)!.versions;
    untagPassage(w.db, review.p.triage, review.themes.training);
    const untagged = listTombstones(w.db, 'passage_themes');
    expect(untagged.map((t) => t.recordId)).toEqual([tag]);
    expect(untagged[0]).toMatchObject({ deletedBy: OTHER_REVIEWER.id, deletedIn: 'laptop-b', versions: vector });
    expect(getStamp(w.db, 'passage_themes', tag)).toBeNull();

    deleteEngagement(w.db, review.engagements.moorfields);
    const gone = (table: string) => listTombstones(w.db, table).map((t) => t.recordId);
    expect(gone('engagements')).toEqual([review.engagements.moorfields]);
    expect(gone('notes')).toEqual([review.notes.moorfields.id]);
    expect(gone('passages').sort()).toEqual([review.p.triage, review.p.scans, review.p.ethics, review.p.cameUp, review.p.unsaid].sort());
    expect(gone('attachments')).toEqual([review.photo.id]);
    expect(gone('engagement_participants')).toHaveLength(2);
    for (const t of listTombstones(w.db)) {
      expect(t.deletedBy, t.table).toBe(OTHER_REVIEWER.id);
      expect(t.deletedAt, t.table).toMatch(/^\d{4}-/);
    }
    w.close();
  });

  it('a record made again after its deletion is newer than the tombstone', () => {
    const { w, review } = reviewWith('laptop-a');
    untagPassage(w.db, review.p.triage, review.themes.training);
    const tomb = listTombstones(w.db, 'passage_themes')[0]!;
    w.db
      .prepare(`INSERT INTO passage_themes(passage_id, theme_id, tagged_at, tagged_by) VALUES (?, ?, ?, ?)`)
      .run(review.p.triage, review.themes.training, new Date().toISOString(), TEST_REVIEWER.id);
    const again = getStamp(w.db, 'passage_themes', tomb.recordId)!;
    const [session, count] = Object.entries(tomb.versions)[0]!;
    expect(again.versions[session]).toBe(count + 1);
    w.close();
  });

  it('with stamping off (a merge writing records as they came) nothing is stamped or tombstoned', () => {
    const { w, review } = reviewWith('laptop-a');
    const before = getStamp(w.db, 'themes', review.themes.ethics);
    w.db.transaction(() =>
      withoutStamping(w.db, () => {
        w.db.prepare(`UPDATE themes SET definition = 'Moral questions.' WHERE id = ?`).run(review.themes.ethics);
        w.db.prepare('DELETE FROM matrix_summaries').run();
      }),
    )();
    expect(getStamp(w.db, 'themes', review.themes.ethics)).toEqual(before);
    expect(listTombstones(w.db)).toEqual([]);
    // and on again afterwards
    updateTheme(w.db, { id: review.themes.ethics, name: 'Ethics and law' });
    expect(getStamp(w.db, 'themes', review.themes.ethics)).not.toEqual(before);
    w.close();
  });

  it('a workspace from before tracking gains stamps from what its rows said, and its rows do not change', () => {
    const path = join(folders.make(), 'old.fieldnotes');
    makeOldWorkspace(path, 9);
    const before = withRawDb(path, (db) => db.prepare('SELECT * FROM engagements').all());
    const workspace = openWorkspace(path);
    expect(workspace.db.prepare('SELECT * FROM engagements').all()).toEqual(before);
    expect(getStamp(workspace.db, 'engagements', 'e-old')).toEqual({
      createdAt: '2020-02-02T10:00:00.000Z',
      createdBy: TEST_REVIEWER.id,
      changedAt: '2020-02-02T10:00:00.000Z',
      changedBy: TEST_REVIEWER.id,
      changedIn: null,
      versions: {},
      fieldClocks: {},
    });
    workspace.close();
  });
});
