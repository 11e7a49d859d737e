import { join } from 'node:path';
import { AnalysisScreen } from './support/analysis';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage, selectText, tagWith } from './support/notes';
import { ParticipantsScreen } from './support/participants';

const SCREENS = join(__dirname, '../.tmp/screens');

test('a passage of a participant not for quotation says so in the passage bar and the theme view, and a key quote of it asks first', async ({ page, host }) => {
  test.setTimeout(120_000);
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Consent', join(host.workspaces, 'consent.fieldnotes'));
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Use the Topol template' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Added \d+ themes/ })).toBeVisible();
  const participants = new ParticipantsScreen(page);
  await participants.open();
  await participants.add({ staffGroup: 'Allied health professional' }); // P001: consent not recorded, so not for quotation
  await participants.add({ staffGroup: 'Nurse', consent: 'Quotable anonymously', consentDate: '2018-06-01' });
  await expect(participants.table()).toContainText('P002');

  await page.keyboard.press('Control+1');
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('P001: Radiographers need structured training first.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('P002: Training pays for itself within a year.');
  await notes.saved();
  await selectText(page, 'structured training');
  await tagWith(page, 'Education, training');
  await selectText(page, 'Training pays');
  await tagWith(page, 'Education, training');

  const bar = page.getByRole('region', { name: 'Passage at the cursor' });
  await selectText(page, 'structured training');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(bar.getByLabel('Said by')).toHaveValue(/.+/);
  await expect(bar).toContainText('P001 not for quotation');
  await bar.getByLabel('Key quote').click();
  const warning = bar.getByRole('alert');
  await expect(warning).toContainText('P001 did not consent to quotation');
  await expect(bar.getByLabel('Key quote')).not.toBeChecked();
  await page.screenshot({ path: join(SCREENS, 'consent-passage-bar-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENS, 'consent-passage-bar-dark.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(warning.getByRole('button', { name: 'Mark as key quote anyway' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bar.getByLabel('Key quote')).toBeChecked();

  // P002 consented: no sign, no question.
  await selectText(page, 'Training pays');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(bar).not.toContainText('not for quotation');
  await bar.getByLabel('Key quote').click();
  await expect(bar.getByRole('alert')).toHaveCount(0);
  await expect(bar.getByLabel('Key quote')).toBeChecked();

  const analysis = new AnalysisScreen(page);
  await analysis.open();
  await analysis.chooseTheme('educ', 'Education, training and lifelong learning');
  await analysis.expectCounts('2 passages · 2 participants · 1 engagement');
  await expect(analysis.passages().filter({ hasText: 'structured training' })).toContainText('P001 not for quotation');
  await expect(analysis.passages().filter({ hasText: 'Training pays' })).not.toContainText('not for quotation');
  await page.screenshot({ path: join(SCREENS, 'consent-theme-view-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENS, 'consent-theme-view-dark.png') });
  expect(await axeViolations(page)).toEqual([]);
});
