/**
 * Issue 3's journey through the window: an engagement, two participants with
 * consent, notes typed with speaker turns and a time, a .docx, a .txt and a
 * PDF imported, a photo attached — and after a reload, all of it there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handmadeDocx, handmadePdf, libreOfficeConvert, PNG_1X1, sofficePath } from '../src/main/core/testing/fileFixtures';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage } from './support/notes';
import { ParticipantsScreen } from './support/participants';

const SCREENS = join(__dirname, '../.tmp/screens');
let files: string;

const panelButton = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('group', { name: 'Engagement' }).getByRole('button', { name, exact: true });

test.beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'fieldnotes-capture-'));
  const docx = sofficePath
    ? libreOfficeConvert(files, 'visit', '<h1>Reading centre</h1><p>Machine learning <b>reads</b> OCT scans.</p><ul><li>Training time</li><li>Audit</li></ul>', 'docx')
    : handmadeDocx([{ style: 'Heading1', runs: [{ text: 'Reading centre' }] }, { runs: [{ text: 'Machine learning reads OCT scans.' }] }]);
  writeFileSync(join(files, 'Moorfields visit.docx'), docx);
  writeFileSync(join(files, 'Interview P002.txt'), Buffer.from('\uFEFFP002: I would use AI triage tomorrow.\r\nP001: Not without training.\r\n', 'utf16le'));
  writeFileSync(join(files, 'RCR submission.pdf'), handmadePdf([[{ text: 'Call for evidence', size: 18 }, { text: '' }, { text: 'Radiographers need structured training.' }]]));
  writeFileSync(join(files, 'Flip chart.png'), PNG_1X1);
});
test.afterAll(() => rmSync(files, { recursive: true, force: true }));

test('capture a site visit end to end, reload, and find everything', async ({ page, host }) => {
  test.setTimeout(120_000);
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(host.workspaces, 'capture.fieldnotes'));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');

  // Two participants, created from the engagement, with consent.
  await panelButton(page, 'Participants').click();
  const people = new ParticipantsScreen(page);
  for (const person of [
    { staffGroup: 'Allied health professional', role: 'Radiographer', consent: 'Quotable anonymously' },
    { staffGroup: 'Doctor', role: 'Consultant ophthalmologist', consent: 'Not for quotation' },
  ]) {
    await page.getByRole('complementary', { name: 'Participants' }).getByRole('button', { name: /New participant/ }).click();
    const dialog = page.getByRole('dialog', { name: /New participant/ });
    await people.fill(dialog, person);
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await expect(dialog).toBeHidden();
  }
  const linked = page.getByRole('list', { name: 'Participants in this engagement' });
  await expect(linked).toContainText('P001');
  await expect(linked).toContainText('P002');

  // Notes with a speaker turn (chosen with the shortcut) and a timestamp.
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.press('Control+;');
  await page.keyboard.type('Tour of the reading centre.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Scans are read by the algorithm within a minute.');
  await page.keyboard.press('Control+Shift+S');
  const speaker = page.getByRole('dialog', { name: 'Speaker' });
  await speaker.getByLabel('Participant').fill('P001');
  await page.keyboard.press('Enter');
  await expect(notes.editor().locator('.speaker-label')).toHaveText('P001:');
  await notes.saved();

  // Import a .docx, a .txt and a PDF as notes.
  await page.getByLabel('Files to import as notes').setInputFiles([
    join(files, 'Moorfields visit.docx'),
    join(files, 'Interview P002.txt'),
    join(files, 'RCR submission.pdf'),
  ]);
  const noteList = page.getByRole('navigation', { name: 'Notes' });
  await expect(noteList.getByRole('button')).toContainText(['Moorfields Eye Hospital, 19 June 2018', 'Moorfields visit', 'Interview P002', 'RCR submission'], { timeout: 30_000 });

  // Attach a photo of the flip chart.
  await panelButton(page, 'Attachments').click();
  await page.getByLabel('Files to attach').setInputFiles(join(files, 'Flip chart.png'));
  const drawer = page.getByRole('complementary', { name: 'Attachments' });
  await expect(drawer).toContainText('Flip chart.png', { timeout: 20_000 });
  await page.screenshot({ path: join(SCREENS, 'engagement-light.png') });
  expect(await axeViolations(page)).toEqual([]);

  // Reload: all there.
  await page.reload();
  await notes.openEngagement('Moorfields Eye Hospital');
  await expect(noteList.getByRole('button')).toContainText(['Moorfields Eye Hospital, 19 June 2018', 'Moorfields visit', 'Interview P002', 'RCR submission']);
  await expect(notes.editor()).toContainText(/\[\d\d:\d\d\] Tour of the reading centre\./);
  await expect(notes.editor().locator('.speaker-label')).toHaveText('P001:');
  await noteList.getByRole('button', { name: /Moorfields visit/ }).click();
  await expect(notes.editor().locator('h1')).toHaveText('Reading centre');
  await expect(notes.editor().locator('strong, .ed-bold').first()).toHaveText('reads');
  await noteList.getByRole('button', { name: /Interview P002/ }).click();
  await expect(notes.editor().locator('.speaker-label')).toHaveText(['P002:', 'P001:']);
  await noteList.getByRole('button', { name: /RCR submission/ }).click();
  await expect(notes.editor()).toContainText('Radiographers need structured training.');
  await panelButton(page, 'Attachments').click();
  await expect(drawer).toContainText('Flip chart.png');
  await panelButton(page, 'Participants').click();
  await expect(linked).toContainText('P002');
  await page.emulateMedia({ colorScheme: 'dark' });
  await noteList.getByRole('button', { name: /^Moorfields Eye Hospital, 19 June 2018/ }).click();
  await page.screenshot({ path: join(SCREENS, 'engagement-dark.png') });
});
