import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { startHost } from './support/host';

const SCREENS = join(__dirname, '../.tmp/screens');
mkdirSync(SCREENS, { recursive: true });

test('create a workspace, add an engagement, reload, restart the host: it is still there', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  const file = join(host.workspaces, 'Topol review.fieldnotes');
  await app.createWorkspace('Topol review', file);

  await expect(page.getByText('No engagements yet')).toBeVisible();
  await app.addEngagement('Moorfields Eye Hospital — AI in retinal imaging', 'Site visit', '2018-07-12');
  await app.backToEngagements();
  await expect(app.engagementRow('Moorfields Eye Hospital')).toContainText('Site visit');
  await expect(app.engagementRow('Moorfields Eye Hospital')).toContainText('12 Jul 2018');

  // A reload is a new renderer on the same core: the workspace stays open.
  await page.reload();
  await expect(app.engagementRow('Moorfields Eye Hospital')).toBeVisible();

  // Close the workspace, reopen it from the recent list.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('close workspace');
  await expect(page.getByRole('option', { name: /Close workspace/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const recent = page.getByRole('button', { name: /^Topol review/ });
  await expect(recent).toBeVisible();
  await recent.click();
  await expect(app.engagementRow('Moorfields Eye Hospital')).toBeVisible();

  // Stop the host process entirely and start a new one on the same folders.
  await host.stop();
  const again = await startHost(host.data);
  try {
    await page.goto(again.url);
    await expect(page.getByRole('heading', { name: /evidence for your review/i })).toBeVisible();
    await page.getByRole('button', { name: /^Topol review/ }).click();
    await expect(app.engagementRow('Moorfields Eye Hospital')).toContainText('Site visit');
  } finally {
    await again.stop();
  }
});

test('every action has a keyboard path: palette and shortcuts', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Grace Hopper', 'GH');

  await page.keyboard.press('Control+Shift+N');
  const create = page.getByRole('dialog', { name: 'Create workspace' });
  await expect(create.getByLabel('Workspace name')).toBeFocused();
  await page.keyboard.type('Keyboard review');
  await expect(create.getByLabel('Save as')).toHaveValue(join(host.workspaces, 'Keyboard review.fieldnotes'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Workspace areas' })).toContainText('Keyboard review');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('new eng');
  await expect(page.getByRole('option', { name: /New engagement/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Roundtable on genomics');
  await page.keyboard.press('Tab');
  await page.keyboard.press('r'); // selects "Roundtable" in the type list
  await page.keyboard.press('Tab'); // to the date, where Enter submits the form
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Roundtable on genomics', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(app.engagementRow('Roundtable on genomics')).toContainText('Roundtable');

  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'Themes', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Themes');
  await page.keyboard.press('Escape');
});

test('bad files get a clear message and are left untouched', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer();

  const notes = join(host.workspaces, 'notes.fieldnotes');
  writeFileSync(notes, 'These are my notes from the visit, not a workspace.\n');
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open workspace' });
  await dialog.getByLabel('Workspace file').fill(notes);
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not a Fieldnotes workspace');
  expect(readFileSync(notes, 'utf8')).toBe('These are my notes from the visit, not a workspace.\n');

  await dialog.getByLabel('Workspace file').fill(join(host.workspaces, 'missing.fieldnotes'));
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('There is no file at');
});

test('the core refuses calls without the token or with the wrong shape', async ({ host, request }) => {
  const noToken = await request.post(`${host.origin}/rpc`, { data: { method: 'app.info', input: {} } });
  expect(noToken.status()).toBe(403);
  const token = new URL(host.url).searchParams.get('token')!;
  const headers = { 'x-fieldnotes-token': token };
  const wrongShape = await request.post(`${host.origin}/rpc`, {
    headers,
    data: { method: 'engagements.create', input: { title: 42, type: 'party', date: 'yesterday' } },
  });
  expect(await wrongShape.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  const unknown = await request.post(`${host.origin}/rpc`, { headers, data: { method: 'fs.readFile', input: '/etc/passwd' } });
  expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
});

test('accessibility: first run, start screen, shell, dialogs and palette have no serious violations', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await expect(page.getByRole('heading', { name: /who is taking notes/i })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await app.introduceReviewer();
  expect(await axeViolations(page)).toEqual([]);
  await app.createWorkspace('Axe review', join(host.workspaces, 'axe.fieldnotes'));
  await app.addEngagement('Leeds workshop', 'Workshop', '2018-09-03');
  expect(await axeViolations(page)).toEqual([]); // the engagement's page, with its notes
  await app.backToEngagements();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /new engagement/i }).click();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  expect(await axeViolations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the start screen and the shell (${scheme})`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new FieldnotesApp(page);
    await app.goto(host.url);
    await app.introduceReviewer('Eric Topol', 'ET');
    await app.createWorkspace('Topol Review — AI and robotics panel', join(host.workspaces, `shots-${scheme}.fieldnotes`));
    await app.addEngagement('Moorfields Eye Hospital — machine learning reads eye scans', 'Site visit', '2018-06-19');
    await app.addEngagement('Roundtable: the genomics workforce', 'Roundtable', '2018-09-11');
    await app.addEngagement('Call for evidence: Royal College of Radiologists', 'Written submission', '2018-10-02');
    await app.backToEngagements();
    await page.screenshot({ path: join(SCREENS, `shell-${scheme}.png`) });
    await page.keyboard.press('Control+k');
    await page.screenshot({ path: join(SCREENS, `palette-${scheme}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+k');
    await page.keyboard.type('close workspace');
    await expect(page.getByRole('option', { name: /Close workspace/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /^Topol Review/ })).toBeVisible();
    await page.screenshot({ path: join(SCREENS, `start-${scheme}.png`) });
  });
}
