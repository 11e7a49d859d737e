/**
 * The Electron shell itself: window security, the app:// protocol, the
 * network block. Runs only where Electron's binary can be had; elsewhere every
 * test here is reported as skipped (not run), never as passed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');

const found = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'electron-binary.mjs')], { encoding: 'utf8' }),
) as { path?: string; why?: string };
const binary = { path: found.path, why: found.why && `${found.why}, so the Electron suite is not run here` };
if (!binary.path) console.log(`[electron suite NOT RUN] ${binary.why}`);
test.skip(!binary.path, binary.why);

test('the window is isolated, has no Node, serves app:// and cannot reach the network', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'fieldnotes-electron-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [ROOT, `--user-data-dir=${userData}`],
    cwd: ROOT,
  });
  try {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/fieldnotes\//);
    // No Node in the page; only the narrow bridge, with exactly two functions.
    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { fieldnotes?: object }).fieldnotes ?? {}).sort(),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
    // The network is closed: a fetch to anywhere else fails.
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    // window.open is denied.
    expect(await page.evaluate(() => (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.com/') === null)).toBe(true);
    await expect(page.getByRole('heading', { name: /who is taking notes/i })).toBeVisible();
  } finally {
    await app.close();
  }
});
