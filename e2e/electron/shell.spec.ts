/**
 * The Electron shell's whole contract, driven in the real Electron binary: window web preferences, the app://
 * protocol (traversal refused, the policy on every response), the network closed (a spellcheck dictionary
 * download too), window.open, navigation and permissions denied, the IPC sender check from a foreign page, the
 * single-instance lock handing over a file, closing with unsaved text, and printToPDF's outline.
 *
 * It runs only where Electron's binary can be had (scripts/electron-binary.mjs). Elsewhere — our CI, which has
 * only the npm registry and Debian's packages — every test here is reported as skipped with the reason printed:
 * not run, never passed. On Linux without a display it starts Xvfb.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');
const PRELOAD = join(ROOT, 'out', 'preload', 'index.cjs');

const found = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'electron-binary.mjs')], { encoding: 'utf8' }),
) as { path?: string; why?: string };
const binary = { path: found.path, why: found.why && `${found.why}, so the Electron suite is not run here` };
if (!binary.path) console.log(`[electron suite NOT RUN] ${binary.why}`);
test.skip(!binary.path, binary.why);

let xvfb: ChildProcess | undefined;
/** Electron on Linux needs a display; CI has none, so give it a virtual one. */
function display(): Record<string, string> {
  if (process.platform !== 'linux' || process.env.DISPLAY) return {};
  if (!xvfb) {
    xvfb = spawn('Xvfb', [':97', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  }
  return { DISPLAY: ':97' };
}
test.afterAll(() => {
  xvfb?.kill();
});

/** Chromium refuses to run as root with its sandbox (CI runs as root); everywhere else the sandbox stays on. */
const rootArgs = () => (typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []);

async function launch(userData = mkdtempSync(join(tmpdir(), 'fieldnotes-electron-')), extra: string[] = []) {
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [ROOT, `--user-data-dir=${userData}`, ...rootArgs(), ...extra],
    cwd: ROOT,
    env: { ...process.env, ...display() } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, userData };
}

/** Call the core through the page's own bridge, as the renderer does. */
const invoke = (page: Page, method: string, input: unknown = {}) =>
  page.evaluate(
    ([m, i]) => (globalThis as unknown as { fieldnotes: { invoke(m: string, i: unknown): Promise<unknown> } }).fieldnotes.invoke(m, i),
    [method, input] as const,
  ) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

/** The native Save/Open dialogs answered by the test (the core asks the port; the page names no path). */
async function answerDialogs(app: ElectronApplication, path: string) {
  await app.evaluate(({ dialog }, chosen) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as typeof dialog.showSaveDialog;
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
  }, path);
}

async function withWorkspace(page: Page, app: ElectronApplication, name: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'fieldnotes-ws-')), `${name}.fieldnotes`);
  expect((await invoke(page, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' })).ok).toBe(true);
  await answerDialogs(app, file);
  const created = await invoke(page, 'workspace.createChosen', { name });
  expect(created).toMatchObject({ ok: true, value: { path: file } });
  return file;
}

test('the window: isolated, sandboxed, no Node, no webviews, a two-function bridge', async () => {
  const { app, page } = await launch();
  try {
    expect(page.url()).toMatch(/^app:\/\/fieldnotes\//);
    // getLastWebPreferences is not in Electron's type definitions; where the running Electron has it, read
    // the window's settings back, and check their effects from the page either way (below).
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      const p = contents.getLastWebPreferences?.();
      if (!p) return null;
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        nodeIntegrationInWorker: p.nodeIntegrationInWorker,
        webSecurity: p.webSecurity,
        allowRunningInsecureContent: p.allowRunningInsecureContent,
        webviewTag: p.webviewTag,
        disableBlinkFeatures: p.disableBlinkFeatures,
      };
    });
    if (prefs) expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    const exposed = await page.evaluate(`({
      require: typeof require,
      process: typeof process,
      bridge: Object.keys(window.fieldnotes ?? {}).sort(),
      webview: document.createElement('webview').constructor.name,
    })`);
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'], webview: 'HTMLUnknownElement' });
    await expect(page.getByRole('heading', { name: /who is taking notes/i })).toBeVisible();
    expect(await app.evaluate(({ app: a }) => a.getName())).toBe('Fieldnotes');
  } finally {
    await app.close();
  }
});

