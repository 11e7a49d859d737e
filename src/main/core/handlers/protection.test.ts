// The page's ways to an encrypted workspace, a refused log and a damaged file: all by what the core holds
// (session.refused), never by a path from the page, and a refusal changes no byte.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProtectionState } from '../../../shared/contract/protection';
import type { RefusedWorkspace } from '../../../shared/contract/recovery';
import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import { createCore, type Core } from '../index';
import type { KeychainPort } from '../ports';
import { failure, value } from '../testing/coreFiles';
import { damageIndexOnly } from '../testing/damage';
import { sha256, tempFolders } from '../testing/tempWorkspace';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

const PASSPHRASE = 'correct horse battery staple';

/** A keychain that keeps secrets in a map, as safeStorage would; `why` makes it refuse like Linux's basic_text. */
function fakeKeychain(why: string | null = null) {
  const kept = new Map<string, string>();
  const port: KeychainPort = {
    unavailableBecause: () => why,
    save: (account, secret) => void kept.set(account, secret),
    read: (account) => kept.get(account) ?? null,
    forget: (account) => void kept.delete(account),
  };
  return { port, kept };
}

async function newCore(keychain?: KeychainPort, settingsFolder = folders.make('fieldnotes-settings-')) {
  const core = createCore({ settingsFolder, defaultFolder: folders.make(), host: 'loopback', version: 'test', keychain, log: () => {} });
  cores.push(core);
  await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  return core;
}

describe('unlocking an encrypted workspace', () => {
  it('asks, refuses a wrong passphrase without changing a byte, opens with the right one, locks and asks again', async () => {
    const core = await newCore();
    const path = join(folders.make(), 'secret.fieldnotes');
    await value(core, 'workspace.create', { path, name: 'Secret', passphrase: PASSPHRASE });
    await value(core, 'workspace.close');
    const before = sha256(path);

    expect(await failure(core, 'workspace.open', { path }, 'PASSPHRASE_NEEDED')).toMatch(/Enter its passphrase/);
    expect(await value<RefusedWorkspace>(core, 'recovery.get')).toMatchObject({ file: 'secret.fieldnotes', code: 'PASSPHRASE_NEEDED' });
    expect(await failure(core, 'protection.unlock', { passphrase: 'not the passphrase' }, 'WRONG_PASSPHRASE')).toMatch(/has not been changed/);
    expect(sha256(path)).toBe(before);
    expect(readdirSync(join(path, '..')).filter((n) => !n.startsWith('secret.fieldnotes'))).toEqual([]);

    const info = await value<WorkspaceInfo>(core, 'protection.unlock', { passphrase: PASSPHRASE });
    expect(info).toMatchObject({ name: 'Secret', encrypted: true });
    expect(await value(core, 'recovery.get')).toBeNull();

    await value(core, 'protection.lock');
    expect(await value(core, 'workspace.current')).toBeNull();
    expect(await value<RefusedWorkspace>(core, 'recovery.get')).toMatchObject({ code: 'PASSPHRASE_NEEDED' });
    await failure(core, 'engagements.list', {}, 'NO_WORKSPACE');
    await value(core, 'protection.unlock', { passphrase: PASSPHRASE });
  }, 30_000);

  it('remembers the key only where the keychain is safe, opens with it, and forgets it on request', async () => {
    const unsafe = fakeKeychain('This computer keeps passwords with a fixed key (basic_text), so Fieldnotes will not remember yours here.');
    const core = await newCore(unsafe.port);
    const path = join(folders.make(), 'kept.fieldnotes');
    await value(core, 'workspace.create', { path, name: 'Kept', passphrase: PASSPHRASE });
    expect(await value<ProtectionState>(core, 'protection.get')).toMatchObject({ encrypted: true, remembered: false, rememberUnavailable: expect.stringMatching(/basic_text/) });
    expect(await failure(core, 'protection.setRemember', { remember: true }, 'UNAVAILABLE')).toMatch(/fixed key/);
    expect(unsafe.kept.size).toBe(0);

    const safe = fakeKeychain();
    const settings = folders.make('fieldnotes-settings-');
    const desktop = await newCore(safe.port, settings);
    await value(core, 'workspace.close');
    await failure(desktop, 'workspace.open', { path }, 'PASSPHRASE_NEEDED');
    await value(desktop, 'protection.unlock', { passphrase: PASSPHRASE, remember: true });
    expect([...safe.kept.values()].join()).not.toContain(PASSPHRASE); // the derived key is kept, not the passphrase
    expect(await value<ProtectionState>(desktop, 'protection.get')).toMatchObject({ remembered: true, rememberUnavailable: null });
    await value(desktop, 'workspace.close');
    expect(await value<WorkspaceInfo>(desktop, 'workspace.open', { path })).toMatchObject({ name: 'Kept' }); // no passphrase asked

    expect(await value<ProtectionState>(desktop, 'protection.setRemember', { remember: false })).toMatchObject({ remembered: false });
    await value(desktop, 'workspace.close');
    await failure(desktop, 'workspace.open', { path }, 'PASSPHRASE_NEEDED');
  }, 30_000);

  it('says the keychain is not available on the loopback host', async () => {
    const core = await newCore();
    expect((await value<ProtectionState>(core, 'protection.get')).rememberUnavailable).toMatch(/not available here/);
    expect(await value<ProtectionState>(core, 'protection.setLockAfter', { minutes: 15 })).toMatchObject({ lockAfterMinutes: 15 });
    await failure(core, 'protection.setLockAfter', { minutes: 7 }, 'INVALID_INPUT');
  });
});

