// A new user's first hour (issue 11): where focus lands, the dialogs' fit and words, the palette's
// everyday commands, and a second workspace showing only its own rows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { AnalysisScreen } from './support/analysis';
import { NotesPage, selectText, tagWith } from './support/notes';
import { openReview } from './support/review';
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
  // Said below the fields of a dialog taller than the window, and brought into view there, clear of the buttons.
  await expect(form.getByRole('alert')).toBeInViewport({ ratio: 1 });
  const said = (await form.getByRole('alert').boundingBox())!;
  expect(said.y + said.height).toBeLessThanOrEqual((await form.locator('.actions').boundingBox())!.y);
  // Its title stays in view as its body scrolls, like its buttons.
  await expect(form.getByRole('heading', { name: 'New engagement' })).toBeInViewport({ ratio: 1 });
  await screenBothModes(page, 'dialog-new-engagement');
  expect(await axeViolations(page), 'the longest dialog at 1280×800, light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page), 'the longest dialog at 1280×800, dark').toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await form.getByLabel('Title').fill('Moorfields Eye Hospital');
  await form.getByLabel('Title').press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Moorfields Eye Hospital', level: 1 })).toBeVisible();
  // The new engagement's page: focus on its first thing to do, not the whole main area the dialog fell back to.
  await expect(page.getByRole('button', { name: /^Start taking notes/ })).toBeFocused();

  // Ctrl+Alt+N opens a new note with the caret in it: typing goes straight into the note.
  await page.keyboard.press('Control+Alt+n');
  await expect(notes.editor()).toBeFocused();
  await page.keyboard.type('Staff said the reading centre triages OCT scans.');
  await notes.saved();

  // The palette: undo and redo in the note; an empty result on one line; help; appearance; settings.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Type a command' });
  await palette.fill('undo');
  await page.keyboard.press('Enter');
  await expect(notes.editor()).toBeFocused();
  await expect(notes.editor()).not.toContainText('OCT scans.');
  await page.keyboard.press('Control+k');
  await palette.fill('redo');
  await page.keyboard.press('Enter');
  await expect(notes.editor()).toBeFocused();
  await expect(notes.editor()).toContainText('OCT scans.');
  // The words people use find their commands: "quote" the Quotation block, in the note.
  await page.keyboard.press('Control+k');
  await palette.fill('quote');
  await expect(page.getByRole('option')).toHaveText([/^NoteQuotation/]);
  await page.keyboard.press('Enter');
  await expect(notes.editor().locator('blockquote')).toContainText('OCT scans.');
  await page.keyboard.press('Control+z');
  await expect(notes.editor().locator('blockquote')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await palette.fill('no such command at all');
  const empty = page.getByRole('status').filter({ hasText: 'No command matches' });
  await expect(empty).toBeVisible();
  expect((await empty.boundingBox())!.width, 'the empty result spans the palette, not a narrow column').toBeGreaterThan(500);
  await screenBothModes(page, 'palette-empty');
  expect(await axeViolations(page), 'the palette with no result').toEqual([]);
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
  await create.getByRole('radio', { name: /^The Topol template/ }).check(); // offered as the workspace is created
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
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('tree', { name: 'Codebook' })).toContainText('Principles');
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+o');
  const open = page.getByRole('dialog', { name: 'Open workspace' });
  await open.getByLabel('Workspace file').fill(join(host.workspaces, 'first.fieldnotes'));
  await page.keyboard.press('Control+Enter');
  await expect(app.engagementRow('Moorfields Eye Hospital')).toBeVisible();
});

