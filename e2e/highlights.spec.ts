import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage, selectText, tagWith } from './support/notes';

const SCREENS = join(__dirname, '../.tmp/screens');

interface MarkLook {
  text: string;
  underlines: string[];
  label: string;
  /** Each underline against the page behind the note. */
  ratios: number[];
}

/** Every mark's stacked underline colours (from its box-shadow), its label and their contrast to the page. */
const marks = (page: Page): Promise<MarkLook[]> =>
  page.evaluate(`(() => {
    const toRgb = (css) => {
      const c = document.createElement('canvas').getContext('2d');
      c.fillStyle = '#000'; c.fillStyle = css; c.fillRect(0, 0, 1, 1);
      return [...c.getImageData(0, 0, 1, 1).data];
    };
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => { const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05); };
    const page = toRgb(getComputedStyle(document.body).backgroundColor);
    return [...document.querySelectorAll('[contenteditable="true"] mark.passage-mark')].map((m) => {
      const shadow = getComputedStyle(m).boxShadow;
      const colours = (shadow.match(/rgba?\\([^)]*\\)/g) ?? []).map(toRgb).filter((c) => c[3] > 0);
      const after = getComputedStyle(m, '::after').content;
      return {
        text: m.textContent,
        underlines: colours.map((c) => c.slice(0, 3).join(',')),
        label: after === 'none' ? '' : after,
        ratios: colours.map((c) => Math.round(ratio(c, page) * 100) / 100),
      };
    });
  })()`);

test('overlapping passages of one branch: each theme its own colour, stacked underlines at 3:1 in light and dark, and labels naming the themes', async ({ page, host }) => {
  test.setTimeout(90_000);
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Highlights', join(host.workspaces, 'highlights.fieldnotes'));
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Use the Topol template' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Added \d+ themes/ })).toBeVisible();
  await page.keyboard.press('Control+1');
  await app.addEngagement('Leeds workshop', 'Workshop', '2018-09-03');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('Video consultations through a smartphone app saved each patient a journey.');
  await notes.saved();
  // Two themes of the Technology › Digital medicine branch, overlapping on "smartphone".
  await selectText(page, 'Video consultations through a smartphone');
  await tagWith(page, 'Telemedicine');
  await selectText(page, 'smartphone app');
  await tagWith(page, 'Smartphone apps');
  await page.locator('.note-scroll').click({ position: { x: 5, y: 300 } }); // caret away: no passage bar

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(async () => (await marks(page)).length).toBe(3);
    const looks = await marks(page);
    const overlap = looks.find((m) => m.text === 'smartphone')!;
    expect(overlap.underlines, `two underlines where the passages overlap (${scheme})`).toHaveLength(2);
    expect(new Set(overlap.underlines).size, `two colours, not one (${scheme})`).toBe(2);
    for (const m of looks) for (const r of m.ratios) expect(r, `underline of “${m.text}” against the page (${scheme})`).toBeGreaterThanOrEqual(3);
    // The themes are named without hover, after each passage's last mark.
    expect(looks.map((m) => m.label).join(' ')).toContain('Telemedicine');
    expect(looks.map((m) => m.label).join(' ')).toContain('Smartphone apps');
    await page.screenshot({ path: join(SCREENS, `overlapping-passages-${scheme}.png`) });
    expect(await axeViolations(page)).toEqual([]);
  }
  // The labels are not text: the note's text is what was typed.
  await expect(notes.editor()).toHaveText('Video consultations through a smartphone app saved each patient a journey.');
});
