import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeOldWorkspace,
  makeVersion0Workspace,
  makeWorkspace,
  schemaOf,
  snapshot,
  tempFolders,
  withRawDb,
} from '../testing/tempWorkspace';
import { openWorkspace } from '../workspace/workspace';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations';
import { APPLICATION_ID } from './sqlite';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const tables = (db: Database.Database): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

function freshDb(): Database.Database {
  return new Database(join(folders.make(), 'm.sqlite'));
}

const createTable = (version: number, table: string): Migration => ({
  version,
  name: `create ${table}`,
  up: (db) => db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, note TEXT)`),
});

describe('the migration list', () => {
  it('is numbered from 1, strictly increasing, and LATEST_SCHEMA_VERSION is the last', () => {
    expect(migrations[0]!.version).toBe(1);
    for (let i = 1; i < migrations.length; i++) {
      expect(migrations[i]!.version).toBeGreaterThan(migrations[i - 1]!.version);
    }
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.at(-1)!.version);
  });

  it('builds the full schema on an empty database, the same one createWorkspace makes', () => {
    const db = freshDb();
    const path = join(folders.make(), 'new.fieldnotes');
    makeWorkspace(path);
    try {
      expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(userVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(tables(db)).toEqual(expect.arrayContaining(['engagements', 'reviewers', 'workspace_meta']));
      withRawDb(path, (created) => expect(schemaOf(db)).toEqual(schemaOf(created)));
      // Running again is a no-op.
      const schema = schemaOf(db);
      expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaOf(db)).toEqual(schema);
    } finally {
      db.close();
    }
  });
});

describe('migrate()', () => {
  it('applies only the migrations newer than user_version, in order', () => {
    const db = freshDb();
    try {
      const ran: number[] = [];
      const list: Migration[] = [1, 2, 3].map((v) => ({
        version: v,
        name: `m${v}`,
        up: (d) => {
          ran.push(v);
          d.exec(`CREATE TABLE t${v} (x)`);
        },
      }));
      db.pragma('user_version = 1');
      expect(migrate(db, list)).toBe(3);
      expect(ran).toEqual([2, 3]);
      expect(tables(db)).toEqual(['t2', 't3']);
      expect(userVersion(db)).toBe(3);
    } finally {
      db.close();
    }
  });

  it('rolls back a failing migration entirely and stops at the last good version', () => {
    const path = join(folders.make(), 'fail.sqlite');
    const db = new Database(path);
    const list: Migration[] = [
      createTable(1, 'first'),
      {
        version: 2,
        name: 'half done',
        up: (d) => {
          d.exec("CREATE TABLE second (x); INSERT INTO first(note) VALUES ('from migration 2')");
          throw new Error('migration 2 broke halfway');
        },
      },
      createTable(3, 'third'),
    ];
    try {
      expect(() => migrate(db, list)).toThrow('migration 2 broke halfway');
      expect(userVersion(db)).toBe(1);
      expect(tables(db)).toEqual(['first']);
      expect(db.prepare('SELECT count(*) FROM first').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    // And the file on disk says the same to a new connection.
    withRawDb(path, (again) => {
      expect(userVersion(again)).toBe(1);
      expect(tables(again)).toEqual(['first']);
    });
  });

  it('rolls back a migration whose SQL fails part-way through a script', () => {
    const db = freshDb();
    try {
      const list: Migration[] = [
        createTable(1, 'first'),
        { version: 2, name: 'bad sql', up: (d) => d.exec('CREATE TABLE second (x); CREATE TABLE first (y);') },
      ];
      expect(() => migrate(db, list)).toThrow(/already exists/);
      expect(userVersion(db)).toBe(1);
      expect(tables(db)).toEqual(['first']);
    } finally {
      db.close();
    }
  });
});

describe('opening an older workspace', () => {
  it('backs the file up as <path>.v<N>-<stamp>.bak before migrating it', () => {
    const folder = folders.make();
    const path = join(folder, 'old.fieldnotes');
    makeVersion0Workspace(path);
    const before = snapshot(path);

    const backups: string[] = [];
    const workspace = openWorkspace(path, { onBackup: (b) => backups.push(b) });
    try {
      expect(workspace.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(tables(workspace.db)).toEqual(expect.arrayContaining(['engagements', 'reviewers', 'workspace_meta']));
    } finally {
      workspace.close();
    }

    expect(backups).toHaveLength(1);
    const backup = backups[0]!;
    expect(backup.startsWith(`${path}.v0-`)).toBe(true);
    expect(backup).toMatch(/\.v0-\d{4}-\d{2}-\d{2}T[\d-]+Z\.bak$/);
    expect(readdirSync(folder).sort()).toEqual(['old.fieldnotes', backup.slice(folder.length + 1)].sort());

    // The backup is a readable SQLite file holding the old state.
    const copy = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(0);
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(tables(copy)).toEqual([]);
    } finally {
      copy.close();
    }
    // The original was migrated in place, so it did change.
    expect(snapshot(path).sha).not.toBe(before.sha);
  });

  it.each(migrations.slice(0, -1).map((m) => m.version))(
    'upgrades a format-%i workspace to the schema a new one has, keeping its rows, with a backup at that version',
    (version) => {
      const folder = folders.make();
      const path = join(folder, `v${version}.fieldnotes`);
      makeOldWorkspace(path, version);
      const fresh = join(folder, 'fresh.fieldnotes');
      makeWorkspace(fresh);

      const backups: string[] = [];
      const workspace = openWorkspace(path, { onBackup: (b) => backups.push(b) });
      try {
        expect(userVersion(workspace.db)).toBe(LATEST_SCHEMA_VERSION);
        withRawDb(fresh, (created) => expect(schemaOf(workspace.db)).toEqual(schemaOf(created)));
        const row = workspace.db.prepare("SELECT title, created_by FROM engagements WHERE id = 'e-old'").get();
        expect(row).toEqual({ title: 'Old visit', created_by: 'reviewer-test-1' });
        expect(workspace.db.pragma('foreign_key_check')).toEqual([]);
        expect(workspace.info().name).toBe('Old review');
      } finally {
        workspace.close();
      }
      expect(backups).toHaveLength(1);
      expect(backups[0]!.startsWith(`${path}.v${version}-`)).toBe(true);
      withRawDb(backups[0]!, (copy) => {
        expect(userVersion(copy)).toBe(version);
        expect(copy.prepare("SELECT title FROM engagements WHERE id = 'e-old'").pluck().get()).toBe('Old visit');
      });
    },
  );

  it('takes no backup when the workspace is already current', () => {
    const folder = folders.make();
    const path = join(folder, 'current.fieldnotes');
    makeVersion0Workspace(path);
    openWorkspace(path).close(); // migrates, with one backup
    const afterFirst = readdirSync(folder);
    expect(afterFirst).toHaveLength(2);

    const backups: string[] = [];
    openWorkspace(path, { onBackup: (b) => backups.push(b) }).close();
    expect(backups).toEqual([]);
    expect(readdirSync(folder)).toEqual(afterFirst);
  });

  it('leaves an older workspace at its old version when its migration fails, with the backup kept', () => {
    const folder = folders.make();
    const path = join(folder, 'clash.fieldnotes');
    makeVersion0Workspace(path);
    // A table migration 1 will try to create: the migration fails part-way.
    withRawDb(path, (db) => db.exec("CREATE TABLE engagements (legacy TEXT); INSERT INTO engagements VALUES ('keep me')"));

    const backups: string[] = [];
    expect(() => openWorkspace(path, { onBackup: (b) => backups.push(b) })).toThrow(/already exists/);
    expect(backups).toHaveLength(1);
    expect(existsSync(backups[0]!)).toBe(true);

    withRawDb(path, (db) => {
      expect(userVersion(db)).toBe(0);
      expect(tables(db)).toEqual(['engagements']); // no workspace_meta or reviewers left half made
      expect(db.prepare('SELECT legacy FROM engagements').pluck().all()).toEqual(['keep me']);
    });
    // Nothing holds it afterwards: a second attempt fails the same way, not ALREADY_OPEN.
    expect(() => openWorkspace(path)).toThrow(/already exists/);
  });
});
