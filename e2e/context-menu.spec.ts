import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { NotesPage } from './support/notes';
import { screenBothModes } from './support/screens';

// A context menu opened near the window's edge stays whole inside it (issue 11): flipped left of the pointer at
// the right edge and above it at the bottom, kept a margin clear, by mouse and by keyboard (Shift+F10, the Menu key).

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

const MARGIN = 8;

/** How far the menu's box passes each edge of the window (0 when whole inside, a margin clear). */
async function overflow(menu: Locator) {
  return menu.evaluate((el, margin) => {
    const box = el.getBoundingClientRect();
    const { clientWidth: width, clientHeight: height } = el.ownerDocument.documentElement;
    const past = (n: number) => Math.max(0, Math.round(n));
    return { left: past(margin - box.left), top: past(margin - box.top), right: past(box.right - (width - margin)), bottom: past(box.bottom - (height - margin)) };
  }, MARGIN);
}
const inside = { left: 0, top: 0, right: 0, bottom: 0 };

async function workspace(page: Page, host: RunningHost, file: string): Promise<FieldnotesApp> {
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Menus', join(host.workspaces, file));
  return app;
}

/** A note long enough to reach the window's bottom, each line wide enough to reach its right edge. */
async function longNote(page: Page, host: RunningHost): Promise<NotesPage> {
  const app = await workspace(page, host, 'menus-note.fieldnotes');
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  const notes = new NotesPage(page);
  await notes.startNote();
  await notes.editor().click();
  // Each line goes in as one input (insertText), not key by key: typing 3,000 characters took 37 of this test's
  // 60 s on a quiet CI and over 60 s on a busier one; what is tested here is where the menu opens.
  for (let i = 1; i <= 30; i++) {
    await page.keyboard.insertText(`Line ${i}: radiographers asked for structured training before any AI triage tool goes live ward${i}`);
    await page.keyboard.press('Enter');
  }
  await notes.saved();
  return notes;
}

/** The box of the selection's last line's end, where a person would right-click the words they selected. */
const selectionEnd = (page: Page): Promise<{ x: number; y: number }> =>
  page.evaluate(`(() => {
    const rects = [...window.getSelection().getRangeAt(0).getClientRects()];
    const r = rects[rects.length - 1];
    return { x: r.right - 2, y: r.top + r.height / 2 };
  })()`);

/** Whether the menu covers any of the selected words. */
const coversSelection = (page: Page): Promise<boolean> =>
  page.evaluate(`(() => {
    const menu = document.querySelector('[role="menu"]').getBoundingClientRect();
    return [...window.getSelection().getRangeAt(0).getClientRects()].some(
      (r) => r.top < menu.bottom && r.bottom > menu.top && r.left < menu.right && r.right > menu.left);
  })()`);

/**
 * Select a word of the note as it is on screen: the lowest line still wholly in the window (at its bottom edge),
 * or with `rightmost`, the word ending furthest right on a line up the page (at its right edge).
 */
async function selectWordOnScreen(page: Page, where: 'bottom' | 'rightmost'): Promise<void> {
  await page.evaluate(`(() => {
    const height = document.documentElement.clientHeight;
    const words = [];
    for (const p of document.querySelectorAll('[contenteditable="true"] p')) {
      const node = p.firstChild?.firstChild ?? p.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const r = range.getBoundingClientRect();
        if (r.top > 220 && r.bottom < height - 4) words.push({ range, r });
      }
    }
    const best = ${where === 'bottom' ? "(a, b) => b.r.bottom - a.r.bottom || b.r.right - a.r.right" : '(a, b) => b.r.right - a.r.right || a.r.top - b.r.top'};
    const chosen = words.sort(best)[0];
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(chosen.range);
  })()`);
  // Let Lexical read the DOM selection.
  await page.waitForTimeout(50);
}

