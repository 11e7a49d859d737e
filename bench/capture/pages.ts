/**
 * The capture bench's page figures (issue 11), in the real renderer on the loopback host: the engagement list
 * drawn afresh (time and what it puts in the page), and React commits on every area left idle. The page must
 * have the INSTRUMENT of capture.bench.ts installed (its `window.__commits`). Asserts nothing.
 */
import type { Page } from 'playwright-core';
import { areas } from '../../src/renderer/features/shell/areas';

export interface ListFigures {
  /** From the click on "Engagements" (coming from Themes) to the first frame with rows drawn. */
  render: number;
  /** Rows of the table in the page, and engagements in the list (aria-rowcount less the header). */
  rowsInDom: number;
  rows: number;
  /** Elements inside the table, and in the whole page. */
  tableNodes: number;
  pageNodes: number;
}

const area = (page: Page, label: string) => page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: label, exact: true });

/**
 * Leave for Themes (a small area: leaving a large one would time its unmounting too), come back to Engagements,
 * and time the list from the click, as the page receives it, to the first frame with its rows painted.
 */
export async function measureList(page: Page): Promise<ListFigures> {
  await area(page, 'Themes').click();
  await page.locator('.engagement-table').waitFor({ state: 'detached', timeout: 120_000 });
  await page.waitForTimeout(1000);
  // Checked every frame in the page (a string: the page's CSP forbids eval of a function's source).
  await page.evaluate(`(() => {
    window.__listShown = 0;
    document.addEventListener('click', () => {
      const from = performance.now();
      const check = () => {
        if (document.querySelector('.engagement-table tbody tr[aria-rowindex]')) window.__listShown = performance.now() - from;
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, { capture: true, once: true });
  })()`);
  await area(page, 'Engagements').click();
  for (const started = Date.now(); !(await page.evaluate('window.__listShown')); ) {
    if (Date.now() - started > 120_000) throw new Error('the engagement list did not appear in 2 minutes');
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(500); // the virtualizer's second pass, with the rows measured
  return (await page.evaluate(`(() => {
    const table = document.querySelector('.engagement-table');
    return {
      render: window.__listShown,
      rowsInDom: table.querySelectorAll('tbody tr[aria-rowindex]').length,
      rows: Number(table.getAttribute('aria-rowcount')) - 1,
      tableNodes: table.getElementsByTagName('*').length,
      pageNodes: document.getElementsByTagName('*').length,
    };
  })()`)) as ListFigures;
}

/** React commits in `ms` with no input. */
export async function commitsWhileIdle(page: Page, ms: number): Promise<number> {
  const before = (await page.evaluate('window.__commits')) as number;
  await page.waitForTimeout(ms);
  return ((await page.evaluate('window.__commits')) as number) - before;
}

/**
 * Each area opened from the sidebar and left until it has loaded (no request in flight and no commit for a
 * second, at most 20 s: on a loaded machine its data may still be arriving), then its React commits counted
 * over 2 s of no input.
 */
export async function idleOnEveryArea(page: Page): Promise<{ area: string; commits: number }[]> {
  const counted: { area: string; commits: number }[] = [];
  for (const { label } of areas) {
    await area(page, label).click();
    await page.locator(`nav[aria-label="Workspace areas"] button[aria-current="page"]`, { hasText: label }).waitFor({ timeout: 120_000 });
    for (let waited = 0; waited < 20 && ((await commitsWhileIdle(page, 1000)) > 0 || (await page.evaluate('window.__inFlight'))); waited++);
    counted.push({ area: label, commits: await commitsWhileIdle(page, 2000) });
  }
  return counted;
}
