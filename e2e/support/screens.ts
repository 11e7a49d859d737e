import { join } from 'node:path';
import type { Page } from '@playwright/test';

const SCREENS = join(__dirname, '../../.tmp/screens');

/** The page as it is now, light then dark, at the viewport's size: `.tmp/screens/<name>-light.png` and `-dark.png`. */
export async function screenBothModes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: join(SCREENS, `${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENS, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Where keyboard focus is: a short description of document.activeElement, for asserting it is not <body>. */
export function focused(page: Page): Promise<string> {
  // A string, as the e2e folder is typed for Node (no DOM types).
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return el.tagName.toLowerCase() + ': ' + name;
  })()`);
}