for (const width of [1280, 320]) {
  test(`the note's menu stays inside a ${width} px window at its right and bottom edges, by mouse and keyboard`, async ({ page, host }) => {
    const notes = await longNote(page, host);
    await page.setViewportSize({ width, height: 800 });
    // The panes stack at 320 px: wait until the note has stopped moving before choosing words by where they are.
    let was = '';
    await expect.poll(async () => {
      const now = JSON.stringify(await notes.editor().boundingBox());
      const still = now === was;
      was = now;
      return still;
    }).toBe(true);
    const menu = page.getByRole('menu', { name: 'Passage' });

    await selectWordOnScreen(page, 'bottom');
    const end = await selectionEnd(page);
    expect(end.y, 'the word is at the bottom of the window').toBeGreaterThan(740);
    await page.mouse.click(end.x, end.y, { button: 'right' });
    await expect(menu, 'the menu opens: right-clicked at the bottom').toBeVisible();
    expect(await overflow(menu), 'right-clicked at the bottom').toEqual(inside);
    if (width === 1280) {
      await screenBothModes(page, 'context-menu-note-bottom');
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    // Shift+F10 gives no point: the menu opens from the selection, above it when there is no room below.
    await selectWordOnScreen(page, 'bottom');
    await page.keyboard.press('Shift+F10');
    await expect(menu, 'the menu opens: Shift+F10 at the bottom').toBeVisible();
    expect(await overflow(menu), 'Shift+F10 at the bottom').toEqual(inside);
    expect(await coversSelection(page), 'the menu is beside the selected word, not over it').toBe(false);
    await page.keyboard.press('Escape');

    // The end of a line at the right edge.
    await selectWordOnScreen(page, 'rightmost');
    const right = await selectionEnd(page);
    expect(right.x, 'the word ends near the right edge').toBeGreaterThan(width - 140);
    await page.mouse.click(right.x, right.y, { button: 'right' });
    await expect(menu, 'the menu opens: right-clicked at the right edge').toBeVisible();
    expect(await overflow(menu), 'right-clicked at the right edge').toEqual(inside);
    if (width === 320) await screenBothModes(page, 'context-menu-note-320');
    await page.keyboard.press('Escape');
    await selectWordOnScreen(page, 'rightmost');
    await page.keyboard.press('Shift+F10');
    await expect(menu, 'the menu opens: Shift+F10 at the right edge').toBeVisible();
    expect(await overflow(menu), 'Shift+F10 at the right edge').toEqual(inside);
    await page.keyboard.press('Escape');
  });
}

test('the theme tree’s menu stays inside the window at its bottom edge, by mouse and by Shift+F10', async ({ page, host }) => {
  await workspace(page, host, 'menus-themes.fieldnotes');
  await page.keyboard.press('Control+3');
  await page.getByRole('button', { name: 'Use the Topol template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 32 themes' })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await tree.getByRole('treeitem').first().focus();
  // Open every branch, so the tree runs past the window's bottom; End goes to the last theme.
  await page.keyboard.press('*');
  await page.keyboard.press('End');
  const last = tree.getByRole('treeitem').last();
  await expect(last).toBeFocused();
  const row = (await last.boundingBox())!;
  expect(row.y + row.height, 'the last theme is at the bottom of the window').toBeGreaterThan(700);

  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: /^Theme “/ });
  await expect(menu, 'the menu opens: Shift+F10 on the last theme').toBeVisible();
  expect(await overflow(menu), 'Shift+F10 on the last theme').toEqual(inside);
  expect((await menu.boundingBox())!.y + (await menu.boundingBox())!.height, 'above the row, not over it').toBeLessThanOrEqual(row.y + 1);
  await screenBothModes(page, 'context-menu-theme-bottom');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(last).toBeFocused();

  await last.click({ button: 'right', position: { x: 40, y: row.height - 2 } });
  await expect(menu, 'the menu opens: right-clicked on the last theme').toBeVisible();
  expect(await overflow(menu), 'right-clicked on the last theme').toEqual(inside);
  await page.keyboard.press('Escape');
});
