import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { activeOptionContrast, focusColourPixels, focusRingContrast } from './support/contrast';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage } from './support/notes';

const SCREENS = join(__dirname, '../.tmp/screens');

async function openNote(page: Page, host: { url: string; workspaces: string }, file: string): Promise<NotesPage> {
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Topol review', join(host.workspaces, file));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();
  return notes;
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

test.describe('at 200% zoom (a 1280×800 screen shows 640×400 CSS px)', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test('the note area has real height and what is typed stays in view', async ({ page, host }) => {
    const notes = await openNote(page, host, 'zoom.fieldnotes');
    await notes.editor().click();
    for (let i = 1; i <= 6; i++) {
      await page.keyboard.type(`Line ${i} of the visit, typed at double size.`);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('The last line is where the caret is.');
    await notes.saved();
    expect((await box(page, '.note-scroll')).height, 'note area height').toBeGreaterThanOrEqual(150);
    const last = (await notes.editor().locator('p').last().boundingBox())!;
    expect(last.y, 'the line being typed is on screen').toBeGreaterThanOrEqual(0);
    expect(last.y + 24, 'its line is on screen').toBeLessThanOrEqual(400);
    expect(await page.evaluate('document.documentElement.scrollWidth'), 'no sideways scrolling').toBeLessThanOrEqual(640);
    await page.screenshot({ path: join(SCREENS, 'note-200pc-zoom-light.png') });
    expect(await axeViolations(page), 'at 200%, light').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SCREENS, 'note-200pc-zoom-dark.png') });
    expect(await axeViolations(page), 'at 200%, dark').toEqual([]);
  });
});

test.describe('at 320 CSS px wide', () => {
  test.use({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });

  test('the sidebar folds into a menu, the panes stack, nothing scrolls sideways', async ({ page, host }) => {
    const notes = await openNote(page, host, 'narrow.fieldnotes');
    await notes.editor().click();
    await page.keyboard.type('Typed on a narrow window, the words wrap and stay readable.');
    await notes.saved();
    const pane = await box(page, '.note-pane');
    expect(pane.width, 'the note pane takes the width').toBeGreaterThanOrEqual(280);
    expect(pane.height, 'and real height').toBeGreaterThanOrEqual(200);
    expect(await page.evaluate('document.documentElement.scrollWidth'), 'no sideways scrolling').toBeLessThanOrEqual(320);
    const areas = page.getByRole('navigation', { name: 'Workspace areas' });
    const toggle = areas.getByRole('button', { name: /choose another area/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(areas.getByRole('button', { name: /^Themes/ })).toBeHidden();
    await page.screenshot({ path: join(SCREENS, 'note-320px-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SCREENS, 'note-320px-dark.png') });
    expect(await axeViolations(page), 'at 320 px, dark').toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await toggle.click();
    await areas.getByRole('button', { name: /^Themes/ }).click();
    await expect(page.getByRole('heading', { name: 'Themes', level: 1 })).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('a skip link to the main area, and each screen its own page title', async ({ page, host }) => {
  const notes = await openNote(page, host, 'titles.fieldnotes');
  await expect(page).toHaveTitle('Moorfields Eye Hospital — Topol review — Fieldnotes');
  await page.keyboard.press('Control+2');
  await expect(page).toHaveTitle('Participants — Topol review — Fieldnotes');
  await page.keyboard.press('Control+3');
  await expect(page).toHaveTitle('Themes — Topol review — Fieldnotes');
  // The skip link is the first stop: just before the first area of the sidebar.
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /^Engagements/ }).focus();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  void notes;
});

test('the focus ring and the palette’s active option stand out 3:1 on every surface, in light and dark', async ({ page, host }) => {
  const notes = await openNote(page, host, 'focus.fieldnotes');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const measured: { element: string; ratio: number }[] = [];
    // The sidebar (grey panel), the note list, a page button, the note itself, the palette's input.
    await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /^Participants/ }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    measured.push(await focusRingContrast(page));
    await page.getByRole('button', { name: /^New note/ }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    measured.push(await focusRingContrast(page));
    await page.getByRole('button', { name: 'Details' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    measured.push(await focusRingContrast(page));
    await notes.editor().focus();
    measured.push(await focusRingContrast(page));
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('combobox', { name: 'Type a command' })).toBeFocused();
    measured.push(await focusRingContrast(page));
    // The palette's active option is outlined 3:1 against its list, not only tinted (the tag picker's is held in tagging-ux).
    await page.keyboard.type('theme');
    const active = page.getByRole('listbox', { name: 'Commands' }).locator('[role="option"][aria-selected="true"]');
    await expect(active).toHaveCount(1);
    measured.push({ element: 'the palette’s active option', ratio: await activeOptionContrast(active) });
    await page.screenshot({ path: join(SCREENS, `palette-${scheme}.png`) });
    expect(await axeViolations(page), `the palette with results (${scheme})`).toEqual([]);
    await page.keyboard.press('Escape');
    // A date field's calendar button, the stop after its day, month and year: the app's ring, not Chromium's thin one.
    await page.keyboard.press('Control+Shift+E');
    const date = page.getByRole('dialog', { name: 'New engagement' }).getByLabel('Date');
    await expect(page.getByRole('dialog', { name: 'New engagement' }).getByLabel('Title')).toBeFocused();
    const unfocused = await focusColourPixels(date);
    await date.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(date).toBeFocused();
    const calendar = await focusColourPixels(date);
    expect(calendar.pixels - unfocused.pixels, `the date field’s calendar button shows the focus ring (${scheme})`).toBeGreaterThan(120);
    measured.push({ element: 'the date field’s calendar button', ratio: calendar.ratio });
    await page.keyboard.press('Escape');
    for (const m of measured) expect(m.ratio, `${m.element} (${scheme})`).toBeGreaterThanOrEqual(3);
  }
});