describe('backups and copies of the open workspace', () => {
  it('lists with counts, backs up now, restores keeping the current file aside, and saves a consistent copy', async () => {
    const core = await newCore();
    const folder = folders.make();
    const path = join(folder, 'review.fieldnotes');
    await value(core, 'workspace.create', { path, name: 'Review' });
    await value(core, 'engagements.create', { title: 'Moorfields visit', type: 'site_visit', date: '2018-06-19' });
    const taken = await value<{ name: string; counts: Record<string, number> }>(core, 'backups.takeNow');
    expect(taken.counts.engagements).toBe(1);
    await value(core, 'engagements.create', { title: 'Roundtable', type: 'roundtable', date: '2018-07-02' });
    const listed = await value<{ current: Record<string, number>; backups: { name: string }[] }>(core, 'backups.list');
    expect(listed.current.engagements).toBe(2);
    expect(listed.backups.map((b) => b.name)).toContain(taken.name);

    await failure(core, 'backups.restore', { name: '../../elsewhere.fieldnotes' }, 'NOT_FOUND');
    const restored = await value<{ setAside: string }>(core, 'backups.restore', { name: taken.name });
    expect(restored.setAside).toMatch(/^review\.fieldnotes\.before-restore-/);
    expect(existsSync(join(folder, restored.setAside))).toBe(true);
    expect((await value<unknown[]>(core, 'engagements.list', {})).length).toBe(1);

    const copy = join(folders.make(), 'copy.fieldnotes');
    expect(await value(core, 'backups.saveCopy', { path: copy })).toMatchObject({ path: copy });
    expect(readFileSync(copy).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(statSync(copy).mode & 0o777, 'a copy of a workspace is as private as the workspace').toBe(0o600);
    await failure(core, 'backups.saveCopy', { path: copy }, 'FILE_EXISTS');
    const other = await newCore();
    await value(other, 'workspace.open', { path: copy });
    expect((await value<unknown[]>(other, 'engagements.list', {})).length).toBe(1);
  }, 30_000);

  it('saves an encrypted workspace as an encrypted copy that its passphrase opens', async () => {
    const core = await newCore();
    await value(core, 'workspace.create', { path: join(folders.make(), 'secret.fieldnotes'), name: 'Secret', passphrase: PASSPHRASE });
    await value(core, 'engagements.create', { title: 'Glaucoma clinic', type: 'site_visit', date: '2018-06-19' });
    const copy = join(folders.make(), 'secret copy.fieldnotes');
    await value(core, 'backups.saveCopy', { path: copy });
    const bytes = readFileSync(copy).toString('latin1');
    expect(bytes).not.toContain('SQLite format 3');
    expect(bytes).not.toContain('Glaucoma');
    const other = await newCore();
    await failure(other, 'workspace.open', { path: copy }, 'PASSPHRASE_NEEDED');
    await value(other, 'protection.unlock', { passphrase: PASSPHRASE });
    expect(await value<{ title: string }[]>(other, 'engagements.list', {})).toMatchObject([{ title: 'Glaucoma clinic' }]);
  }, 30_000);
});

describe('a workspace refused as it is', () => {
  async function closedWorkspace(engagements: number) {
    const core = await newCore();
    const folder = folders.make();
    const path = join(folder, 'review.fieldnotes');
    await value(core, 'workspace.create', { path, name: 'Review' });
    for (let i = 0; i < engagements; i++) await value(core, 'engagements.create', { title: `Visit ${i}`, type: 'site_visit', date: '2024-03-01' });
    await value(core, 'backups.takeNow');
    await value(core, 'workspace.close');
    return { core, folder, path };
  }

  it('with a log that is not its own: sets the log aside (renamed, not deleted) and opens the file as it is', async () => {
    const { core, path } = await closedWorkspace(1);
    writeFileSync(`${path}-wal`, readFileSync(path).subarray(0, 32)); // a stray log: not this file's
    const before = sha256(path);
    const refusal = await core.invoke('workspace.open', { path });
    expect(refusal.ok ? '' : refusal.error.code).toMatch(/^WAL_(MISMATCH|DAMAGED)$/);
    expect(sha256(path)).toBe(before);
    const info = await value<WorkspaceInfo>(core, 'recovery.setLogAside');
    expect(info.notice).toMatch(/was set aside as "review\.fieldnotes\.log-set-aside-/);
    expect(existsSync(`${path}-wal`) && readFileSync(`${path}-wal`).length === 32).toBe(false);
  }, 30_000);

  it('with damaged indexes: offers the newest good backup and rebuilds the indexes into a copy, keeping the damaged file', async () => {
    const { core, folder, path } = await closedWorkspace(40);
    damageIndexOnly(path);
    const damaged = sha256(path);
    await failure(core, 'workspace.open', { path }, 'CORRUPT_WORKSPACE');
    expect(sha256(path)).toBe(damaged);
    const refused = await value<RefusedWorkspace>(core, 'recovery.get');
    expect(refused).toMatchObject({ code: 'CORRUPT_WORKSPACE', indexesOnly: true, newestBackup: { counts: { engagements: 40 } } });

    const info = await value<WorkspaceInfo>(core, 'recovery.rebuildIndexes');
    expect(info.notice).toMatch(/indexes were rebuilt/);
    expect((await value<unknown[]>(core, 'engagements.list', {})).length).toBe(40);
    const aside = readdirSync(folder).find((n) => n.startsWith('review.fieldnotes.damaged-'))!;
    expect(sha256(join(folder, aside))).toBe(damaged);
  }, 30_000);

  it('damaged: restores the newest good backup in its place, keeping the damaged file beside it', async () => {
    const { core, folder, path } = await closedWorkspace(40);
    damageIndexOnly(path);
    const damaged = sha256(path);
    await failure(core, 'workspace.open', { path }, 'CORRUPT_WORKSPACE');
    const info = await value<WorkspaceInfo>(core, 'recovery.restoreNewest');
    expect(info.notice).toMatch(/^Restored the backup from .*kept beside it as "review\.fieldnotes\.before-restore-/);
    const aside = readdirSync(folder).find((n) => n.startsWith('review.fieldnotes.before-restore-'))!;
    expect(sha256(join(folder, aside))).toBe(damaged);
    expect(basename(info.path)).toBe('review.fieldnotes');
    await failure(core, 'recovery.restoreNewest', {}, 'NOT_FOUND'); // nothing is refused any more
  }, 30_000);
});
