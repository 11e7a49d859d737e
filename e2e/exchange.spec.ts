// Whole projects in and out as REFI-QDA .qdpx (issue 9): import into a new workspace, export with consent options,
// import into the open workspace after a preview, and the report. The samples are real ATLAS.ti and NVivo exports.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';

const SCREENS = join(__dirname, '../.tmp/screens');
const REFI = join(__dirname, '../../shared/refi');
const ATLAS = join(REFI, 'samples', 'atlasti8-macos.qdpx');
mkdirSync(SCREENS, { recursive: true });

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

async function screenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(label);
  await expect(page.getByRole('option', { name: new RegExp(label) })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
}

test('a project in from ATLAS.ti into a new workspace, out again as .qdpx, and back into the open one after a preview', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');

  // From the start screen: into a new workspace. A hostile file first: a clear refusal, and the form stays.
  await page.getByRole('button', { name: 'Import a project (.qdpx)…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import project (.qdpx)' });
  await expect(importing.getByLabel('Project file (.qdpx)')).toBeFocused();
  await importing.getByLabel('Project file (.qdpx)').setInputFiles({ name: 'notes.qdpx', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await expect(importing.getByLabel('Workspace name')).toHaveValue('notes');
  await importing.getByLabel('Workspace name').fill('From ATLAS.ti');
  await importing.getByLabel('Save as').fill(join(host.workspaces, 'from-atlas.fieldnotes'));
  await importing.getByRole('button', { name: 'Create workspace and import' }).click();
  await expect(importing.getByRole('alert')).toContainText('not a zip archive');

  await importing.getByLabel('Project file (.qdpx)').setInputFiles(ATLAS);
  await importing.getByRole('button', { name: 'Create workspace and import' }).click();
  await expect(importing.getByRole('status').filter({ hasText: 'The project is in “From ATLAS.ti”.' })).toBeVisible();
  const summary = importing.getByRole('region', { name: /^Imported “/ });
  await expect(summary.getByRole('definition').first()).toHaveText('14 new themes');
  await expect(summary).toContainText('2 videos');
  await expect(importing.getByRole('button', { name: 'Done' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, 'exchange-report');
  await page.keyboard.press('Enter');
  await expect(importing).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('From ATLAS.ti');

  // Out again, from the palette: consent options first, then the one file-out path (typed on this host).
  await runCommand(page, 'Export project');
  const exporting = page.getByRole('dialog', { name: 'Export project (.qdpx)' });
  await expect(exporting.getByLabel('Leave out passages of participants who are not for quotation')).toBeChecked();
  await expect(exporting.getByLabel('Include participants’ real names')).not.toBeChecked();
  await expect(exporting.getByRole('button', { name: 'Export…' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, 'exchange-export');
  await exporting.getByRole('button', { name: 'Export…' }).click();
  const saving = page.getByRole('dialog', { name: 'Save the project as' });
  await expect(saving.getByLabel('Save as')).toHaveValue(/[\\/]From ATLAS\.ti project\.qdpx$/);
  const qdpx = join(host.workspaces, 'out.qdpx');
  await saving.getByLabel('Save as').fill(qdpx);
  await page.keyboard.press('Enter');
  await expect(exporting.getByRole('status')).toContainText('Saved “out.qdpx”');
  await expect(exporting).toContainText('14 themes');
  await expect(exporting.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  const unpacked = mkdtempSync(join(host.data, 'qdpx-'));
  writeFileSync(join(unpacked, 'project.qde'), unzipSync(readFileSync(qdpx))['project.qde']!);
  execFileSync('xmllint', ['--noout', '--schema', join(REFI, 'Project.xsd'), join(unpacked, 'project.qde')], { stdio: 'pipe' }); // throws unless valid

  // Back into the open workspace: a preview says what it adds and what meets what is here; nothing changes until Import.
  await runCommand(page, 'Import project');
  await expect(importing.getByRole('radio', { name: /This workspace, “From ATLAS.ti”/ })).toBeChecked();
  await importing.getByLabel('Project file (.qdpx)').setInputFiles(qdpx);
  await importing.getByRole('button', { name: 'Preview import' }).click();
  const preview = importing.getByRole('region', { name: /will add$/ });
  await expect(preview.getByRole('definition').first()).toHaveText('0 new themes, 14 already here');
  await expect(preview).toContainText('merged with it, not duplicated');
  await expect(importing.getByRole('button', { name: 'Import' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, 'exchange-preview');
  await importing.getByRole('button', { name: 'Import' }).click();
  await expect(importing.getByRole('region', { name: /^Imported “/ })).toBeVisible();
  await importing.getByRole('button', { name: 'Done' }).click();
  await expect(importing).toBeHidden();
});
