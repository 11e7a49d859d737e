/**
 * Never lose a word: type continuously, SIGKILL the process holding the core
 * at a random moment, restart it, and measure what was lost. The renderer's
 * autosave promises at most ~0.5 s (max wait) plus one save; the bar here is 1 s.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seededRandom, testSeed } from '../src/main/core/testing/seededRandom';
import { inspectWorkspace } from '../src/main/core/workspace/workspace';
import { FieldnotesApp } from './support/app';
import { expect, test } from './support/fixtures';
import { startHost, type RunningHost } from './support/host';
import { NotesPage } from './support/notes';
import { noteTextSql } from '../src/main/core/store/noteBlocks';

// Ten in `npm test` keeps the suite inside CI's time; the core's own writer test (hostile.test.ts) is killed fifty times.
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
// The kill times are drawn from a printed seed: FIELDNOTES_SEED=<seed> replays a failing run.
const SEED = testSeed();
const KEY_INTERVAL_MS = 25; // 40 characters a second: faster than any note-taker
const WORDS = 'radiographers need structured training before ai triage is introduced across the network '.split(' ');

function storedText(file: string): string {
  // The killed process held SQLite's lock; the OS released it. Opening replays the WAL.
  const db = new Database(file, { fileMustExist: true });
  try {
    const row = db.prepare(`SELECT ${noteTextSql('notes.id')} AS plain_text FROM notes LIMIT 1`).get() as { plain_text: string };
    return row.plain_text;
  } finally {
    db.close();
  }
}

test('SIGKILL while typing loses at most about a second, every time', async ({ page, host: firstHost }) => {
  test.setTimeout(60_000 + KILLS * 15_000);
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  const file = join(firstHost.workspaces, 'crash.fieldnotes');
  await app.goto(firstHost.url);
  await app.introduceReviewer('Crash Tester', 'CT');
  await app.createWorkspace('Crash test', file);
  await app.addEngagement('Typing under fire', 'Interview', '2018-11-01');
  await notes.startNote();

  console.log(`crash test: seed ${SEED} (FIELDNOTES_SEED=${SEED} replays these kill times)`);
  const nextRandom = seededRandom(SEED);
  let host: RunningHost = firstHost;
  let stored = '';
  const losses: { ms: number; chars: number }[] = [];
  try {
    for (let round = 0; round < KILLS; round++) {
      const editor = notes.editor();
      await editor.click();
      await page.keyboard.press('Control+End');
      // Never before 1.2 s: the autosave's maximum wait (0.5 s) has passed, so a save was due and the text must grow.
      const killAfter = 1200 + nextRandom() * 1600;
      const started = Date.now();
      let typedBeforeKill = -1;
      let killedAt = 0;
      const killing = new Promise<void>((resolve) =>
        setTimeout(() => {
          killedAt = Date.now();
          void host.kill().then(resolve);
        }, killAfter),
      );
      let typed = '';
      for (let i = 0; Date.now() - started < killAfter + 300; i++) {
        const word = `${WORDS[i % WORDS.length]} `;
        for (const ch of word) {
          if (killedAt && typedBeforeKill < 0) typedBeforeKill = typed.length;
          await page.keyboard.type(ch);
          typed += ch;
          await page.waitForTimeout(KEY_INTERVAL_MS);
        }
      }
      await killing;
      const msPerChar = (killedAt - started) / Math.max(typedBeforeKill, 1);

      const report = inspectWorkspace(file); // throws if the file fails its integrity check
      expect(report.integrity, `round ${round} (seed ${SEED}): integrity`).toEqual(['ok']);
      expect(report.foreignKeyProblems, `round ${round} (seed ${SEED}): foreign keys`).toBe(0);
      const now = storedText(file);
      expect(now.startsWith(stored), 'nothing saved earlier may be lost or changed').toBe(true);
      // A build that saved nothing would pass "lost at most a second" when the kill came early;
      // every round types well past the autosave's maximum wait, so the stored text must grow.
      expect(now.length, `round ${round} (seed ${SEED}): the stored text grew since the last kill`).toBeGreaterThan(stored.length);
      const savedThisRound = now.slice(stored.length);
      expect(typed.startsWith(savedThisRound), 'what was saved is exactly what was typed').toBe(true);
      const lostChars = Math.max(0, typedBeforeKill - savedThisRound.length);
      losses.push({ chars: lostChars, ms: Math.round(lostChars * msPerChar) });
      stored = now;

      host = await startHost(firstHost.data);
      await page.goto(host.url);
      await page.getByRole('button', { name: /^Crash test/ }).click();
      await notes.openEngagement('Typing under fire');
      await expect(notes.editor()).toContainText(stored.trim().slice(-20));
    }
  } finally {
    if (host !== firstHost) await host.stop();
  }

  const sorted = [...losses].sort((a, b) => a.ms - b.ms);
  const worst = sorted[sorted.length - 1]!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `crash test (seed ${SEED}): ${losses.length} kills; lost per kill — median ${median.ms} ms (${median.chars} chars), worst ${worst.ms} ms (${worst.chars} chars); all: ${losses.map((l) => l.ms).join(', ')} ms`,
  );
  expect(worst.ms, 'the most typing lost to a crash').toBeLessThanOrEqual(1000);
});
