import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { caretIn, NotesPage, selectText, tagWith } from './support/notes';
import { workspaceWithP001 } from './support/participants';
import { screenBothModes } from './support/screens';

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

const LONG_ROLE =
  'Consultant interventional radiologist and clinical lead for the regional diagnostic imaging network at Moorfields Eye Hospital NHS Foundation Trust';

/** A note with a tagged passage said by a participant with a very long role, the caret in it. */
async function passageOfLongName(page: Page, host: RunningHost): Promise<NotesPage> {
  const p001 = { staffGroup: 'Allied health professional', role: LONG_ROLE, consent: 'Quotable anonymously', consentDate: '2018-06-01' };
  const app = await workspaceWithP001(page, host, 'passage-bar.fieldnotes', p001);
  const notes = new NotesPage(page);
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.write('P001: Radiographers need structured training first.');
  await selectText(page, 'structured training');
  await tagWith(page, 'Education, training');
  await caretIn(page, 'structured training');
  return notes;
}

const bar = (page: Page) => page.getByRole('region', { name: 'Passage at the cursor' });

for (const width of [1280, 320]) {
  test(`"Said by" shows a long name and role whole, without pushing the passage bar off-screen, at ${width} px`, async ({ page, host }) => {
    await passageOfLongName(page, host);
    await page.setViewportSize({ width, height: 800 });
    const saidBy = bar(page).getByLabel('Said by');
    const whole = `P001 — Allied health professional, ${LONG_ROLE} (not at this engagement)`;
    await expect(saidBy.locator('option:checked')).toHaveText(whole);

    // Nothing in the bar runs past the window or makes it scroll sideways.
    const fits = await bar(page).evaluate((el) => {
      const width = el.ownerDocument.documentElement.clientWidth;
      const select = el.querySelector('select')!.getBoundingClientRect();
      return { barScrolls: el.scrollWidth > el.clientWidth + 1, selectPastWindow: select.right > width + 0.5, pagePastWindow: el.ownerDocument.documentElement.scrollWidth > width };
    });
    expect(fits).toEqual({ barScrolls: false, selectPastWindow: false, pagePastWindow: false });

    // Cut with an ellipsis, the whole of it on hover (its title) and, while the box has focus, written out in full.
    await expect(saidBy).toHaveCSS('text-overflow', 'ellipsis');
    await expect(saidBy).toHaveAttribute('title', whole);
    await saidBy.focus();
    const written = bar(page).getByText(whole, { exact: true }).and(page.locator(':not(option)'));
    await expect(written).toBeVisible();
    const box = (await written.boundingBox())!;
    expect(box.x + box.width, 'the whole text wraps inside the window').toBeLessThanOrEqual(width);
    await screenBothModes(page, `passage-bar-said-by-${width}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // A short one is not written out twice.
    await saidBy.selectOption({ label: 'Nobody in particular' });
    await expect(saidBy).toHaveAttribute('title', 'Nobody in particular');
    await expect(bar(page).locator('.said-by-whole')).toHaveCount(0);
  });
}
