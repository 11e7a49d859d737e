// A new user's first hour (issue 11): where focus lands, the dialogs' fit and words, the palette's
// everyday commands, and a second workspace showing only its own rows.
import { join } from 'node:path';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage } from './support/notes';
import { focused, screenBothModes } from './support/screens';

test('first run to first note: focus, dialogs, palette, settings, a second workspace', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');

  // After first run, focus is on the first thing to do; Enter opens it and Ctrl+Enter submits.
  expect(await focused(page)).toBe('button: Create workspace… Ctrl+Shift+N');
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'Create workspace' });
  await create.getByLabel('Workspace name').fill('Topol review');
  await create.getByLabel('Save as').fill(join(host.workspaces, 'first.fieldnotes'));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible();
  await expect.poll(() => focused(page)).toBe('button: New engagement Ctrl+Shift+E');

  // The longest dialog fits 1280×800 with its buttons in view; a refusal is a sentence, not the validator's words.
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'New engagement' });
  await form.getByLabel('Title').fill('x'.repeat(301));
  await form.getByLabel('Type').selectOption({ label: 'Add a new type…' });
  await form.getByLabel('Context').fill('Trainees asked how AI will change reporting.');
  const box = (await form.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  await expect(form.getByRole('button', { name: 'Add engagement' })).toBeInViewport();
  await form.getByLabel('New type').fill('Webinar');
  await form.getByLabel('Context').press('Control+Enter');
  await expect(form.getByRole('alert')).toHaveText('The title is too long: keep it to 300 characters.');
  await screenBothModes(page, 'dialog-new-engagement');
  await form.getByLabel('Title').fill('Moorfields Eye Hospital');
  await form.getByLabel('Title').press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Moorfields Eye Hospital', level: 1 })).toBeVisible();

  // Ctrl+Alt+N opens a new note with the caret in it: typing goes straight into the note.
  await page.keyboard.press('Control+Alt+n');
  await expect(notes.editor()).toBeFocused();
  await page.keyboard.type('Staff said the reading centre triages OCT scans.');
  await notes.saved();

  // The palette: undo in the note; an empty result on one line; help; appearance; settings.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Type a command' });
  await palette.fill('undo');
  await page.keyboard.press('Enter');
  await expect(notes.editor()).toBeFocused();
  await expect(notes.editor()).not.toContainText('OCT scans.');
  await page.keyboard.press('Control+k');
  await palette.fill('no such command at all');
  const empty = page.getByRole('status').filter({ hasText: 'No command matches' });
  await expect(empty).toBeVisible();
  expect((await empty.boundingBox())!.width, 'the empty result spans the palette, not a narrow column').toBeGreaterThan(500);
  await screenBothModes(page, 'palette-empty');
  await palette.fill('keyboard shortcuts');
  await page.keyboard.press('Enter');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row', { name: /New note/ })).toContainText('Ctrl+Alt+N');
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'dialog-shortcuts');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect.poll(() => focused(page)).not.toBe('body');

  await page.keyboard.press('Control+k');
  await palette.fill('dark');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(21, 25, 30)');
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Follow the system').check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await settings.getByLabel('Your name').fill('Ada King');
  await settings.getByLabel('Initials').fill('AK');
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'dialog-settings');
  await page.keyboard.press('Control+Enter');
  await expect(settings).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Ada King');
  // Closing a dialog whose opener is gone (the palette, a shortcut) leaves focus on the next thing to use.
  await expect.poll(() => focused(page)).toMatch(/^div: Untitled|^div: .*Moorfields Eye Hospital/);

  // A second workspace shows its own (no) engagements, not the first one's rows; the first keeps its own.
  await app.backToEngagements();
  await expect(app.engagementRow('Moorfields Eye Hospital')).toBeVisible();
  await page.keyboard.press('Control+Shift+N');
  await create.getByLabel('Workspace name').fill('Second panel');
  await create.getByLabel('Save as').fill(join(host.workspaces, 'second.fieldnotes'));
  // Checked in the very frame the new workspace appears: a list kept "while the next loads" shows old rows then.
  const rowsOnArrival = page.waitForFunction(
    () => {
      // A function, not a string (the page's CSP forbids eval); the e2e folder has no DOM types.
      type Text = { textContent: string | null };
      const doc = (globalThis as unknown as { document: { querySelector(s: string): Text | null; querySelectorAll(s: string): ArrayLike<Text> } }).document;
      if (!doc.querySelector('.sidebar-workspace')?.textContent?.includes('Second panel')) return false;
      return Array.from(doc.querySelectorAll('.list-table tbody tr'), (row) => row.textContent);
    },
    undefined,
    { polling: 'raf' },
  );
  await page.keyboard.press('Control+Enter');
  expect(await (await rowsOnArrival).jsonValue()).toEqual([]);
  await expect(page.getByText('No engagements yet.')).toBeVisible();
  await expect(app.engagementRow('Moorfields Eye Hospital')).toHaveCount(0);
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Open workspace' });
  await open.getByLabel('Workspace file').fill(join(host.workspaces, 'first.fieldnotes'));
  await page.keyboard.press('Control+Enter');
  await expect(app.engagementRow('Moorfields Eye Hospital')).toBeVisible();
});
