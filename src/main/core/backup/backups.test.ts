// Automatic, verified, rotated backups; restore sets the replaced file aside.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngagement } from '../services/engagements';
import { makeWorkspace, sha256, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { backupWorkspaceFile, inspectWorkspace, openWorkspace, restoreWorkspace, type Workspace } from '../workspace/workspace';
import { backupFolderFor, KEEP_DAYS, KEEP_LAST, listBackups, rotate } from './backups';

const folders = tempFolders();
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
  folders.cleanup();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const engagements = (w: Workspace) => w.db.prepare('SELECT count(*) FROM engagements').pluck().get();

describe('automatic backups', () => {
  it('one on open, beside the workspace, verified, readable by the reviewer only, listed with counts', () => {
    const path = join(folders.make(), 'review.fieldnotes');
    makeWorkspace(path, 4);
    const w = openWorkspace(path, { backups: {} });
    open.push(w);
    const [backup, ...rest] = listBackups(path);
    expect(rest).toEqual([]);
    expect(backup).toMatchObject({ reason: 'on open', counts: { engagements: 4 } });
    expect(backup!.path.startsWith(backupFolderFor(path))).toBe(true);
    expect(statSync(backup!.path).mode & 0o777).toBe(0o600);
    expect(statSync(backupFolderFor(path)).mode & 0o777).toBe(0o700);
    expect(inspectWorkspace(backup!.path).integrity).toEqual(['ok']);
  });

  it('every few minutes while edited, and not while nothing changes', async () => {
    const path = join(folders.make(), 'review.fieldnotes');
    makeWorkspace(path, 1);
    const w = openWorkspace(path, { backups: { everyMinutes: 0, pollMs: 30 } });
    open.push(w);
    await sleep(200);
    expect(listBackups(path).map((b) => b.reason)).toEqual(['on open']);
    createEngagement(w.db, { title: 'Later visit', type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
    await sleep(300);
    const [newest] = listBackups(path);
    expect(newest).toMatchObject({ reason: 'while editing', counts: { engagements: 2 } });
    expect(engagements(w)).toBe(2); // and work goes on after it
    createEngagement(w.db, { title: 'Even later', type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
  });

  it('rotation keeps the last 10 and the newest of each of the last 14 days', () => {
    const path = join(folders.make(), 'r.fieldnotes');
    const folder = backupFolderFor(path);
    const now = new Date('2026-12-01T12:00:00Z');
    const made: { path: string; takenAt: string; reason: string; bytes: number; counts: object }[] = [];
    mkdirSync(folder, { recursive: true });
    // Three a day for 20 days.
    for (let day = 0; day < 20; day++) {
      for (const hour of [9, 13, 17]) {
        const at = new Date(now.getTime() - day * 86_400_000 - (12 - hour) * 3_600_000);
        const file = join(folder, `r ${at.toISOString().replace(/[:.]/g, '-')}.fieldnotes`);
        writeFileSync(file, 'x');
        made.push({ path: file, takenAt: at.toISOString(), reason: 'test', bytes: 1, counts: {} });
      }
    }
    writeFileSync(join(folder, 'backups.json'), JSON.stringify(made));
    rotate(folder, now);
    const kept = listBackups(path);
    const newestTen = [...made].sort((a, b) => b.takenAt.localeCompare(a.takenAt)).slice(0, KEEP_LAST);
    for (const b of newestTen) expect(existsSync(b.path)).toBe(true);
    const days = new Set(kept.map((b) => b.takenAt.slice(0, 10)));
    expect(days.size).toBe(KEEP_DAYS + 1); // today and the 14 days before
    expect(kept.length).toBe(KEEP_LAST + (KEEP_DAYS + 1) - 4); // the last 10 cover today and 3 more days
    expect(readdirSync(folder).filter((n) => n.endsWith('.fieldnotes')).length).toBe(kept.length);
  });
});

describe('backup and restore by hand', () => {
  it('a backup of a closed workspace changes nothing; restoring it sets the replaced file aside', () => {
    const path = join(folders.make(), 'review.fieldnotes');
    makeWorkspace(path, 3);
    const before = sha256(path);
    const backup = backupWorkspaceFile(path);
    expect(sha256(path)).toBe(before);
    expect(backup).toMatchObject({ reason: 'by hand', counts: { engagements: 3 } });

    const later = openWorkspace(path);
    createEngagement(later.db, { title: 'After the backup', type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
    later.close();
    const { setAside } = restoreWorkspace(path, backup.path);
    expect(setAside).toMatch(/\.before-restore-/);
    expect(inspectWorkspace(setAside!).counts.engagements).toBe(4);
    const restored = openWorkspace(path);
    open.push(restored);
    expect(engagements(restored)).toBe(3);
  });

  it('refuses to restore over a workspace open in this window, or from a damaged backup', () => {
    const path = join(folders.make(), 'review.fieldnotes');
    makeWorkspace(path, 1);
    const backup = backupWorkspaceFile(path);
    const w = openWorkspace(path);
    expect(() => restoreWorkspace(path, backup.path)).toThrow(/open in this window/);
    w.close();
    writeFileSync(backup.path, 'not a workspace');
    expect(() => restoreWorkspace(path, backup.path)).toThrow(/not a Fieldnotes workspace/);
  });
});