test('an engagement opened from the list by the keyboard puts focus in its note, not on the page body', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await openReview(page, host, app);
  // Enter on a title: the list (and the button pressed) goes, the engagement's page comes.
  await page.getByRole('button', { name: 'Moorfields visit', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Moorfields visit', level: 1 })).toBeVisible();
  await expect(new NotesPage(page).editor()).toBeFocused();
  // One without notes: its "Start taking notes".
  await app.backToEngagements();
  await page.keyboard.press('Control+Shift+E');
  const form = page.getByRole('dialog', { name: 'New engagement' });
  await form.getByLabel('Title').fill('Leeds follow-up');
  await page.keyboard.press('Control+Enter');
  await app.backToEngagements();
  await page.getByRole('button', { name: 'Leeds follow-up', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Start taking notes/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(new NotesPage(page).editor()).toBeFocused();
});

test('rename and delete a note, delete an engagement: what goes with it is said first', async ({ page, host }) => {
  test.setTimeout(120_000); // five journeys in one workspace: ~25 s at a load of 5, ~60 s at 15
  const app = new FieldnotesApp(page);
  await openReview(page, host, app);
  await page.getByRole('button', { name: 'Moorfields visit', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Moorfields visit', level: 1 })).toBeVisible();

  // F2 renames the open note (its default name is the engagement's title and date).
  await expect(page.getByRole('group', { name: 'Note “Moorfields visit, 19 June 2018”' })).toBeVisible();
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename note' });
  await expect(rename.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Ward round with radiographers');
  await page.keyboard.press('Control+Enter');
  await expect(rename).toBeHidden();
  const noteList = page.getByRole('navigation', { name: 'Notes' });
  await expect(noteList).toContainText('Ward round with radiographers');

  // Deleting the engagement says first what goes, then does it only when asked.
  await page.getByRole('group', { name: 'Engagement' }).getByRole('button', { name: 'Delete…' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete the engagement “Moorfields visit”?' });
  await expect(remove.getByRole('listitem')).toHaveText([
    'Its note (24 words) will be deleted.',
    '5 tagged passages in them will be deleted, with their themes and memos.',
    '1 finding cites 1 of these passages; it keeps the quoted text, marked deleted.',
    '2 participants are linked to it; they stay in the workspace, unlinked.',
    'This cannot be undone.',
  ]);
  await expect(remove.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'delete-engagement-preview');
  await page.keyboard.press('Escape');
  await expect(remove).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Moorfields visit', level: 1 })).toBeVisible();

  // A note's delete, from the palette: its passage and the finding citing it are named.
  await app.backToEngagements();
  await page.getByRole('button', { name: 'Leeds workshop', exact: true }).click();
  await expect(page.getByRole('group', { name: /^Note “Leeds workshop/ })).toBeVisible(); // its note is open
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('delete note');
  await page.keyboard.press('Enter');
  const removeNote = page.getByRole('dialog', { name: /^Delete the note/ });
  await expect(removeNote.getByRole('listitem')).toHaveText([
    'Its 9 words will be deleted.',
    '1 tagged passage in it will be deleted, with its themes and memo.',
    '1 finding cites 1 of these passages; it keeps the quoted text, marked deleted.',
    'This cannot be undone.',
  ]);
  await removeNote.getByRole('button', { name: 'Delete note' }).click();
  await expect(removeNote).toBeHidden();
  await expect(page.getByText('No notes yet for this engagement.')).toBeVisible();
  await expect.poll(() => focused(page)).not.toBe('body');

  // Now the engagement itself, confirmed: the list no longer has it, and focus is on the list's first action.
  await app.backToEngagements();
  await page.getByRole('button', { name: 'Moorfields visit', exact: true }).click();
  await page.getByRole('group', { name: 'Engagement' }).getByRole('button', { name: 'Delete…' }).click();
  await remove.getByRole('button', { name: 'Delete engagement' }).click();
  await expect(page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible();
  await expect(app.engagementRow('Moorfields visit')).toHaveCount(0);
  await expect(app.engagementRow('Leeds workshop')).toHaveCount(1);
  await expect.poll(() => focused(page)).toBe('button: New engagement Ctrl+Shift+E');

  // A theme moves without dragging (WCAG 2.5.7): Move to… in its right-click menu and the palette, a new parent
  // chosen from a list.
  await page.keyboard.press('Control+3');
  await page.getByRole('treeitem', { name: /^Genomics/ }).click({ button: 'right' });
  const themeMenu = page.getByRole('menu', { name: 'Theme “Genomics”' });
  await expect(themeMenu.getByRole('menuitem')).toHaveText(['Rename F2', 'Move to… Ctrl+Shift+M', 'Delete… Delete']);
  await expect(themeMenu.getByRole('menuitem', { name: /^Rename/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(themeMenu).toBeHidden();
  await expect(page.getByRole('treeitem', { name: /^Genomics/ })).toBeFocused();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('move theme');
  await page.keyboard.press('Enter');
  const move = page.getByRole('dialog', { name: 'Move “Genomics” to…' });
  // Its own branch is not offered; sub-themes are indented under their parent.
  await expect(move.getByLabel('New place').locator('option')).toHaveText(['The top level', 'Under “AI”', '\u00a0\u00a0Under “Imaging”', 'Under “Training”', 'Under “Ethics”']);
  await move.getByLabel('New place').selectOption({ index: 2 });
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'dialog-move-theme');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Genomics” under “Imaging”, position 1.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Genomics' })).toContainText('Under AI › Imaging.');

  // An imported "P005:" nobody has is an unknown speaker, said in the summary and in the note; its label's
  // own "Link…" opens the picker, and once linked the mark goes and the label says whose turn it is.
  const transcript = join(host.workspaces, 'Leeds pharmacy panel.txt');
  writeFileSync(transcript, 'P001: We learn on the job.\nP005: Nobody asked the pharmacists about AI.\n');
  await page.keyboard.press('Control+1');
  await page.getByRole('button', { name: 'Leeds workshop', exact: true }).click();
  await page.getByLabel('Files to import as notes').setInputFiles(transcript);
  await expect(page.getByRole('list', { name: 'Importing files' })).toContainText(
    '1 speaker code matches no participant: P005 — it is shown as an unknown speaker until you link it',
  );
  await page.getByRole('button', { name: /^Leeds pharmacy panel/ }).click();
  const unknown = page.locator('.speaker-label[data-unknown]');
  await expect(unknown).toHaveText('P005:');
  await expect(page.locator('.speaker-label:not([data-unknown])')).toHaveText('P001:');
  await screenBothModes(page, 'unknown-speaker-import');
  await selectText(page, 'pharmacists');
  await tagWith(page, 'Training');
  await page.getByText('pharmacists').click();
  const saidBy = page.getByRole('article', { name: 'Passage: pharmacists' }).getByLabel('Said by').locator('option:checked');
  await expect(saidBy).toHaveText('Nobody in particular');
  // Next after the note in the Tab order: the keyboard reaches it from the text.
  const linkP005 = page.getByRole('button', { name: 'P005 — unknown speaker: link to a participant…' });
  await page.keyboard.press('Tab');
  await expect(linkP005).toBeFocused();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page), 'the mark and its button in dark mode').toEqual([]);
  await screenBothModes(page, 'unknown-speaker-note');
  await page.keyboard.press('Enter');
  const linkTo = page.getByRole('dialog', { name: 'Link speaker P005 to…' });
  await linkTo.getByLabel('Participant').fill('P004');
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'unknown-speaker-link');
  await page.keyboard.press('Enter');
  await expect(linkTo).toBeHidden();
  await expect(unknown).toHaveCount(0);
  await expect(linkP005).toHaveCount(0);
  await expect(page.locator('.speaker-label[data-linked-to="P004"]')).toHaveText('P005:');
  await expect(new NotesPage(page).editor()).toBeFocused();
  // The open note's passage in that turn is P004's now, without reopening the note.
  await page.getByText('pharmacists').click();
  await expect(saidBy).toHaveText(/^P004 — Pharmacist/);
  // And undone from the palette on the turn: an unknown speaker again, its passage nobody's, said aloud.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('unlink speaker');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Speaker P005 in this note is unlinked: an unknown speaker again' })).toBeAttached();
  await expect(unknown).toHaveText('P005:');
  await expect(linkP005).toHaveCount(1);
  await expect(saidBy).toHaveText('Nobody in particular'); // the caret is still in the passage
  // The link dialog offers the unlink too, for a linked turn (P001, linked when imported), not for an unknown one.
  await linkP005.click();
  await expect(page.getByRole('dialog', { name: 'Link speaker P005 to…' }).getByRole('button', { name: 'Unlink speaker' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  // Relinking a turn from the palette offers whoever has its code now, for the person to confirm.
  await page.getByText('We learn on the job.').click();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('link speaker');
  await page.keyboard.press('Enter');
  const relink = page.getByRole('dialog', { name: 'Link speaker P001 to…' });
  await expect(relink.getByLabel('Participant')).toHaveValue('P001');
  expect(await axeViolations(page), 'the link dialog with its Unlink speaker').toEqual([]);
  await relink.getByRole('button', { name: 'Unlink speaker' }).click();
  await expect(relink).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Speaker P001 in this note is unlinked' })).toBeAttached();
  await expect(page.locator('.speaker-label[data-unknown]')).toHaveText(['P001:', 'P005:']);
  await expect(new NotesPage(page).editor()).toBeFocused();
});

test('two tabs on one workspace: each says so, a clash asks before unload, keeps both or takes theirs', async ({ page, host, context }) => {
  const app = new FieldnotesApp(page);
  const mine = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(host.workspaces, 'tabs.fieldnotes'));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await mine.startNote();
  await mine.editor().click();
  await page.keyboard.type('Seen at the reading centre.');
  await mine.saved();

  // A second tab on the same host opens the same workspace: both say it is open twice.
  const other = await context.newPage();
  const theirs = new NotesPage(other);
  await other.goto(host.url);
  const notice = (p: Page) => p.getByRole('status').filter({ hasText: 'also open in another tab or window' });
  await expect(notice(other)).toBeVisible();
  await expect(notice(page)).toBeVisible();
  await theirs.openEngagement('Moorfields Eye Hospital');
  await expect(theirs.editor()).toContainText('Seen at the reading centre.');

  // The other tab saves first; this tab's later edit of the same note clashes and is kept, not saved over.
  await theirs.editor().click();
  await other.keyboard.press('Control+End');
  await other.keyboard.type(' Staff triage OCT scans.');
  await theirs.saved();
  await mine.editor().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Nurses asked for training.');
  const conflict = page.getByRole('alert').filter({ hasText: 'This note was changed in another tab or window.' });
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  await screenBothModes(page, 'two-tabs-conflict');

  // Reloading with that text asks first (beforeunload); staying keeps it.
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  void page.reload().catch(() => undefined);
  expect(await asked).toBe('beforeunload');
  await expect(mine.editor()).toContainText('Nurses asked for training.');

  // Keep both: this tab's text becomes a note beside the original, which keeps the other tab's text.
  await conflict.getByRole('button', { name: 'Keep both (save mine as a new note)' }).click();
  const list = page.getByRole('navigation', { name: 'Notes' });
  await expect(list).toContainText('Moorfields Eye Hospital, 19 June 2018 (my version)');
  await expect(mine.editor()).toContainText('Seen at the reading centre. Nurses asked for training.');
  await list.getByRole('button', { name: /^Moorfields Eye Hospital, 19 June 2018 \d/ }).click();
  await expect(mine.editor()).toContainText('Seen at the reading centre. Staff triage OCT scans.');
  await expect(mine.editor()).not.toContainText('Nurses');
  await mine.saved();
  expect(await axeViolations(page)).toEqual([]);

  // Take theirs: a second clash on the original, and this tab drops its words for the other tab's; no copy is made.
  await theirs.editor().click();
  await other.keyboard.press('Control+End');
  await other.keyboard.type(' Radiographers read them first.');
  await theirs.saved();
  await mine.editor().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Porters were not asked.');
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  await conflict.getByRole('button', { name: 'Take theirs (drop my changes)' }).click();
  await expect(conflict).toBeHidden();
  await expect(mine.editor()).toContainText('Seen at the reading centre. Staff triage OCT scans. Radiographers read them first.');
  await expect(mine.editor()).not.toContainText('Porters');
  await expect(list.getByRole('listitem')).toHaveCount(2); // the note and the first copy: no second copy
  await other.close();
});

/** Is the element's text cut (wider or taller than the box that shows it)? */
const isCut = (el: Locator) => el.evaluate((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
/** Does the element end within the main area (a table pushed wider than it hides its last columns)? */
const fitsMain = (el: Locator) =>
  el.evaluate((e) => e.getBoundingClientRect().right <= (e.closest('#main') ?? e.ownerDocument.documentElement).getBoundingClientRect().right + 1);

test('200-character names are cut, whole on hover and focus; a parent counts its branch; a theme opens its theme view', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await openReview(page, host, app, 'long');

  // Engagements: the long title and organisation are cut with an ellipsis, the table stays on screen.
  const title = page.getByRole('button', { name: /^Regional roundtable/ });
  const whole = (await title.textContent())!;
  expect(whole).toHaveLength(200);
  await expect(title).toHaveAttribute('title', whole);
  expect(await isCut(title)).toBe(true);
  expect(await fitsMain(page.locator('table.list-table'))).toBe(true);
  await screenBothModes(page, 'long-engagements');
  await title.focus(); // keyboard focus shows the whole row
  expect(await isCut(title)).toBe(false);
  expect(await isCut(app.engagementRow('Regional roundtable').locator('.clip').last())).toBe(false);

  // Participants: the long role, likewise; focusing the row's code shows it whole.
  await page.keyboard.press('Control+2');
  const role = page.getByRole('row').filter({ hasText: 'Deputy director' }).locator('.clip').first();
  await expect(role).toHaveAttribute('title', /^Deputy director of workforce transformation and more/);
  expect(await isCut(role)).toBe(true);
  expect(await fitsMain(page.locator('table.list-table'))).toBe(true);
  await screenBothModes(page, 'long-participants');
  await page.getByRole('row').filter({ hasText: 'Deputy director' }).getByRole('button').focus();
  expect(await isCut(role)).toBe(false);

  // Themes: a parent shows its own passages and its whole branch's; the long name is cut until focused.
  await page.keyboard.press('Control+3');
  const ai = page.getByRole('treeitem', { name: 'AI', exact: true });
  await expect(ai).toHaveAccessibleDescription('1 passage (3 with sub-themes)');
  await expect(page.getByRole('treeitem', { name: 'Imaging', exact: true })).toHaveAccessibleDescription('2 passages');
  const longTheme = page.getByRole('treeitem', { name: /^Automated interpretation/ });
  expect(await isCut(longTheme.locator('.theme-name'))).toBe(true);
  expect(await fitsMain(page.getByRole('tree', { name: 'Codebook' }))).toBe(true);
  expect(await fitsMain(page.getByRole('button', { name: /^Delete…/ }))).toBe(true);
  await longTheme.focus();
  expect(await isCut(longTheme.locator('.theme-name'))).toBe(false);
  await ai.focus();
  await expect(page.getByRole('region', { name: 'AI' })).toContainText('Tagged on 1 passage; 3 passages with its sub-themes.');
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'theme-page');

  // The theme view from the theme's page: the Analysis area shows AI with its sub-themes, focus on the view.
  await page.getByRole('region', { name: 'AI' }).getByRole('button', { name: 'Show in the theme view' }).click();
  const analysis = new AnalysisScreen(page);
  await expect(page.getByRole('heading', { name: 'Analysis', level: 1 })).toBeVisible();
  await expect(analysis.tab('Theme view')).toBeFocused();
  await expect(analysis.panel().getByRole('list', { name: 'Chosen themes' })).toHaveText(/AI/);
  await analysis.expectCounts('3 passages · 2 participants · 1 engagement');

  // Findings: a long statement shows three lines in the list, all of it on focus.
  await page.keyboard.press('Control+4');
  const finding = page.getByRole('button', { name: /Staff in every region/ });
  expect(await isCut(finding.locator('.finding-statement'))).toBe(true);
  await expect(finding).toHaveAttribute('title', /^Staff in every region asked for protected time to learn and more/);
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'long-findings');
  await finding.focus();
  expect(await isCut(finding.locator('.finding-statement'))).toBe(false);
});
