import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';

const ROOT = resolve(__dirname, '..');
const SCREENS = join(ROOT, '.tmp/screens');
mkdirSync(SCREENS, { recursive: true });

async function lookAt(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `${name}, ${scheme}`).toEqual([]);
    await page.screenshot({ path: join(SCREENS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// A PDF waits this long before printing on the host, so the spec can cancel it mid-way (e2e/host/server.ts).
test.beforeAll(() => {
  process.env.FIELDNOTES_TEST_PRINT_DELAY_MS = '60000';
});
test.afterAll(() => {
  delete process.env.FIELDNOTES_TEST_PRINT_DELAY_MS;
});

test('the Report screen: the pre-export check with its fixes, a Word export saved, a PDF export cancelled leaving no file', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The export tests' review: F1–F3, a doctor not for quotation whose real name is written in a nurse's quote.
  const made = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'e2e/support/reportWorkspace.ts'), host.workspaces], { cwd: ROOT, encoding: 'utf8' }),
  ) as { path: string; codes: { silent: string } };
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace', 'AL');
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Open workspace' });
  await open.getByLabel('Workspace file').fill(made.path);
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Report');

  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { name: 'Report', level: 1 })).toBeVisible();
  const check = page.getByRole('region', { name: 'Before you export' });
  await expect(check.getByRole('status')).toContainText('3 findings');
  const silent = made.codes.silent;
  const leftOut = check.getByRole('listitem').filter({ hasText: `A quote by ${silent}` }).first();
  await expect(leftOut).toContainText('not for quotation');
  await expect(check.getByRole('listitem').filter({ hasText: `→ [${silent}]` }).first()).toContainText(`The recorded real name of ${silent}`);

  // Fix it there: the participant's record opens over the screen; Escape gives focus back to the fix.
  const fix = leftOut.getByRole('button', { name: `Edit ${silent}’s consent and name…` });
  await fix.click();
  const dialog = page.getByRole('dialog', { name: `Edit participant ${silent}` });
  await expect(dialog.getByLabel('Real name (private)')).toHaveValue('Zoë Ångström');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(fix).toBeFocused();

  // Leave a finding out, see it in the check, put it back from there.
  await page.getByRole('checkbox', { name: /F2 Radiographers need structured training/ }).uncheck();
  const byChoice = check.getByRole('listitem').filter({ hasText: 'Left out by choice' });
  await expect(byChoice).toContainText('F2');
  await expect(check.getByRole('status')).toContainText('2 findings');
  await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
  await lookAt(page, 'report-check');
  await byChoice.getByRole('button', { name: 'Put F2 back' }).click();
  await expect(page.getByRole('checkbox', { name: /F2 Radiographers need structured training/ })).toBeChecked();
  await expect(check.getByRole('status')).toContainText('3 findings');

  // Export the Word document through the one save path: the typed-path form on this host.
  const docx = join(host.workspaces, 'Topol report.docx');
  await page.getByRole('button', { name: 'Export the Word document…' }).click();
  const save = page.getByRole('dialog', { name: 'Export the report' });
  await expect(save.getByLabel('Save as')).toHaveValue(/Analysis findings report\.docx$/);
  await save.getByLabel('Save as').fill(docx);
  await save.getByRole('button', { name: 'Save' }).click();
  const outcome = page.locator('.report-outcome');
  await expect(outcome).toContainText('Saved Topol report.docx');
  await expect(outcome).toBeFocused();
  expect(statSync(docx).size).toBeGreaterThan(5000);
  await lookAt(page, 'report-done');

  // A PDF export cancelled while Chromium prints: the outcome says so, and nothing is left in the folder.
  await page.getByRole('radio', { name: /^PDF/ }).check();
  const pdf = join(host.workspaces, 'Cancelled.pdf');
  const before = readdirSync(host.workspaces).sort();
  await page.getByRole('button', { name: 'Export the PDF…' }).click();
  await save.getByLabel('Save as').fill(pdf);
  await save.getByRole('button', { name: 'Save' }).click();
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await expect(cancel).toBeFocused();
  await expect(page.locator('.report-progress')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(outcome).toContainText('Export cancelled. No file was written.');
  expect(existsSync(pdf)).toBe(false);
  expect(readdirSync(host.workspaces).sort()).toEqual(before);
});
