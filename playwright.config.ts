import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './src/main/core/export/pdf/chromiumFlags';

/**
 * End-to-end tests: real Chromium (Debian's; Playwright cannot download its
 * own here) against the loopback host, which serves the built renderer and
 * the real core. Each test starts its own host with fresh folders (see
 * e2e/support/fixtures.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  // Two: each test starts its own host and Chromium with fresh folders, so files run side by side safely; one
  // worker left the suite at ~14 min on two cores.
  workers: 2,
  retries: 0,
  // A stray test.only would silently run one test and report the suite green.
  forbidOnly: true,
  timeout: 60_000,
  // Two cores shared with the core process and Chromium: give assertions room before calling them failed.
  expect: { timeout: 10_000 },
  // The list reporter shows a skipped test without its reason; skipReasons prints each one.
  reporter: [['list'], ['./e2e/support/skipReasons.ts']],
  outputDir: '.tmp/test-results',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_FLAGS],
    },
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'loopback', testIgnore: /electron\/.*/ },
    // Needs Electron's binary; its specs skip themselves (reported as skipped) where it cannot be had.
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ },
  ],
});
