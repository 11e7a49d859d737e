import { join } from 'node:path';
import { FieldnotesApp } from './support/app';
import { expect, test } from './support/fixtures';
import { NotesPage } from './support/notes';
import { commitsWhileIdle, countReactCommits, reactCommits } from './support/renders';

// A page left alone should not render: a handful of commits (a timer, a late reply) at most.
const IDLE_COMMITS = 5;

test('an idle engagement page does not keep rendering or fetching; a save of text alone refetches nothing there', async ({ page, host }) => {
  await countReactCommits(page);
  const calls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/rpc') calls.push((request.postDataJSON() as { method: string }).method);
  });
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Topol review', join(host.workspaces, 'idle.fieldnotes'));
  expect(await reactCommits(page), 'the hook sees commits').toBeGreaterThan(0);
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('The reading centre triages OCT scans.');
  await notes.saved();
  await page.waitForTimeout(500); // let the save's own renders finish
  calls.length = 0;
  expect(await commitsWhileIdle(page, 2_000)).toBeLessThanOrEqual(IDLE_COMMITS);
  expect(calls, 'calls while idle').toEqual([]);
  // The codebook, the notes and the participants on this page rest on nothing a save of text alone changes (issue 7).
  await page.keyboard.type(' Radiographers read them first.');
  await notes.saved();
  await page.waitForTimeout(300);
  expect(calls.filter((m) => m !== 'notes.save'), 'calls after saving text alone').toEqual([]);
});

test('the command palette opens on every area and on an engagement page; no area renders while idle', async ({ page, host }) => {
  await countReactCommits(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer();
  await app.createWorkspace('Topol review', join(host.workspaces, 'palette.fieldnotes'));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await notes.startNote();

  const areas = page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button');
  const names = (await areas.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
  expect(names.length).toBeGreaterThan(3);
  // First on the engagement page just opened, then on every area's own screen.
  for (const name of ['(engagement page)', ...names]) {
    if (name !== '(engagement page)') {
      await areas.filter({ hasText: name }).click();
      await expect(page.locator('#area-title')).toBeVisible();
      await page.waitForTimeout(300);
      expect(await commitsWhileIdle(page, 1_000), `commits while ${name} is idle`).toBeLessThanOrEqual(IDLE_COMMITS);
    }
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: /command/i });
    await expect(palette, `palette on ${name}`).toBeVisible();
    await expect(palette.getByRole('combobox')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    await expect(page.locator('#area-title'), `the window still shows ${name}`).toBeVisible();
  }
  expect(errors).toEqual([]);
});
