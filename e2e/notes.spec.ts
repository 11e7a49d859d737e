import { join } from 'node:path';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage } from './support/notes';

const SCREENS = join(__dirname, '../.tmp/screens');

async function engagementWithNote(app: FieldnotesApp, notes: NotesPage, workspaces: string) {
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(workspaces, 'notes.fieldnotes'));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await expect(app.page.getByRole('heading', { name: 'Moorfields Eye Hospital', level: 1 })).toBeVisible();
  await notes.startNote();
}

test('type a note with headings, lists, a speaker turn and a timestamp; reload; it is all there', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await engagementWithNote(app, notes, host.workspaces);

  const editor = notes.editor();
  await editor.click();
  await page.keyboard.press('Control+Alt+1');
  await page.keyboard.type('Visit to the reading centre');
  await page.keyboard.press('Enter');
  await page.keyboard.type('P014: We would need structured training before AI triage is introduced.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+;');
  await page.keyboard.type('Demonstration of OCT scan triage.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+8');
  await page.keyboard.type('Consultant ophthalmologists');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Optometrists');
  await notes.saved();

  await expect(editor.locator('h1')).toHaveText('Visit to the reading centre');
  await expect(editor.locator('.speaker-label')).toHaveText('P014:');
  await expect(editor).toContainText(/\[\d\d:\d\d\] Demonstration of OCT scan triage\./);
  await expect(page.locator('.word-count')).toHaveText('26 words');
  await expect(page.getByRole('button', { name: /^Moorfields Eye Hospital, 19 June 2018/ })).toContainText('26 words');
  await page.screenshot({ path: join(SCREENS, 'editor-light.png') });
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await notes.openEngagement('Moorfields Eye Hospital');
  await expect(editor.locator('h1')).toHaveText('Visit to the reading centre');
  await expect(editor.locator('.speaker-label')).toHaveText('P014:');
  await expect(editor.locator('li')).toHaveText(['Consultant ophthalmologists', 'Optometrists']);
});

test('a speaker is chosen with a shortcut; undo takes it back, then the typing', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await engagementWithNote(app, notes, host.workspaces);

  await notes.editor().click();
  // Typed characters are inserted by Lexical, Chromium's own insertion cancelled (issue 11): it fires no `input`.
  await page.evaluate(`(() => {
    window.nativeInserts = 0;
    const note = document.querySelector('[contenteditable="true"]');
    note.addEventListener('input', (event) => event.inputType === 'insertText' && window.nativeInserts++);
  })()`);
  await page.keyboard.type('The images are read within a minute.');
  expect(await page.evaluate('window.nativeInserts')).toBe(0);
  await page.keyboard.press('Control+Shift+S');
  const dialog = page.getByRole('dialog', { name: 'Speaker' });
  await dialog.getByLabel('Participant').fill('p007');
  await page.keyboard.press('Enter');
  await expect(notes.editor().locator('.speaker-label')).toHaveText('P007:');
  await expect(notes.editor()).toContainText('P007: The images are read within a minute.');
  await page.keyboard.press('Control+z');
  await expect(notes.editor().locator('.speaker-label')).toHaveCount(0);
  await expect(notes.editor()).toHaveText('The images are read within a minute.');
  await page.keyboard.press('Control+z');
  await expect(notes.editor()).toHaveText('');
});

test('continuous typing is saved while it goes on, not only when it stops', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await engagementWithNote(app, notes, host.workspaces);
  const saves: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc') && request.postData()?.includes('"notes.save"')) saves.push(Date.now());
  });
  await notes.editor().click();
  const started = Date.now();
  // 3 s of typing with no pause longer than 40 ms.
  await page.keyboard.type('a steady stream of words '.repeat(4), { delay: 30 });
  const typedFor = Date.now() - started;
  const during = saves.filter((t) => t < started + typedFor);
  expect(typedFor).toBeGreaterThan(2000);
  expect(during.length).toBeGreaterThanOrEqual(Math.floor(typedFor / 500) - 1);
  await notes.saved();

  // Typing after scrolling away brings the caret back into view (Lexical, not the browser, types it: issue 11).
  for (let i = 0; i < 40; i++) await page.keyboard.press('Enter');
  await page.keyboard.type('the last line');
  const caretInView = () =>
    page.evaluate(`(() => {
      const caret = getSelection().getRangeAt(0).getBoundingClientRect();
      const view = document.querySelector('.note-scroll').getBoundingClientRect();
      return caret.height > 0 && caret.top >= view.top && caret.bottom <= view.bottom;
    })()`);
  await page.locator('.note-scroll').evaluate((scroller) => scroller.scrollTo(0, 0));
  expect(await caretInView()).toBe(false);
  await page.keyboard.type('!');
  await expect.poll(caretInView).toBe(true);
  await expect(notes.editor()).toContainText('the last line!');
});
