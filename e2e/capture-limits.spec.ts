/**
 * Capture at its limits: a huge paste, and a disk that fills up mid-note.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldnotesApp } from './support/app';
import { expect, test } from './support/fixtures';
import { NotesPage } from './support/notes';

async function noteOpen(app: FieldnotesApp, notes: NotesPage, path: string) {
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Limits', path);
  await app.addEngagement('Call for evidence', 'Written submission', '2018-10-02');
  await notes.startNote();
}

test('a 5 MB paste stays responsive, saves, and survives a reload', async ({ page, host }) => {
  test.setTimeout(120_000);
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await noteOpen(app, notes, join(host.workspaces, 'paste.fieldnotes'));
  await notes.editor().click();

  const paragraph = 'The trust told us that digital skills training is patchy and that staff learn on the job. '.repeat(8);
  const lines = Math.ceil((5 * 1024 * 1024) / (paragraph.length + 1));
  const started = Date.now();
  // A paste event as the clipboard delivers it (page code as text: specs compile without DOM types).
  await page.evaluate(`(() => {
    const text = Array.from({ length: ${lines} }, () => ${JSON.stringify(paragraph)}).join('\\n');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  // Still responsive: a keystroke after the paste shows up.
  await page.keyboard.type(' END');
  await expect(notes.editor()).toContainText('END', { timeout: 30_000 });
  await notes.saved();
  const seconds = (Date.now() - started) / 1000;
  const expectedWords = lines * 17 * 8 + 1;
  await expect(page.locator('.word-count')).toHaveText(`${expectedWords.toLocaleString('en-GB')} words`);
  console.log(`5 MB paste (${lines} paragraphs, ${expectedWords} words): pasted, typed after and saved in ${seconds.toFixed(1)} s`);

  await page.reload();
  await notes.openEngagement('Call for evidence');
  await expect(page.getByRole('button', { name: /^Call for evidence, 2 October 2018/ })).toContainText(`${expectedWords.toLocaleString('en-GB')} words`);
});

/** A real, tiny file system: the only honest way to fill a disk under the app. */
function mountTinyDisk(): { folder: string; unmount: () => void } | null {
  const folder = mkdtempSync(join(tmpdir(), 'fieldnotes-tinydisk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', folder]);
  if (mounted.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    return null;
  }
  return {
    folder,
    unmount: () => {
      spawnSync('umount', [folder]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

// Mounted in the worker only (not when the runner lists tests), and always unmounted.
let disk: ReturnType<typeof mountTinyDisk> = null;
test.beforeAll(() => {
  if (process.getuid?.() === 0) disk = mountTinyDisk();
});
test.afterAll(() => disk?.unmount());

test('a full disk: the edit is kept on screen, the reviewer is told, and it saves once there is room', async ({ page, host }) => {
  test.skip(!disk, 'mounting a tiny tmpfs needs root; not run here');
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  const folder = join(disk!.folder, 'review');
  mkdirSync(folder);
  await app.goto(host.url);
  await noteOpen(app, notes, join(folder, 'full.fieldnotes'));
  await notes.editor().click();
  await page.keyboard.type('Before the disk filled up. ');
  await notes.saved();

  // Fill every remaining byte.
  const filler = join(disk!.folder, 'filler.bin');
  spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
  // Saves are small patches, and the log reuses its own frames once checkpointed: a save that fits in the log's
  // present size would find room on a full disk. Write more than the log holds (plus a margin), so the next save
  // must grow it and meets the full disk whenever the idle checkpoint happens to run.
  const log = join(folder, 'full.fieldnotes-wal');
  const logBytes = existsSync(log) ? statSync(log).size : 0;
  const line = 'Typed while the disk was full, and not to be lost. ';
  await page.keyboard.insertText(line.repeat(Math.ceil((logBytes + 256 * 1024) / line.length)));
  const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(alert).toContainText('disk is full');
  await expect(notes.editor()).toContainText('Typed while the disk was full');

  rmSync(filler);
  await expect(alert).toBeHidden({ timeout: 20_000 });
  await notes.saved();
  await page.reload();
  await notes.openEngagement('Call for evidence');
  await expect(notes.editor()).toContainText('Typed while the disk was full, and not to be lost.');
  execFileSync('sync');
});
