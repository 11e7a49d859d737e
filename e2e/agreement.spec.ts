import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { axeViolations, expect, test } from './support/fixtures';
import { FieldnotesApp } from './support/app';

const ROOT = resolve(__dirname, '..');

test('two reviewers’ agreement: kappa per theme and pooled, where they differ, and a jump to the text', async ({ page, host }) => {
  const path = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/support/agreementWorkspace.ts'), host.workspaces], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace', 'AL');
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open workspace' });
  await dialog.getByLabel('Workspace file').fill(path);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Analysis');

  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Team/ }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await expect(page.getByLabel('First reviewer')).toHaveValue('reviewer-test-2'); // the most active first
  await expect(page.getByLabel('Second reviewer')).toHaveValue('reviewer-test-1');

  // Hand-computed in services/agreement.test.ts: training 342/507 = 0.67, image interpretation 0, pooled 38/66 = 0.58.
  await expect(page.getByRole('status').filter({ hasText: 'all themes pooled' })).toContainText('kappa 0.58 (moderate)');
  const table = page.getByRole('table', { name: 'Agreement by theme' });
  await expect(table.getByRole('row', { name: /Education and training/ })).toContainText('0.67');
  await expect(table.getByRole('row', { name: /Education and training/ })).toContainText('85%');
  await expect(table.getByRole('row', { name: /Automated image interpretation/ })).toContainText('0.00');
  await expect(page.getByRole('listitem').filter({ hasText: 'AI triage' })).toContainText('only Grace Hopper');

  // Counting untagged text too raises kappa: the option changes the figures.
  await page.getByLabel('Leave out text neither reviewer tagged').uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'all themes pooled' })).not.toContainText('kappa 0.58');

  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-agreement-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ROOT, '.tmp/screens/team-agreement-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('listitem').filter({ hasText: 'AI triage' }).getByRole('button', { name: /Open in note/ }).click();
  await expect(page.getByRole('region', { name: 'Note' }).getByRole('textbox').first()).toContainText('Radiographers need structured training');
});
