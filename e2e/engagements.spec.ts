import { join } from 'node:path';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { openReview } from './support/review';
import { screenBothModes } from './support/screens';

test('engagements: full details, a workspace’s own type, filters and sort, edit', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(host.workspaces, 'engagements.fieldnotes'));

  // Every field, and a new type of the workspace's own.
  await page.getByRole('button', { name: /new engagement/i }).click();
  const dialog = page.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Title').fill('Webinar with trainee radiographers');
  await dialog.getByLabel('Type', { exact: true }).selectOption({ label: 'Add a new type…' });
  await dialog.getByLabel('New type').fill('Webinar');
  await dialog.getByLabel('Date').fill('2018-11-20');
  await dialog.getByLabel('From').fill('14:00');
  await dialog.getByLabel('To').fill('15:30');
  await dialog.getByLabel('Organisation').fill('Health Education England');
  await dialog.getByLabel('Place').fill('Online');
  await dialog.getByLabel('Panel').fill('AI and robotics');
  await dialog.getByLabel('Reviewers present').fill('Eric Topol, Ada Lovelace');
  await dialog.getByLabel('Context').fill('Trainees asked how AI will change reporting.');
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add engagement' }).click();
  await expect(page.getByRole('heading', { name: 'Webinar with trainee radiographers', level: 1 })).toBeVisible();
  await expect(page.locator('.engagement-meta')).toHaveText('Webinar · 20 Nov 2018 · 14:00–15:30 · Health Education England · Online');

  // The end must come after the start.
  await page.getByRole('button', { name: 'Details' }).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await details.getByLabel('To').fill('13:00');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('alert')).toContainText('The end time must be after the start time');
  await details.getByLabel('To').fill('16:00');
  await details.getByLabel('Title').fill('Webinar with trainee radiographers (HEE)');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { name: 'Webinar with trainee radiographers (HEE)', level: 1 })).toBeVisible();
  await expect(page.locator('.engagement-meta')).toContainText('14:00–16:00');

  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
  await app.addEngagement('Genomics roundtable', 'Roundtable', '2018-09-11');
  await app.backToEngagements();

  const titles = () => page.locator('.list-table tbody tr td:first-child');
  await expect(titles()).toHaveText(['Webinar with trainee radiographers (HEE)', 'Genomics roundtable', 'Moorfields Eye Hospital']);
  const filters = page.getByRole('search', { name: 'Filter engagements' });
  await filters.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
  await expect(titles()).toHaveText(['Moorfields Eye Hospital', 'Genomics roundtable', 'Webinar with trainee radiographers (HEE)']);
  await filters.getByLabel('Type').selectOption({ label: 'Webinar' });
  await expect(titles()).toHaveText(['Webinar with trainee radiographers (HEE)']);
  await filters.getByLabel('Type').selectOption({ label: 'All types' });
  await filters.getByLabel('Organisation').fill('health education');
  await expect(titles()).toHaveText(['Webinar with trainee radiographers (HEE)']);
  await filters.getByLabel('Organisation').fill('');
  await filters.getByLabel('From').fill('2018-09-01');
  await filters.getByLabel('To').fill('2018-10-31');
  await expect(titles()).toHaveText(['Genomics roundtable']);
  await filters.getByLabel('Search').fill('nothing like this');
  await expect(page.getByText('No engagement matches these filters.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('1,600 engagements: a window of rows in the page, the keyboard to the last and back, search finds one', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  await openReview(page, host, app, 'many');
  const table = page.getByRole('table', { name: 'Engagements' });
  const rows = table.locator('tbody tr[aria-rowindex]');
  await expect(table).toHaveAttribute('aria-rowcount', '1604'); // the header, the small review's 3 and 1,600
  expect(await rows.count()).toBeLessThan(80);

  // One row in the Tab order; End goes to the last engagement, in view below the sticky header, its place announced.
  await rows.first().getByRole('button').focus();
  await page.keyboard.press('End');
  const lastName = { name: 'Listed engagement 0001', exact: true };
  const last = table.getByRole('button', lastName);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(rows.filter({ has: page.getByRole('button', lastName) })).toHaveAttribute('aria-rowindex', '1604');
  const header = (await table.locator('thead').boundingBox())!;
  expect((await last.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(await rows.count()).toBeLessThan(80);
  await page.keyboard.press('ArrowUp');
  await expect(table.getByRole('button', { name: 'Listed engagement 0002', exact: true })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(table.locator('tr[aria-rowindex="2"] button')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(table.locator('tr[aria-rowindex="2"] button')).not.toBeFocused();
  await page.keyboard.press('Home');
  expect(await axeViolations(page)).toEqual([]);
  await screenBothModes(page, 'engagements-1600');

  // Enter opens the focused engagement; the filters still narrow 1,600 to one.
  await page.getByRole('search', { name: 'Filter engagements' }).getByLabel('Search').fill('Listed engagement 0800');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Listed engagement 0800', level: 1 })).toBeVisible();
});
