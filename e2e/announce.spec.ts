import { join } from 'node:path';
import { FieldnotesApp } from './support/app';
import { expect, test } from './support/fixtures';
import { NotesPage, selectText, tagWith } from './support/notes';

test('tagging and an emptied engagement list are announced; toolbar names start with what the buttons show', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Announcements', join(host.workspaces, 'announce.fieldnotes'));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('Radiographers need structured training.');
  await notes.saved();

  // WCAG 2.5.3: a button showing a word is named starting with that word.
  const buttons = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button');
  for (const button of await buttons.all()) {
    const shown = (await button.innerText()).split('\n')[0]!.trim();
    if (!/[\p{L}\p{N}]/u.test(shown)) continue; // symbols (¶, •, ↶) are icons, not words; letters, words and numbers (B, H1, 1.) are labels
    const name = (await button.getAttribute('aria-label')) ?? shown;
    expect(name.toLowerCase().startsWith(shown.replace(/…$/, '').toLowerCase()), `“${shown}” is named “${name}”`).toBe(true);
  }
  await expect(page.getByRole('button', { name: /^H1, Heading 1/ })).toBeVisible();

  await selectText(page, 'structured training');
  await tagWith(page, 'Education and training');
  await expect(page.getByRole('status').filter({ hasText: 'Tagged with Education and training' })).toBeAttached();

  await app.backToEngagements();
  const status = page.getByRole('status').filter({ has: page.locator('.empty') }).or(page.locator('.list-status'));
  await expect(page.locator('.list-status')).toHaveAttribute('role', 'status');
  await page.getByRole('searchbox', { name: 'Search' }).fill('no such visit');
  await expect(status.first()).toHaveText('No engagement matches these filters.');
});
