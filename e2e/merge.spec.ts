import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { axeViolations, expect, test } from './support/fixtures';
import { FieldnotesApp } from './support/app';
import { screenBothModes } from './support/screens';

const ROOT = resolve(__dirname, '..');

test('two workspaces from one, edited apart, merged after the preview: both note versions kept, the colliding code renumbered, a deletion decided, a lost value put back', async ({ page, host }) => {
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
  const kept = dialog.getByRole('region', { name: 'Kept although deleted' });
  await expect(kept).toContainText('Engagements: “Leeds workshop, checked” (deleted in the pack)');
  await expect(kept.getByRole('radio', { name: 'Keep' })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-merge-preview-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-merge-preview-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await expect(dialog.getByRole('button', { name: 'Merge', exact: true })).toBeFocused();
  // Ada renamed the workshop, Grace deleted it: Ada chooses to delete it anyway.
  await kept.getByRole('radio', { name: 'Delete anyway' }).check();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Merged into');
  await expect(kept).toContainText('deleted anyway');
  await expect(dialog.getByRole('status')).toContainText('A backup from just before is in Backups');
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-merge-done-light.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();

  // On screen afterwards: both people with their own codes, and both versions of the note.
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Participants/ }).click();
  await expect(page.getByRole('main')).toContainText('P002');
  await expect(page.getByRole('main')).toContainText('P001');
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Engagements/ }).click();
  await expect(page.getByRole('main').getByText('Moorfields visit').first()).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Leeds workshop');
  await page.getByRole('main').getByText('Moorfields visit').first().click();
  await expect(page.getByRole('main')).toContainText('(conflict copy: Ada Lovelace’s version)');

  // Both set the organisation; Grace's later value won, and Ada's is in the engagement's history, to put back.
  await expect(page.locator('.engagement-meta')).toContainText('Moorfields NHS Foundation Trust');
  await page.getByRole('group', { name: 'Engagement' }).getByRole('button', { name: 'Details' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('organisation: “Moorfields Eye Hospital” (Ada Lovelace) — lost to “Moorfields NHS Foundation Trust”');
  // One scan, in dark mode (where contrast is the closer call; the preview above is scanned in both).
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'team-record-history');
  await history.getByRole('button', { name: /^Put back\s*: organisation “Moorfields Eye Hospital”/ }).click();
  await expect(page.locator('.engagement-meta')).toContainText('Moorfields Eye Hospital');
  await expect(page.getByRole('complementary').getByLabel('Organisation')).toHaveValue('Moorfields Eye Hospital');
  // What the restore replaced is kept in turn.
  await expect(history.getByRole('button', { name: /^Put back\s*: organisation “Moorfields NHS Foundation Trust”/ })).toBeVisible();
});