test('app:// serves the renderer with the policy on every response and refuses traversal', async () => {
  const { app, page } = await launch();
  try {
    const answers = (await page.evaluate(`(async () => {
      const scripts = [...document.querySelectorAll('script[src], link[rel="stylesheet"]')].map((e) => e.src || e.href);
      const urls = [
        'app://fieldnotes/',
        'app://fieldnotes/index.html',
        ...scripts,
        'app://fieldnotes/no-such-file.js',
        'app://fieldnotes/..%2f..%2fpackage.json',
        'app://fieldnotes/%2e%2e/%2e%2e/package.json',
      ];
      return Promise.all(
        urls.map(async (url) => {
          const r = await fetch(url);
          return { url, status: r.status, csp: r.headers.get('content-security-policy'), body: (await r.text()).slice(0, 200) };
        }),
      );
    })()`)) as { url: string; status: number; csp: string | null; body: string }[];
    for (const answer of answers) expect(answer.csp, answer.url).toMatch(/^default-src 'none'/);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(3);
    for (const escape of answers.slice(-2)) {
      expect(escape.status, escape.url).toBe(404);
      expect(escape.body).not.toContain('"name": "fieldnotes"');
    }
  } finally {
    await app.close();
  }
});

test('nothing reaches the network: fetch, a spellcheck dictionary download, window.open, navigation', async () => {
  const { app, page } = await launch();
  try {
    expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'blocked'))).toBe('blocked');
    expect(await page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'reached', () => 'blocked'))).toBe('blocked');
    // Asking for another spellcheck language makes Chromium download its dictionary (Linux, Windows): refused.
    const dictionary = await app.evaluate(async ({ session }) => {
      const ses = session.defaultSession;
      const outcome = new Promise<string>((done) => {
        ses.once('spellcheck-dictionary-download-success', () => done('downloaded'));
        ses.once('spellcheck-dictionary-download-failure', () => done('failed'));
        setTimeout(() => done('no download'), 15_000);
      });
      ses.setSpellCheckerLanguages(['fr']);
      return outcome;
    });
    expect(dictionary).not.toBe('downloaded');
    expect(await page.evaluate(() => (globalThis as unknown as { open: (u: string) => unknown }).open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await page.evaluate(`location.href = 'https://example.com/'`);
    await page.waitForTimeout(1_000);
    expect(page.url()).toMatch(/^app:\/\/fieldnotes\//);
    // A download the page starts is cancelled (the core writes files itself, through the dialog port).
    await app.evaluate(({ session }) => {
      const seen: boolean[] = [];
      (globalThis as { fieldnotesDownloads?: boolean[] }).fieldnotesDownloads = seen;
      session.defaultSession.on('will-download', (event) => seen.push(event.defaultPrevented));
    });
    await page.evaluate(`(() => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob(['evidence'], { type: 'text/plain' }));
      link.download = 'evidence.txt';
      document.body.append(link);
      link.click();
      link.remove();
    })()`);
    await expect
      .poll(() => app.evaluate(() => (globalThis as { fieldnotesDownloads?: boolean[] }).fieldnotesDownloads))
      .toEqual([true]);
  } finally {
    await app.close();
  }
});

test('every permission request is denied', async () => {
  const { app, page } = await launch();
  try {
    const answers = await page.evaluate(`(async () => ({
      notification: await Notification.requestPermission(),
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      camera: await navigator.mediaDevices.getUserMedia({ video: true }).then(() => 'granted', () => 'denied'),
    }))()`);
    expect(answers).toEqual({ notification: 'denied', geolocation: 'denied', camera: 'denied' });
  } finally {
    await app.close();
  }
});

