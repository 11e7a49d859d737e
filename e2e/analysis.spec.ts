import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AnalysisScreen } from './support/analysis';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage, selectText, tagWith } from './support/notes';
import { ParticipantsScreen } from './support/participants';

const SCREENS = join(__dirname, '../.tmp/screens');
mkdirSync(SCREENS, { recursive: true });

// Leave the page before the host stops, so an open event stream cannot hold up its close.
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

/** What the note's editor has selected now (after a jump). */
const selection = (page: Page) => page.evaluate<string>(`window.getSelection()?.toString() ?? ''`);

test('theme view and search: tagged passages with context, filters and counts, jumps to the note, tagging a search hit', async ({ page, host }) => {
  test.setTimeout(120_000);
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  const analysis = new AnalysisScreen(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(host.workspaces, 'analysis.fieldnotes'));

  // The Topol codebook, through the Themes area; a participant to speak in the notes.
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Use the Topol template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 32 themes from the Topol template' })).toBeVisible();
  const participants = new ParticipantsScreen(page);
  await participants.open();
  await participants.add({ staffGroup: 'Allied health professional' });
  await expect(participants.table()).toContainText('P001');

  // Two engagements with notes, passages tagged from the keyboard; P001 speaks the first paragraph.
  await page.keyboard.press('Control+1');
  await app.addEngagement('Leeds workshop', 'Workshop', '2018-09-03');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('Digital literacy must come first for every nurse.');
  await notes.saved();
  await selectText(page, 'Digital literacy');
  await tagWith(page, 'Digital and genomics');

  await app.backToEngagements();
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('P001: Radiographers need structured training before AI triage is introduced.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Le réseau de formation en génomique est essentiel.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('P001: Training came late. The training room was cold.');
  await notes.saved();
  await selectText(page, 'structured training');
  await tagWith(page, 'Education, training');
  await selectText(page, 'AI triage');
  await tagWith(page, 'Automated image');
  await notes.saved();

  // The theme view: one theme, then two (any / all), then a branch with its sub-themes.
  await analysis.open();
  await expect(analysis.panel()).toContainText('Choose a theme to see its passages');
  await analysis.chooseTheme('educ', 'Education, training and lifelong learning');
  await analysis.expectCounts('1 passage · 1 participant · 1 engagement');
  const [row] = await analysis.passages().all();
  await expect(row!.locator('.result-passage')).toHaveText('structured training');
  await expect(row!.locator('.result-context').first()).toHaveText('P001: Radiographers need ');
  await expect(row!).toContainText('before AI triage is introduced.');
  await expect(row!).toContainText('P001 · Allied health professional');
  await expect(row!).toContainText('Moorfields Eye Hospital · Site visit · 19 Jun 2018');
  await expect(row!.getByRole('list', { name: 'Themes' })).toHaveText('Education, training and lifelong learning');

  await analysis.chooseTheme('digital and', 'Digital and genomics literacy');
  await analysis.expectCounts('2 passages · 1 participant · 2 engagements');
  expect(await analysis.quotes()).toEqual(['structured training', 'Digital literacy']); // by engagement date
  await analysis.panel().getByRole('radio', { name: 'all of them' }).check();
  await expect(analysis.panel()).toContainText('No passage carries these themes yet');
  await analysis.panel().getByRole('radio', { name: 'any of them' }).check();
  await analysis.removeTheme('Education, training and lifelong learning');
  await analysis.removeTheme('Digital and genomics literacy');
  await analysis.chooseTheme('technology', 'Technology');
  await expect.poll(() => analysis.quotes()).toEqual(['AI triage']);
  await analysis.panel().getByLabel('Include sub-themes').uncheck();
  await expect(analysis.panel()).toContainText('No passage carries this theme yet');
  await analysis.panel().getByLabel('Include sub-themes').check();
  await analysis.removeTheme('Technology');

  // Filters narrow the list and the counts.
  await analysis.chooseTheme('workforce', 'Workforce');
  await analysis.expectCounts('2 passages · 1 participant · 2 engagements');
  await analysis.filters().getByLabel('Staff group').selectOption({ label: 'Allied health professional' });
  await analysis.expectCounts('1 passage · 1 participant · 1 engagement');
  await analysis.filters().getByLabel('Staff group').selectOption({ label: 'Nurse' });
  await expect(analysis.panel()).toContainText('No passage carries this theme with these filters');
  await analysis.filters().getByRole('button', { name: 'Clear filters' }).click();
  await analysis.filters().getByLabel('Engagement type').selectOption({ label: 'Workshop' });
  await expect.poll(() => analysis.quotes()).toEqual(['Digital literacy']);
  await analysis.filters().getByLabel('Engagement type').selectOption({ label: 'All types' });
  await analysis.filters().getByLabel('From').fill('2018-07-01');
  await expect.poll(() => analysis.quotes()).toEqual(['Digital literacy']);
  await analysis.filters().getByRole('button', { name: 'Clear filters' }).click();
  await analysis.expectCounts('2 passages · 1 participant · 2 engagements');
  await analysis.filters().getByLabel('Reviewer').selectOption({ label: 'Ada Lovelace (AL)' });
  await analysis.expectCounts('2 passages · 1 participant · 2 engagements');
  await analysis.filters().getByRole('button', { name: 'Clear filters' }).click();
  await analysis.expectCounts('2 passages · 1 participant · 2 engagements');

  await page.screenshot({ path: join(SCREENS, 'themeview-light.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENS, 'themeview-dark.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Keyboard: to the first row, down to the second, Enter opens it in its note with the passage selected.
  await analysis.passages().first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(analysis.passages().nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Moorfields Eye Hospital', level: 1 })).toBeVisible();
  await expect.poll(() => selection(page)).toBe('structured training');

  // Back in Analysis, the theme view is as it was; search from anywhere with Ctrl+Shift+F.
  await page.keyboard.press('Control+Shift+F');
  const box = page.getByLabel('Search notes and memos');
  await expect(box).toBeFocused();
  await analysis.tab('Theme view').click();
  await expect(analysis.panel().getByRole('list', { name: 'Chosen themes' })).toContainText('Workforce');
  await analysis.tab('Theme view').press('ArrowRight');
  await expect(analysis.tab('Search')).toHaveAttribute('aria-selected', 'true');
  // A word finds only itself; the empty state says how to find its other forms.
  await expect(analysis.panel().locator('.analysis-empty')).toContainText('end it with * to find every word that starts so (train* finds training');

  await analysis.search('"réseau de formation"');
  await expect(analysis.results()).toHaveCount(1);
  await expect(analysis.results().first().locator('mark')).toHaveText('réseau de formation');
  await analysis.search('reseau genomique');
  await expect(analysis.results().first().locator('mark')).toHaveText(['réseau', 'génomique']);
  await expect(analysis.results().first()).toContainText('Moorfields Eye Hospital · Site visit · 19 Jun 2018');
  await analysis.search('radiograph*');
  await expect(analysis.results().first()).toContainText('P001 · Allied health professional');
  // Filtered by the staff group of the turn the match is in (issue 8): the hit stays, shown at P001's turn.
  await analysis.filters().getByLabel('Staff group').selectOption({ label: 'Allied health professional' });
  await expect(analysis.panel()).toContainText('1 result for “radiograph*”');
  await expect(analysis.results().first()).toContainText('P001 · Allied health professional');
  await page.screenshot({ path: join(SCREENS, 'search-filtered-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENS, 'search-filtered-dark.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await analysis.filters().getByLabel('Staff group').selectOption({ label: 'All staff groups' });
  await analysis.filters().getByLabel('Engagement type').selectOption({ label: 'Workshop' });
  await expect(analysis.panel()).toContainText('Nothing found for “radiograph*” with these filters');
  await analysis.filters().getByRole('button', { name: 'Clear filters' }).click();

  // Every place of a note is listed under it, each snippet within its own paragraph (issue 11).
  await analysis.search('training');
  await expect(analysis.results()).toHaveCount(1);
  const places = analysis.places(analysis.results().first());
  await expect(places.locator('.search-snippet')).toHaveText([
    'P001: Radiographers need structured training before AI triage is introduced.',
    'P001: Training came late. The training room was cold.',
  ]);
  await expect(analysis.results().first()).toContainText('2 places');
  await expect(places.nth(1).getByRole('button', { name: 'Tag…' })).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'search-places-light.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENS, 'search-places-dark.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Tag a hit: the sentence is offered, not the one word; the passage is made, the hit shows it, the theme view
  // lists it, the note highlights it.
  await analysis.search('reseau');
  await page.screenshot({ path: join(SCREENS, 'search-light.png') });
  expect(await axeViolations(page)).toEqual([]);
  await analysis.results().first().getByRole('button', { name: 'Tag…' }).click();
  const sentence = 'Le réseau de formation en génomique est essentiel.';
  await expect(page.getByRole('radio', { name: `the sentence: “${sentence}”` })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'only the words found: “réseau”' })).not.toBeChecked();
  await page.screenshot({ path: join(SCREENS, 'search-tag-sentence-light.png') });
  expect(await axeViolations(page)).toEqual([]);
  await tagWithPicker(page, 'Digital and genomics');
  await expect(analysis.results().first().getByRole('list', { name: 'Themes' })).toHaveText('Digital and genomics literacy');
  await expect(analysis.counts()).toContainText(`Tagged “${sentence}” in Moorfields Eye Hospital with Digital and genomics literacy.`);

  // The theme view (still Workforce, with its sub-themes) is read afresh when shown again.
  await analysis.tab('Theme view').click();
  await analysis.expectCounts('3 passages · 1 participant · 2 engagements');
  expect(await analysis.quotes()).toEqual(['structured training', sentence, 'Digital literacy']);
  await analysis.passages().nth(1).getByRole('button', { name: /Open in note/ }).click();
  await expect(page.getByRole('heading', { name: 'Moorfields Eye Hospital', level: 1 })).toBeVisible();
  await expect(notes.editor().locator('mark.passage-mark', { hasText: 'réseau' })).toHaveText(sentence);
  await expect.poll(() => selection(page)).toBe(sentence);
});

/** Choose a theme in the tag picker (the dialog "Tag…" opens). */
async function tagWithPicker(page: Page, theme: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Theme' });
  await expect(picker).toBeFocused();
  await page.keyboard.type(theme);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
}
