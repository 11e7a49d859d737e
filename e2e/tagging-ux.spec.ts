import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { activeOptionContrast, focusRingContrast } from './support/contrast';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage, selectText, tagWith } from './support/notes';

const SCREENS = join(__dirname, '../.tmp/screens');

async function noteWithText(page: Page, host: { url: string; workspaces: string }, text: string) {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Tagging', join(host.workspaces, 'tagging-ux.fieldnotes'));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type(text);
  await notes.saved();
  return notes;
}

const selectionBox = (page: Page): Promise<{ top: number; bottom: number; left: number; right: number }> =>
  page.evaluate(`(() => {
    const r = window.getSelection().getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  })()`);

test('the tag picker opens beside the selection, never over it; "partners" ranks the whole word first', async ({ page, host }) => {
  await noteWithText(
    page,
    host,
    'Patients want to be treated as partners in their care. Industry partnerships fund the pilots. Staff said partners matter most.',
  );
  await selectText(page, 'treated as partners');
  const selected = await selectionBox(page);
  await page.keyboard.press('Control+m');
  const picker = page.getByRole('dialog', { name: 'Tag passage' });
  await expect(picker.getByRole('combobox', { name: 'Theme' })).toBeFocused();
  const box = (await picker.boundingBox())!;
  const overlaps = box.y < selected.bottom && box.y + box.height > selected.top && box.x < selected.right && box.x + box.width > selected.left;
  expect(overlaps, 'the picker must not cover the selected words').toBe(false);
  expect(Math.min(Math.abs(box.y - selected.bottom), Math.abs(box.y + box.height - selected.top)), 'the picker sits by the selection').toBeLessThan(40);
  await page.keyboard.type('Patients as partners');
  await page.screenshot({ path: join(SCREENS, 'tag-picker-by-selection-light.png') });
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await notesSaved(page);

  await selectText(page, 'Industry partnerships');
  await tagWith(page, 'Partnership with industry and academia');

  await selectText(page, 'partners matter most');
  await page.keyboard.press('Control+m');
  await page.keyboard.type('partners');
  const options = picker.getByRole('option');
  await expect(options.first()).toContainText('Patients as partners');
  await expect(options.nth(1)).toContainText('Partnership with industry and academia');
  // The active option is outlined, not only tinted.
  expect(await activeOptionContrast(options.first()), 'active option against the list, light').toBeGreaterThanOrEqual(3);
  expect((await focusRingContrast(page)).ratio, 'picker input focus ring, light').toBeGreaterThanOrEqual(3);
  expect(await axeViolations(page), 'the picker by its selection, light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await activeOptionContrast(options.first()), 'active option against the list, dark').toBeGreaterThanOrEqual(3);
  expect((await focusRingContrast(page)).ratio, 'picker input focus ring, dark').toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: join(SCREENS, 'tag-picker-by-selection-dark.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
});

async function notesSaved(page: Page) {
  await expect(page.locator('.save-indicator')).toHaveText('Saved', { timeout: 20_000 });
}

test('Escape in the memo gives the keyboard back to the note', async ({ page, host }) => {
  const notes = await noteWithText(page, host, 'Radiographers need structured training before AI triage.');
  await selectText(page, 'structured training');
  await tagWith(page, 'Education and training');
  await selectText(page, 'structured training');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  const memo = page.getByRole('region', { name: 'Passage at the cursor' }).getByLabel('Memo');
  await memo.click();
  await page.keyboard.type('Heard twice.');
  await page.keyboard.press('Escape');
  await expect(notes.editor()).toBeFocused();
  await page.keyboard.type(' X');
  await expect(notes.editor()).toContainText('X');
  await notesSaved(page);
  await expect(memo).toHaveValue('Heard twice.');
});
