/**
 * Trust in the app (issue 12): a workspace created encrypted, locked and unlocked (a wrong passphrase is a
 * sentence and changes no byte), backed up by hand, restored with the current file kept beside it, and saved
 * as a consistent copy — by keyboard where a reviewer would, with screenshots and axe on each new screen.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { damageIndexOnly } from '../src/main/core/testing/indexDamage';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { focused, screenBothModes } from './support/screens';

const PASSPHRASE = 'glaucoma clinic lantern';
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('an encrypted workspace: locked and unlocked, backed up and restored, saved as a copy', async ({ page, host }) => {
  test.setTimeout(150_000); // a loaded two-core machine; about 40 s on a quiet one
  const app = new FieldnotesApp(page);
  const file = join(host.workspaces, 'secret review.fieldnotes');
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace', 'AL');

  // Create it encrypted.
  await page.keyboard.press('Control+Shift+N');
  const create = page.getByRole('dialog', { name: 'Create workspace' });
  await create.getByLabel('Workspace name').fill('Secret review');
  await create.getByLabel('Save as').fill(file);
  await create.getByLabel('Encrypt it with a passphrase').check();
  await create.getByLabel('New passphrase').fill(PASSPHRASE);
  await create.getByLabel('Type it again').fill('something else');
  await create.getByRole('button', { name: 'Create workspace' }).click();
  await expect(create.getByRole('alert')).toHaveText(/not the same/);
  await create.getByLabel('Type it again').fill(PASSPHRASE);
  await create.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Secret review');
  expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  await app.addEngagement('Moorfields visit', 'Site visit', '2018-06-19');

  // Backups: back up now, then restore it over a later change; what it replaces is said, and kept.
  await page.keyboard.press('Control+8');
  const backups = page.getByRole('table', { name: 'Backups, newest first' });
  await page.getByRole('button', { name: 'Back up now' }).click();
  const byHand = backups.getByRole('row').filter({ hasText: 'Backed up by hand' });
  await expect(byHand).toHaveCount(1);
  await expect(byHand.getByRole('cell').nth(1)).toHaveText('1'); // engagements
  await page.keyboard.press('Control+1');
  await app.addEngagement('Roundtable on AI', 'Roundtable', '2018-07-02');
  await page.keyboard.press('Control+8');
  await expect(backups.getByRole('row').filter({ hasText: 'The workspace as it is' }).getByRole('cell').nth(1)).toHaveText('2');
  await screenBothModes(page, 'trust-backups');
  expect(await axeViolations(page)).toEqual([]);

  await byHand.getByRole('button', { name: /^Restore the backup from/ }).click();
  const restore = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(restore).toContainText('which holds 1 engagement');
  await expect(restore).toContainText('It holds now 2 engagements');
  expect(await focused(page)).toBe('button: Cancel'); // the safe choice is where Enter lands
  await screenBothModes(page, 'trust-restore');
  expect(await axeViolations(page)).toEqual([]);
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup from' })).toContainText('kept beside it');
  const aside = readdirSync(host.workspaces).find((n) => n.startsWith('secret review.fieldnotes.before-restore-'));
  expect(aside, 'the replaced file is kept beside it').toBeDefined();
  // The restored workspace opens afresh, at its engagements: the later one is only in the file kept aside.
  await expect(page.getByRole('main')).toContainText('Moorfields visit');
  await expect(page.getByRole('main')).not.toContainText('Roundtable on AI');
  await screenBothModes(page, 'trust-restored');

  // Save a copy, from the palette: encrypted like the workspace.
  const copy = join(host.workspaces, 'copy for the secretariat.fieldnotes');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('save a copy');
  await page.keyboard.press('Enter');
  const saveAs = page.getByRole('dialog', { name: 'Save a copy of the workspace' });
  await saveAs.getByLabel('Save as').fill(copy);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Copy saved' })).toContainText('encrypted with the same passphrase');
  await page.keyboard.press('Enter');
  expect(existsSync(copy)).toBe(true);
  expect(readFileSync(copy).toString('latin1')).not.toContain('Moorfields');

  // Lock, then a wrong passphrase: a sentence, and not a byte of the file changes.
  await page.keyboard.press('Control+Shift+L');
  const unlock = page.getByRole('dialog', { name: 'Unlock “secret review.fieldnotes”' });
  await expect(unlock.getByLabel('Passphrase')).toBeFocused();
  await expect(unlock.getByLabel('Remember it on this computer')).toBeDisabled();
  await expect(unlock).toContainText('not available here');
  const locked = sha256(file);
  await page.keyboard.type('not the passphrase');
  await page.keyboard.press('Enter');
  await expect(unlock.getByRole('alert')).toHaveText(/That passphrase does not open .* the file has not been changed/);
  expect(sha256(file)).toBe(locked);
  await screenBothModes(page, 'trust-unlock');
  expect(await axeViolations(page)).toEqual([]);
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Secret review');
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('main')).toContainText('Moorfields visit');

  // Idle lock: the page's clock is run forward (Playwright's clock; the app keeps its own timers), so minutes of
  // stillness take no time. Not a moment early, then locked, and only the passphrase reopens it.
  await page.clock.install();
  await page.keyboard.press('Control+8');
  const lockAfter = page.getByLabel('Lock when idle for');
  await lockAfter.selectOption('5');
  await expect(lockAfter).toHaveValue('5');
  await page.clock.fastForward('04:50');
  await expect(unlock).toBeHidden();
  await page.clock.fastForward('00:15');
  await expect(unlock.getByLabel('Passphrase')).toBeFocused();
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Secret review');
});

test('a damaged workspace: the newest good backup is offered, and restoring it opens it with the damaged file kept aside', async ({ page, host }) => {
  test.setTimeout(120_000); // a loaded two-core machine
  const app = new FieldnotesApp(page);
  const file = join(host.workspaces, 'damaged review.fieldnotes');
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace', 'AL');
  await app.createWorkspace('Damaged review', file);
  await app.addEngagement('Moorfields visit', 'Site visit', '2018-06-19');
  await page.keyboard.press('Control+8');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('table', { name: 'Backups, newest first' }).getByRole('row').filter({ hasText: 'Backed up by hand' })).toHaveCount(1);
  await page.keyboard.press('Control+1');
  await app.addEngagement('Roundtable on AI', 'Roundtable', '2018-07-02');

  // Another workspace takes its place, so the file is closed; then one byte of an index key changes on disk
  // (every page still well-formed: quick_check passes it, integrity_check does not).
  await page.keyboard.press('Control+Shift+N');
  const create = page.getByRole('dialog', { name: 'Create workspace' });
  await create.getByLabel('Workspace name').fill('Another review');
  await create.getByLabel('Save as').fill(join(host.workspaces, 'another.fieldnotes'));
  await create.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Another review');
  damageIndexOnly(file, 'engagements_by_date', '2018-06-19');
  const damaged = sha256(file);

  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Open workspace' });
  await open.getByLabel('Workspace file').fill(file);
  await open.getByRole('button', { name: 'Open' }).click();
  const recovery = page.getByRole('dialog', { name: '“damaged review.fieldnotes” is damaged' });
  await expect(recovery).toContainText('has not changed it');
  await expect(recovery).toContainText(/Its newest good backup is from .* and holds 1 engagement/);
  expect(sha256(file)).toBe(damaged);
  await screenBothModes(page, 'trust-damaged');
  expect(await axeViolations(page)).toEqual([]);
  await recovery.getByRole('button', { name: 'Restore the backup' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Damaged review');
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('main')).toContainText('Moorfields visit');
  await expect(page.getByRole('main')).not.toContainText('Roundtable on AI');
  // On disk: the damaged file kept beside it, byte for byte as it was.
  // (Its -wal and -shm, left by the read-only look that found the index page, go with it.)
  const aside = readdirSync(host.workspaces).filter((n) => /^damaged review\.fieldnotes\.before-restore-[^-]+(-[^-]+)*Z$/.test(n));
  expect(aside).toHaveLength(1);
  expect(sha256(join(host.workspaces, aside[0]!))).toBe(damaged);
});
