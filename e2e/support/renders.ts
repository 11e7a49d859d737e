import type { Page } from '@playwright/test';

/**
 * Count React commits from outside the app: React reports every commit to the
 * DevTools hook if one is installed before it loads (production builds too).
 * Installed with addInitScript, so it must be a self-contained string.
 */
export async function countReactCommits(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    let nextId = 1;
    window.__reactCommits = 0;
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      isDisabled: false,
      supportsFiber: true,
      renderers: new Map(),
      inject(renderer) { const id = nextId++; this.renderers.set(id, renderer); return id; },
      onScheduleFiberRoot() {},
      onCommitFiberRoot() { window.__reactCommits++; },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    };
  })()`);
}

/** React commits during `ms` of the page left alone. */
export async function commitsWhileIdle(page: Page, ms: number): Promise<number> {
  const before = await reactCommits(page);
  await page.waitForTimeout(ms);
  const after = await reactCommits(page);
  return after - before;
}

/** React commits since the page loaded. */
export async function reactCommits(page: Page): Promise<number> {
  return page.evaluate('window.__reactCommits');
}
