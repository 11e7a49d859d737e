import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { FieldnotesApp } from './app';
import type { RunningHost } from './host';

const ROOT = resolve(__dirname, '../..');

/** The unit tests' small review (e2e/support/reviewWorkspace.ts, with a variant's extra records), opened by a new reviewer. */
export async function openReview(page: Page, host: RunningHost, app: FieldnotesApp, variant: '' | 'long' | 'many' = ''): Promise<void> {
  const args = ['--import', 'tsx', join(ROOT, 'e2e/support/reviewWorkspace.ts'), host.workspaces, ...(variant ? [variant] : [])];
  const path = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }).trim();
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace', 'AL');
  await page.keyboard.press('Control+o');
  await page.getByRole('dialog', { name: 'Open workspace' }).getByLabel('Workspace file').fill(path);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible();
}
