import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { removeData, startHost, type RunningHost } from './host';

interface Fixtures {
  host: RunningHost;
  /** Requests that tried to leave 127.0.0.1 during the test; asserted empty after each test. */
  offHostRequests: string[];
}

/**
 * Every test gets a fresh loopback host (own settings, own workspaces) and a
 * page that fails the test if anything tries to reach beyond the host.
 */
export const test = base.extend<Fixtures>({
  // Playwright requires an object pattern for a fixture with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
    removeData(host.data);
  },
  offHostRequests: async ({ context }, use) => {
    const offHost: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      // The host may be restarted on another port within a test: any loopback origin is ours.
      if (/^http:\/\/127\.0\.0\.1:\d+\//.test(url) || url.startsWith('data:') || url.startsWith('blob:')) {
        return route.continue();
      }
      offHost.push(url);
      return route.abort('blockedbyclient');
    });
    await use(offHost);
    expect(offHost, 'no request may leave 127.0.0.1').toEqual([]);
  },
  page: async ({ page, offHostRequests }, use) => {
    void offHostRequests; // installs the network guard before the page is used
    await use(page);
  },
});

export { expect };

/** Serious and critical accessibility violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