test('the IPC sender check refuses a page that is not ours, even with our preload', async () => {
  const { app, page } = await launch();
  try {
    // A foreign window with the real preload: the bridge exists, but the shell refuses its calls.
    const foreign = await app.evaluate(async ({ BrowserWindow }, preload) => {
      const win = new BrowserWindow({ show: false, webPreferences: { preload, sandbox: true, contextIsolation: true } });
      await win.loadURL('data:text/html,<title>foreign</title>');
      const answer = await win.webContents.executeJavaScript("window.fieldnotes.invoke('app.info', {})");
      win.destroy();
      return answer as { ok: boolean; error?: { code: string; message: string } };
    }, PRELOAD);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: /did not come from a Fieldnotes window/ } });
    // Our own page is answered.
    expect(await invoke(page, 'app.info')).toMatchObject({ ok: true, value: { host: 'electron', nativeDialogs: true } });
    // And never by a typed path: the desktop app refuses workspace.open with a path from the page.
    const typed = await invoke(page, 'workspace.open', { path: join(tmpdir(), 'typed.fieldnotes') });
    expect(typed).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  } finally {
    await app.close();
  }
});

test('a second launch with a workspace file focuses the first window, which opens the file', async () => {
  const { app, page, userData } = await launch();
  try {
    const file = await withWorkspace(page, app, 'Handed over');
    expect((await invoke(page, 'workspace.close')).ok).toBe(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: /evidence for your review/i })).toBeVisible();
    // The second instance finds the lock taken, hands its argv to the first and quits.
    const second = spawn(binary.path!, [ROOT, `--user-data-dir=${userData}`, ...rootArgs(), file], {
      cwd: ROOT,
      env: { ...process.env, ...display() },
      stdio: 'ignore',
    });
    const exit = await new Promise<number | null>((done) => second.on('exit', done));
    expect(exit).toBe(0);
    await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Handed over');
    expect(await invoke(page, 'workspace.current')).toMatchObject({ ok: true, value: { path: file } });
  } finally {
    await app.close();
  }
});

test('closing with text that cannot be saved asks, and keeping the window keeps it', async () => {
  const { app, page } = await launch();
  try {
    await withWorkspace(page, app, 'Closing');
    await page.reload();
    const engagement = await invoke(page, 'engagements.create', { title: 'Site visit', type: 'site_visit', date: '2018-07-12' });
    expect(engagement.ok).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: 'Site visit', exact: true }).click();
    await page.getByRole('button', { name: /Start taking notes/ }).click();
    const editor = page.getByRole('textbox', { name: /—/ }).first();
    await editor.click();
    // From here every save fails, as on a full disk: the text exists only in the window.
    await app.evaluate(({ ipcMain }) => {
      ipcMain.removeHandler('fieldnotes:invoke');
      ipcMain.handle('fieldnotes:invoke', () => ({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full.' } }));
    });
    await page.keyboard.type('Words that are not on disk yet');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    const ask = page.getByRole('dialog', { name: 'Some notes are not saved' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Keep the window open' }).click();
    await page.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await expect(editor).toContainText('Words that are not on disk yet');
  } finally {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.destroy())).catch(() => {});
    await app.close().catch(() => {});
  }
});

test('printToPDF makes a PDF with a document outline from the headings', async () => {
  const { app, page } = await launch();
  try {
    await expect(page.getByRole('heading', { name: /who is taking notes/i })).toBeVisible();
    const base64 = await app.evaluate(async ({ BrowserWindow }) => {
      const pdf = await BrowserWindow.getAllWindows()[0]!.webContents.printToPDF({ generateDocumentOutline: true, generateTaggedPDF: true });
      return pdf.toString('base64');
    });
    const bytes = Buffer.from(base64, 'base64').toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toMatch(/\/Outlines/);
  } finally {
    await app.close();
  }
});
