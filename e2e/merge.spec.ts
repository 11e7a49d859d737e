import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { axeViolations, expect, test } from './support/fixtures';
import { FieldnotesApp } from './support/app';

const ROOT = resolve(__dirname, '..');

test('two workspaces from one, edited apart, merged after the preview: both note versions kept, the colliding code renumbered', async ({ page, host }) => {
  const { here, pack } = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/support/mergeWorkspaces.ts'), host.workspaces], { cwd: ROOT, encoding: 'utf8' }),
  ) as { here: string; pack: string };
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace', 'AL');
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Open workspace' });
  await open.getByLabel('Workspace file').fill(here);
  await open.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Team/ }).click();
  await expect(page.getByRole('heading', { name: 'Bringing the panel’s work together' })).toBeVisible();

  // The palette's command opens the same dialog as the button.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Merge in');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Merge in a colleague’s work' });
  await dialog.getByLabel('Merge pack (.fieldnotes)').setInputFiles(pack);
  await dialog.getByRole('button', { name: 'Preview merge' }).click();
  await expect(dialog.getByText('Nothing has changed yet')).toBeVisible();
  const table = dialog.getByRole('table', { name: /What merging would do/ });
  await expect(table.getByRole('row', { name: /^Participants/ })).toContainText('1');
  await expect(dialog.getByRole('region', { name: 'Renumbered' })).toContainText('P001 → P002');
  await expect(dialog.getByRole('region', { name: 'Notes edited on both laptops' })).toContainText('conflict copy');
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-merge-preview-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-merge-preview-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await expect(dialog.getByRole('button', { name: 'Merge', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Merged into');
  await expect(dialog.getByRole('status')).toContainText('A backup from just before is in Backups');
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-merge-done-light.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();

  // On screen afterwards: both people with their own codes, and both versions of the note.
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Participants/ }).click();
  await expect(page.getByRole('main')).toContainText('P002');
  await expect(page.getByRole('main')).toContainText('P001');
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Engagements/ }).click();
  await page.getByRole('main').getByText('Moorfields visit').first().click();
  await expect(page.getByRole('main')).toContainText('(conflict copy: Ada Lovelace’s version)');
});
