import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage, selectText, tagWith } from './support/notes';

const SCREENS = join(__dirname, '../.tmp/screens');

/** Each passage's text as the note shows it: the marks carrying its id, joined in order. */
async function passageTexts(page: Page): Promise<string[]> {
  const texts = (await page.evaluate(`(() => {
    const byId = new Map();
    for (const mark of document.querySelectorAll('[contenteditable="true"] mark[data-passages]')) {
      for (const id of mark.dataset.passages.split(' ')) {
        const outer = mark.parentElement.closest('mark[data-passages~="' + id + '"]');
        if (!outer) byId.set(id, (byId.get(id) ?? '') + mark.textContent);
      }
    }
    return [...byId.values()];
  })()`)) as string[];
  return texts.sort();
}

test('tag with the keyboard alone, overlap two passages, edit around them, reload: each keeps its text', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Tagging', join(host.workspaces, 'tagging.fieldnotes'));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();
  const editor = notes.editor();
  await editor.click();
  await page.keyboard.type('P014: Radiographers need structured training');
  // Keyboard only, as a note-taker would right after typing: select back, Ctrl+M, type, Enter.
  for (let i = 0; i < 'structured training'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await tagWith(page, 'Education and training');
  await page.keyboard.type(' before AI triage is introduced.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Digital literacy and genomics literacy both matter.');
  await notes.saved();
  await expect.poll(() => passageTexts(page)).toEqual(['structured training']);

  // Two overlapping passages in the second paragraph.
  await selectText(page, 'Digital literacy');
  await tagWith(page, 'Digital literacy');
  await selectText(page, 'literacy and genomics literacy');
  await tagWith(page, 'Genomics');
  await expect.poll(() => passageTexts(page)).toEqual(['Digital literacy', 'literacy and genomics literacy', 'structured training']);

  // The passage at the caret: its themes are named, a memo and key quote can be set.
  await selectText(page, 'structured training');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  const bar = page.getByRole('region', { name: 'Passage at the cursor' });
  await expect(bar.getByRole('list', { name: 'Themes' })).toContainText('Education and training');
  await bar.getByLabel('Key quote').click();
  // P014 is nobody's code in this workspace (an unknown speaker, 360dfbf): a key quote of it asks first.
  await bar.getByRole('alert').getByRole('button', { name: 'Mark as key quote anyway' }).click(); // saved, then shown checked
  await expect(bar.getByLabel('Key quote')).toBeChecked();
  await bar.getByLabel('Memo').fill('Said by two radiographers independently.');
  await bar.getByLabel('Memo').blur();
  // Hovering the passage tells its themes, memo and who tagged it.
  await expect(editor.locator('mark[data-passages]').first()).toHaveAttribute(
    'title',
    /Themes: Education and training\nMemo: Said by two radiographers independently\.\nTagged by you/,
  );
  await page.screenshot({ path: join(SCREENS, 'tagging-light.png') });
  expect(await axeViolations(page)).toEqual([]);

  // Edit around and inside the passages.
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Morning session. ');
  await selectText(page, 'genomics');
  await page.keyboard.type('GENOMIC');
  await notes.saved();

  await page.reload();
  await notes.openEngagement('Moorfields Eye Hospital');
  await expect.poll(() => passageTexts(page)).toEqual(['Digital literacy', 'literacy and GENOMIC literacy', 'structured training']);

  // Delete a tagged passage's text: it is reported detached; undo brings it back.
  await selectText(page, 'Radiographers need structured training before');
  await page.keyboard.press('Delete');
  await notes.saved();
  await expect(page.getByRole('region', { name: 'Detached passages' })).toContainText('structured training');
  await page.keyboard.press('Control+z');
  await notes.saved();
  await expect(page.getByRole('region', { name: 'Detached passages' })).toBeHidden();
  await expect(editor.locator('mark').first()).toHaveText('structured training');
});

test('paste of tagged text does not duplicate the passage', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Paste', join(host.workspaces, 'paste.fieldnotes'));
  await app.addEngagement('Leeds workshop', 'Workshop', '2018-09-03');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('Leadership and culture must change first.');
  await selectText(page, 'Leadership and culture');
  await tagWith(page, 'Leadership');
  await notes.saved(); // the tag saves in the background; copy once it is a passage
  await expect(notes.editor().locator('mark')).toHaveCount(1);
  await selectText(page, 'Leadership and culture');
  await page.keyboard.press('Control+c');
  // A person's keys are tens of milliseconds apart; Lexical reads selection changes asynchronously.
  await page.keyboard.press('End');
  await page.waitForTimeout(50);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+v');
  await notes.saved();
  await expect(notes.editor()).toContainText(/change first\.\s*Leadership and culture/);
  await expect(notes.editor().locator('mark')).toHaveCount(1);
  // Words cut from inside the passage carry it (shared/note/copy.ts): once the rest of it is deleted, pasting them
  // brings the passage back on them rather than leaving it detached.
  await selectText(page, 'and culture');
  await page.keyboard.press('Control+x');
  await selectText(page, 'Leadership ');
  await page.keyboard.press('Backspace');
  await notes.saved();
  await expect(page.getByRole('region', { name: 'Detached passages' })).toContainText('Leadership');
  await page.keyboard.press('End');
  await page.waitForTimeout(50);
  await page.keyboard.press('Control+v');
  await notes.saved();
  await expect(notes.editor().locator('mark')).toHaveText(['and culture']);
  await expect(page.getByRole('region', { name: 'Detached passages' })).toBeHidden();
});
