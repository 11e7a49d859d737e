// Helpers for tests only: real files in real temp folders, removed afterwards.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { APPLICATION_ID, applyConnectionPragmas } from '../db/sqlite';
import { createEngagement } from '../services/engagements';
import { createWorkspace, openWorkspace, type Workspace } from '../workspace/workspace';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
export const CLI = join(PROJECT_ROOT, 'src/main/cli/index.ts');
export const BETTER_SQLITE3 = join(PROJECT_ROOT, 'node_modules/better-sqlite3');

export const TEST_REVIEWER = { id: 'reviewer-test-1', name: 'Ada Lovelace', initials: 'AL' };

/** Temp folders for one test file: `make()` in tests, `cleanup()` in afterEach. */
export function tempFolders() {
  const made: string[] = [];
  return {
    make(prefix = 'fieldnotes-test-'): string {
      const folder = mkdtempSync(join(tmpdir(), prefix));
      made.push(folder);
      return folder;
    },
    cleanup(): void {
      for (const folder of made.splice(0)) {
        restoreWritable(folder);
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** Undo chmod 0o555 from a test, so a non-root user can remove the folder too. */
function restoreWritable(folder: string): void {
  try {
    if (!statSync(folder).isDirectory()) return;
    chmodSync(folder, 0o755);
    for (const entry of readdirSync(folder)) restoreWritable(join(folder, entry));
  } catch {
    // Already gone.
  }
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A file's bytes plus the names around it, to prove a refusal changed nothing (no -wal, -shm left). */
export function snapshot(path: string): { sha: string; size: number; folder: string[] } {
  const folder = join(path, '..');
  return { sha: sha256(path), size: statSync(path).size, folder: readdirSync(folder).sort() };
}

/** A closed workspace holding `engagements` rows, so the file spans many pages. */
export function makeWorkspace(path: string, engagements = 0, name = 'Test review'): void {
  const workspace = createWorkspace(path, { name, createdBy: TEST_REVIEWER });
  try {
    workspace.db.transaction(() => {
      for (let i = 0; i < engagements; i++) {
        createEngagement(
          workspace.db,
          { title: `Engagement ${i} ${'with a long title '.repeat(5)}`, type: 'workshop', date: '2024-03-01' },
          TEST_REVIEWER.id,
        );
      }
    })();
  } finally {
    workspace.close();
  }
}

const templates = new Map<string, string>();

/**
 * A new, empty workspace at `path`, open: a copy of one created once per test process under `name`. Creating
 * runs every migration, each committed to disk (about 0.2 s, twice that under load); a copy opens in about
 * 25 ms, which is what a property test that needs an empty workspace per run can afford. Copies share the
 * name, creator and creation time: a test of creating, or of what tells two workspaces apart, makes its own.
 */
export function freshWorkspace(path: string, name = 'Test review'): Workspace {
  let template = templates.get(name);
  if (!template) {
    const folder = mkdtempSync(join(tmpdir(), 'fieldnotes-template-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    template = join(folder, 'template.fieldnotes');
    createWorkspace(template, { name, createdBy: TEST_REVIEWER }).close();
    templates.set(name, template);
  }
  copyFileSync(template, path);
  return openWorkspace(path);
}

/** Change a closed file with a plain connection, the way another program (or a newer Fieldnotes) would. */
export function withRawDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Plant an engagement whose reviewer does not exist, as a buggy or foreign writer could. */
export function breakReference(path: string): void {
  withRawDb(path, (db) => {
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO engagements(id, title, type, date, created_at, created_by)
       VALUES ('e-ghost', 'Ghost', 'workshop', '2024-01-01', '2024-01-01T00:00:00Z', 'no-such-reviewer')`,
    ).run();
  });
}

/** A file that says it is ours at format 0: what an older Fieldnotes would have left. */
export function makeVersion0Workspace(path: string): void {
  withRawDb(path, (db) => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 0');
  });
}

/**
 * A workspace as Fieldnotes at format `version` wrote it: the migrations up to
 * that one, a reviewer and an engagement in the columns format 1 had.
 */
export function makeOldWorkspace(path: string, version: number): void {
  withRawDb(path, (db) => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    applyConnectionPragmas(db);
    migrate(db, migrations.filter((m) => m.version <= version));
    db.exec(`
      INSERT INTO workspace_meta(key, value) VALUES ('name', 'Old review'), ('created_at', '2020-01-01T00:00:00.000Z');
      INSERT INTO reviewers(id, name, initials, first_seen) VALUES ('${TEST_REVIEWER.id}', 'Ada', 'A', '2020-01-01');
      INSERT INTO engagements(id, title, type, date, created_at, created_by)
        VALUES ('e-old', 'Old visit', 'site_visit', '2020-02-02', '2020-02-02T10:00:00.000Z', '${TEST_REVIEWER.id}');
    `);
  });
}

/** A note in a workspace `makeOldWorkspace` wrote at format 6 (its text in `plain_text`, as that format kept it). */
export function addOldNote(path: string, id: string, text: string): void {
  withRawDb(path, (db) => {
    const now = '2020-02-02T10:00:00.000Z';
    db.prepare(
      `INSERT INTO notes(id, engagement_id, title, document, plain_text, position, created_at, created_by, updated_at, updated_by)
       VALUES (?, 'e-old', 'Notes', '{}', ?, 1, ?, ?, ?, ?)`,
    ).run(id, text, now, TEST_REVIEWER.id, now, TEST_REVIEWER.id);
  });
}

/** Every table and index a database defines, with its SQL: two equal schemas give equal lists. */
export function schemaOf(db: Database.Database): { type: string; name: string; sql: string | null }[] {
  return db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
export const NOBODY = 65534;

export function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Run a command as a user the permission bits apply to: nobody when the tests
 * run as root (root ignores them), else the current user.
 */
export function runUnprivileged(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
    ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}
