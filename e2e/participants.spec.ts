import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import type { RunningHost } from './support/host';
import { ParticipantsScreen, type ParticipantInput } from './support/participants';

const SCREENS = join(__dirname, '../.tmp/screens');
mkdirSync(SCREENS, { recursive: true });

// Leave the page before the host stops: an open event stream can reconnect while the host closes
// and keep its server.close() waiting (the host's close does not drop open connections).
test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

async function workspaceWithEngagement(app: FieldnotesApp, host: RunningHost, file: string) {
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(host.workspaces, file));
  await app.addEngagement('Moorfields Eye Hospital', 'Site visit', '2018-06-19');
}

/** Call the core directly, as the renderer does, for set-up the UI under test does not own. */
async function rpc(request: APIRequestContext, host: RunningHost, method: string, input: unknown) {
  const token = new URL(host.url).searchParams.get('token')!;
  const response = await request.post(`${host.origin}/rpc`, { headers: { 'x-fieldnotes-token': token }, data: { method, input } });
  const result = (await response.json()) as { ok: boolean; value: unknown };
  expect(result.ok, `${method} failed: ${JSON.stringify(result)}`).toBe(true);
  return result.value;
}

test('add two participants with consent and a custom attribute, filter the list, reload: all there', async ({ page, host, request }) => {
  const app = new FieldnotesApp(page);
  const people = new ParticipantsScreen(page);
  await workspaceWithEngagement(app, host, 'participants.fieldnotes');
  await people.open();
  await expect(page.getByText('No participants yet')).toBeVisible();

  await people.defineAttribute('Band', 'Choice from a list', ['Band 5', 'Band 6', 'Band 7']);
  await people.defineAttribute('Years in post', 'Number');
  await page.getByRole('dialog', { name: 'Custom attributes' }).getByRole('button', { name: 'Done' }).click();

  await people.add({
    staffGroup: 'Doctor',
    role: 'Consultant ophthalmologist',
    organisationType: 'Acute trust',
    region: 'London',
    consent: 'Quotable anonymously',
    consentDate: '2018-06-19',
    realName: 'Amina Shah',
    attributes: { Band: 'Band 7', 'Years in post': '12' },
  });

  // A number attribute refuses words, saying which attribute and what it takes; nothing is saved.
  await page.getByRole('button', { name: /^New participant/ }).click();
  await people.fill(people.newDialog(), { staffGroup: 'Nurse', role: 'Ward sister', consent: 'Not for quotation', attributes: { Band: 'Band 6', 'Years in post': 'twelve' } });
  await people.newDialog().getByRole('button', { name: 'Add participant' }).click();
  await expect(people.newDialog().getByRole('alert')).toHaveText('“Years in post” must be a number, such as 12 or 3.5.');
  await people.newDialog().getByLabel('Years in post').fill('');
  await people.newDialog().getByRole('button', { name: 'Add participant' }).click();
  await expect(people.newDialog()).toBeHidden();

  await expect.poll(() => people.codes()).toEqual(['P001', 'P002']);
  await expect(people.row('P001')).toContainText('Quotable anonymously');
  await expect(people.row('P001')).toContainText('Band: Band 7 · Years in post: 12');
  await expect(people.row('P002')).toContainText('Not for quotation');
  // The real name is private: never in the list.
  await expect(page.getByRole('main')).not.toContainText('Amina');

  const filters = people.filters();
  await filters.getByLabel('Consent').selectOption({ label: 'Not for quotation' });
  await expect.poll(() => people.codes()).toEqual(['P002']);
  await expect(page.getByRole('status').filter({ hasText: 'participants' })).toHaveText('Showing 1 of 2 participants.');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Staff group').selectOption({ label: 'Doctor' });
  await expect.poll(() => people.codes()).toEqual(['P001']);
  await filters.getByLabel('Staff group').selectOption({ label: 'Any staff group' });
  await filters.getByLabel('Attribute').selectOption({ label: 'Band' });
  await filters.getByLabel('Band is').selectOption({ label: 'Band 6' });
  await expect.poll(() => people.codes()).toEqual(['P002']);
  await filters.getByLabel('Band is').selectOption({ label: 'Band 5' });
  await expect(page.getByText('No participant matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'clear them all' }).click();
  await filters.getByLabel('Search').fill('ward');
  await expect.poll(() => people.codes()).toEqual(['P002']);
  await filters.getByLabel('Search').fill('');

  // Who took part where: link P002 to the visit (the engagement page's panel does this), then filter by it.
  const [visit] = (await rpc(request, host, 'engagements.list', {})) as { id: string }[];
  const listed = (await rpc(request, host, 'participants.list', {})) as { id: string; code: string }[];
  await rpc(request, host, 'participants.linkEngagement', { participantId: listed[1]!.id, engagementId: visit!.id });

  await page.reload();
  await people.open();
  await expect.poll(() => people.codes()).toEqual(['P001', 'P002']);
  await people.filters().getByLabel('Engagement').selectOption({ label: 'Moorfields Eye Hospital' });
  await expect.poll(() => people.codes()).toEqual(['P002']);
  await expect(people.row('P002').getByRole('cell').nth(4)).toHaveText('1');

  // Only the participant's own edit dialog shows the real name.
  const dialog = await people.edit('P002');
  await expect(dialog.getByLabel('Real name (private)')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await people.filters().getByRole('button', { name: 'Clear filters' }).click();
  const doctor = await people.edit('P001');
  await expect(doctor.getByLabel('Real name (private)')).toHaveValue('Amina Shah');
  await expect(doctor.getByRole('radio', { name: 'Quotable anonymously' })).toBeChecked();
  await expect(doctor.getByLabel('Band', { exact: true })).toHaveValue('Band 7');
  await doctor.getByRole('radio', { name: 'Quotable with attribution' }).check();
  await doctor.getByRole('button', { name: 'Save changes' }).click();
  await expect(people.row('P001')).toContainText('Quotable with attribution');
});

test('keyboard: the shortcut opens the dialog, a participant is added and deleted without the mouse', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const people = new ParticipantsScreen(page);
  await workspaceWithEngagement(app, host, 'keyboard.fieldnotes');
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /^New participant/ })).toContainText('Ctrl+Shift+P');

  await page.keyboard.press('Control+Shift+P');
  const dialog = people.newDialog();
  await expect(dialog.getByLabel('Staff group')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Community midwife');
  await page.keyboard.press('Enter'); // submit with no staff group chosen
  await expect(dialog.getByRole('alert')).toContainText('Choose a staff group');
  await expect(dialog.getByLabel('Staff group')).toBeFocused();
  await page.keyboard.press('m'); // a closed select takes the first option starting with M: Midwife
  await expect(dialog.getByLabel('Staff group')).toHaveValue('midwife');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => people.codes()).toEqual(['P001']);
  await expect(people.row('P001')).toContainText('Not for quotation'); // the safe default

  await page.getByRole('button', { name: 'Edit P001', exact: true }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit participant P001' });
  await edit.getByRole('button', { name: 'Delete…' }).focus();
  await page.keyboard.press('Enter');
  await expect(edit.getByRole('button', { name: 'Keep P001' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(page.getByText('No participants yet')).toBeVisible();
  await page.keyboard.press('Control+Shift+P');
  await people.newDialog().getByLabel('Staff group').selectOption({ label: 'Pharmacist' });
  await people.newDialog().getByRole('button', { name: 'Add participant' }).click();
  await expect.poll(() => people.codes()).toEqual(['P002']); // P001 is never given to anyone else
});

test('accessibility: the participants screen and its dialogs have no serious violations', async ({ page, host }) => {
  const app = new FieldnotesApp(page);
  const people = new ParticipantsScreen(page);
  await workspaceWithEngagement(app, host, 'axe.fieldnotes');
  await people.open();
  await expect(page.getByText('No participants yet')).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'participants-empty-light.png') });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Custom attributes' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await people.defineAttribute('Band', 'Choice from a list', ['Band 5', 'Band 6']);
  await page.getByRole('dialog', { name: 'Custom attributes' }).getByRole('button', { name: 'Remove Band' }).click();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^New participant/ }).click();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await people.add({ staffGroup: 'Nurse', role: 'Ward sister', consent: 'Quotable anonymously', attributes: { Band: 'Band 6' } });
  await people.add({ staffGroup: 'Patient or public', consent: 'Not for quotation' });
  await people.filters().getByLabel('Attribute').selectOption({ label: 'Band' });
  expect(await axeViolations(page)).toEqual([]);
  const dialog = await people.edit('P001');
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Delete…' }).click();
  expect(await axeViolations(page)).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the participants screen and dialog (${scheme})`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new FieldnotesApp(page);
    const people = new ParticipantsScreen(page);
    await workspaceWithEngagement(app, host, `shots-${scheme}.fieldnotes`);
    await people.open();
    await people.defineAttribute('Band', 'Choice from a list', ['Band 5', 'Band 6', 'Band 7', 'Band 8a']);
    await people.defineAttribute('Years in post', 'Number');
    await page.getByRole('dialog', { name: 'Custom attributes' }).getByRole('button', { name: 'Done' }).click();
    const cast: ParticipantInput[] = [
      { staffGroup: 'Doctor', role: 'Consultant ophthalmologist', organisationType: 'Acute trust', region: 'London', consent: 'Quotable anonymously', attributes: { 'Years in post': '14' } },
      { staffGroup: 'Allied health professional', role: 'Reporting radiographer', organisationType: 'Acute trust', region: 'North West', consent: 'Quotable with attribution', attributes: { Band: 'Band 7' } },
      { staffGroup: 'Nurse', role: 'Ward sister', organisationType: 'Community trust', region: 'Midlands', consent: 'Not for quotation', attributes: { Band: 'Band 6', 'Years in post': '9' } },
      { staffGroup: 'Healthcare scientist', role: 'Clinical bioinformatician', organisationType: 'University', region: 'East of England', consent: 'Quotable anonymously' },
      { staffGroup: 'Patient or public', role: 'Patient representative', consent: 'Quotable anonymously' },
      { staffGroup: 'Digital/IT', role: 'Chief clinical information officer', organisationType: 'Acute trust', region: 'South West', consent: 'Quotable with attribution' },
    ];
    for (const p of cast) await people.add(p);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SCREENS, `participants-${scheme}.png`) });
    await people.edit('P003');
    await page.screenshot({ path: join(SCREENS, `participants-dialog-${scheme}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Custom attributes' }).click();
    await page.screenshot({ path: join(SCREENS, `participants-attributes-${scheme}.png`) });
  });
}
