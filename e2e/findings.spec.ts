import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/contract/methods';
import { FieldnotesApp } from './support/app';
import { axeViolations, expect, test } from './support/fixtures';
import { NotesPage } from './support/notes';

const SCREENS = join(__dirname, '../.tmp/screens');
mkdirSync(SCREENS, { recursive: true });

test.afterEach(async ({ page }) => {
  await page.goto('about:blank');
});

/**
 * Call the core as the page does (same host, same token): to set up evidence quickly. A connection per call:
 * a kept-alive socket left idle while the test types can be closed by the host (Node's keep-alive timeout) just
 * as the next call goes out on it — a "socket hang up" that says nothing about the app.
 */
async function rpc<M extends MethodName>(page: Page, hostUrl: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const url = new URL(hostUrl);
  const response = await page.request.post(`${url.origin}/rpc`, {
    headers: { 'x-fieldnotes-token': url.searchParams.get('token') ?? '', connection: 'close' },
    data: { method, input },
  });
  const result = (await response.json()) as { ok: boolean; value: MethodOutput<M>; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** Axe in light and in dark (contrast differs), with a screenshot of each to look at. */
async function screens(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `${name}, ${scheme}`).toEqual([]);
    await page.screenshot({ path: join(SCREENS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('matrix summaries, a finding from three passages with CERQual, a recommendation citing it — all there after a reload; passage to finding and back', async ({
  page,
  host,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new FieldnotesApp(page);
  const notes = new NotesPage(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(host.workspaces, 'findings.fieldnotes'));
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => rpc(page, host.url, method, input);

  // Evidence, set up through the core: two themes, a nurse and a doctor (not for quotation), a visit with a note.
  const ai = await call('themes.create', { name: 'AI triage' });
  const training = await call('themes.create', { name: 'Training' });
  await call('participants.create', { staffGroup: 'nurse', consent: 'anonymous' });
  await call('participants.create', { staffGroup: 'doctor', consent: 'none' });
  await call('engagements.create', { title: 'Moorfields Eye Hospital', type: 'site_visit', date: '2018-06-19' });
  await page.reload();
  await notes.openEngagement('Moorfields Eye Hospital');
  await notes.startNote();
  await notes.editor().click();
  await page.keyboard.type('P001: Nurses need protected time for training.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('P002: AI triage reads scans before we do.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('P001: Training must come before AI triage.');
  await notes.saved();
  await app.backToEngagements();
  const tag = async (phrase: string, themeIds: string[]) => {
    const hit = (await call('search.query', { query: `"${phrase}"` })).hits[0]!;
    return call('passages.createFromRange', { noteId: hit.source.noteId, start: hit.start, end: hit.end, themeIds });
  };
  await tag('protected time for training', [training.id]);
  await tag('AI triage reads scans', [ai.id]);
  await tag('Training must come before', [training.id, ai.id]);

  // The matrix: themes × staff groups, counts always shown.
  await page.keyboard.press('Control+5');
  await page.getByRole('tab', { name: 'Matrix' }).click();
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('gridcell', { name: 'Training, Nurse: 2 passages, 1 participant', exact: true })).toHaveText('2 · 1');
  await expect(grid.getByRole('gridcell', { name: 'AI triage, Doctor: 1 passage, 1 participant', exact: true })).toHaveText('1 · 1');

  // First summary: open the cell with the mouse, write, leave the field.
  await grid.getByRole('gridcell', { name: /^Training, Nurse/ }).click();
  const pane = page.getByRole('complementary', { name: /Training × Nurse|Training by Nurse/ });
  await expect(pane.getByRole('listitem')).toHaveCount(2);
  await pane.getByLabel('Summary of this cell').fill('Nurses want protected time before training.');
  await pane.getByLabel('Summary of this cell').press('Control+Enter');
  await expect(pane.getByRole('status').first()).toContainText('Written by Ada Lovelace');

  // Second summary by keyboard: arrows move, typing starts the summary.
  const aiNurse = grid.getByRole('gridcell', { name: /^AI triage, Nurse/ });
  await grid.getByRole('gridcell', { name: /^Training, Nurse/ }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(aiNurse).toBeFocused();
  await page.keyboard.type('Nurses meet AI triage at the end of the pathway.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('complementary', { name: /AI triage/ }).getByLabel('Summary of this cell')).toHaveValue(
    'Nurses meet AI triage at the end of the pathway.',
  );
  await expect(page.getByRole('complementary', { name: /AI triage/ }).getByRole('status').first()).toContainText('Written by Ada Lovelace');
  // Enter opens the focused cell (doctors' column is left of nurses').
  await aiNurse.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(grid.getByRole('gridcell', { name: /^AI triage, Doctor/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: /AI triage × Doctor|AI triage by Doctor/ }).getByRole('listitem')).toHaveCount(1);
  // The doctor may not be quoted: the cell's passage carries the same consent sign as the passage bar and theme view.
  await expect(page.getByRole('complementary', { name: /AI triage × Doctor|AI triage by Doctor/ }).getByRole('listitem')).toContainText('⊘ P002 not for quotation');
  await screens(page, 'matrix');

  // A finding from three passages: start it from the open cell's passage, add one from another cell and one from search.
  await page.getByRole('complementary', { name: /AI triage/ }).getByRole('button', { name: 'Add to finding…' }).first().click();
  const picker = page.getByRole('dialog', { name: /Add passage to a finding/ });
  await picker.getByLabel('Statement').fill('Nurses need protected time for training before AI triage is introduced.');
  await picker.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { name: /F1/, level: 2 })).toBeVisible();
  // Started from a cell of the AI triage row, it is filed under AI triage.
  await expect(page.getByRole('list', { name: 'Themes of this finding' })).toContainText('AI triage');
  await page.keyboard.press('Control+5');
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await grid.getByRole('gridcell', { name: /^Training, Nurse/ }).click();
  await page.getByRole('complementary', { name: /Training/ }).getByRole('listitem').first().getByRole('button', { name: 'Add to finding…' }).click();
  await picker.getByRole('radio', { name: /F1/ }).check();
  await picker.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(picker).toBeHidden();
  // The third from a search hit: a match inside a tagged passage goes to a finding as it is.
  await page.getByRole('tab', { name: 'Search' }).click();
  await page.getByLabel('Search notes and memos').fill('"come before"');
  await page.getByRole('listitem').filter({ hasText: 'come before' }).getByRole('button', { name: 'Add to finding…' }).click();
  await picker.getByRole('radio', { name: /F1/ }).check();
  await picker.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(picker).toBeHidden();

  // The co-occurrence grid and coverage, looked at.
  await page.getByRole('tab', { name: 'Co-occurrence' }).click();
  await expect(page.getByRole('button', { name: 'AI triage and Training: 1 passage with both' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'AI triage and Training: 1 passage with both' }).first().click();
  await expect(page.getByRole('complementary', { name: /passages with both/ }).getByRole('listitem')).toHaveCount(1);
  await screens(page, 'cooccurrence');
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByRole('figure', { name: /Staff groups|staff group/ })).toBeVisible();
  await screens(page, 'coverage');

  // The Findings area: three passages, spread and warnings, then the CERQual assessment.
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /^F1/ }).click();
  const finding = page.getByRole('article', { name: /F1/ });
  await expect(finding.locator('.evidence')).toHaveCount(3);
  await expect(finding).toContainText('3 passages from 2 participants in 2 staff groups, across 1 engagement');
  await expect(finding.getByRole('list', { name: 'Warnings' })).toContainText('rests on one engagement only');
  await expect(finding.getByRole('list', { name: 'Warnings' })).toContainText('may not be quoted');
  await expect(finding.locator('.evidence').filter({ hasText: 'AI triage reads scans' })).toContainText('⊘ P002 not for quotation');
  const cerqual = finding.getByRole('form', { name: 'GRADE-CERQual assessment' });
  await cerqual.getByRole('group', { name: 'Methodological limitations' }).getByLabel('Concern').selectOption('minor');
  await cerqual.getByRole('group', { name: 'Methodological limitations' }).getByLabel('Note').fill('Live notes, not recordings.');
  await cerqual.getByRole('group', { name: 'Coherence' }).getByLabel('Concern').selectOption('none');
  await cerqual.getByRole('group', { name: 'Adequacy' }).getByLabel('Concern').selectOption('moderate');
  await cerqual.getByRole('group', { name: 'Adequacy' }).getByLabel('Note').fill('Two participants at one site.');
  await cerqual.getByRole('group', { name: 'Relevance' }).getByLabel('Concern').selectOption('none');
  await cerqual.getByRole('group', { name: 'Overall confidence' }).getByLabel('Confidence').selectOption('moderate');
  await cerqual.getByRole('group', { name: 'Overall confidence' }).getByLabel('Explanation').fill('Moderate concerns about adequacy.');
  await cerqual.getByRole('button', { name: 'Save assessment' }).click();
  await expect(finding.getByRole('form', { name: 'GRADE-CERQual assessment' }).getByRole('status')).toContainText(/Assessment saved|Assessed by Ada Lovelace/);
  await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
  await screens(page, 'findings');
  // Every action is in the palette too (issue 8): the open finding's status.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('mark f1 as agreed');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /F1/, level: 2 })).toContainText('Agreed');

  // A recommendation citing it, for healthcare professionals.
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  await page.getByRole('button', { name: 'Add a recommendation for healthcare professionals' }).click();
  await page.getByLabel('Recommendation').fill('Protect learning time for nurses before AI triage is introduced.');
  await page.getByRole('checkbox', { name: /F1/ }).check();
  await page.getByRole('button', { name: 'Add recommendation' }).click();
  await expect(page.getByRole('region', { name: 'Healthcare professionals' })).toContainText('Rests on F1');
  await screens(page, 'recommendations');
  // From the palette too: the next recommendation's form opens in its group, its text field ready.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('add a recommendation for the health system');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'The health system' }).getByLabel('Recommendation')).toBeFocused();
  await page.getByRole('region', { name: 'The health system' }).getByRole('button', { name: 'Cancel' }).click();

  // Reload: everything is still there.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Findings/ }).click();
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  await expect(page.getByRole('region', { name: 'Healthcare professionals' })).toContainText('Protect learning time for nurses');
  await expect(page.getByRole('region', { name: 'Healthcare professionals' })).toContainText('Rests on F1');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('button', { name: /^F1/ }).click();
  await expect(finding.locator('.evidence')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: /F1/, level: 2 })).toContainText('Agreed');
  const reloaded = finding.getByRole('form', { name: 'GRADE-CERQual assessment' });
  await expect(reloaded.getByRole('group', { name: 'Adequacy' }).getByLabel('Concern')).toHaveValue('moderate');
  await expect(reloaded.getByRole('group', { name: 'Adequacy' }).getByLabel('Note')).toHaveValue('Two participants at one site.');
  await expect(reloaded.getByRole('group', { name: 'Overall confidence' }).getByLabel('Confidence')).toHaveValue('moderate');
  await expect(reloaded.getByRole('status')).toContainText('Assessed by Ada Lovelace');
  await page.keyboard.press('Control+5');
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await grid.getByRole('gridcell', { name: /^Training, Nurse/ }).click();
  await expect(page.getByLabel('Summary of this cell')).toHaveValue('Nurses want protected time before training.');
  await grid.getByRole('gridcell', { name: /^AI triage, Nurse/ }).click();
  await expect(page.getByLabel('Summary of this cell')).toHaveValue('Nurses meet AI triage at the end of the pathway.');

  // From the finding to a passage in its note, where the passage bar names the finding, and back.
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /^F1/ }).click();
  await finding.locator('.evidence').first().getByRole('button', { name: 'Open in note' }).click();
  const bar = page.getByRole('region', { name: 'Passage at the cursor' });
  await expect(bar.getByRole('button', { name: /Open finding F1/ })).toBeVisible();
  // The passage at the cursor goes to a finding from the palette as well as from its bar.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Type a command' }).fill('add the passage at the cursor');
  await page.keyboard.press('Enter');
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('radio', { name: /F1/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await bar.getByRole('button', { name: /Open finding F1/ }).click();
  await expect(page.getByRole('article', { name: /F1/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible();
});

test('recommendations reorder by keyboard and by drag, are edited and deleted, their groups renamed and deleted — all kept after a reload', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new FieldnotesApp(page);
  await app.goto(host.url);
  await app.introduceReviewer('Ada Lovelace');
  await app.createWorkspace('Topol review', join(host.workspaces, 'recommendations.fieldnotes'));
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => rpc(page, host.url, method, input);
  const [, professionals] = await call('recommendations.list', {});
  for (const text of ['Protect learning time.', 'Teach data literacy.', 'Fund new roles.']) {
    await call('recommendations.create', { groupId: professionals!.id, text, findingIds: [] });
  }
  await page.reload();
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Findings/ }).click();
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  const group = page.getByRole('region', { name: 'Healthcare professionals' });
  const order = () => group.locator('.rec-text');

  // Keyboard: Alt+↓ moves R1 below R2, and the focus stays on R1 for the next move.
  const r1 = group.getByRole('button', { name: /^R1: move/ });
  await r1.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(order()).toHaveText(['Teach data literacy.', 'Protect learning time.', 'Fund new roles.']);
  await expect(r1).toBeFocused();

  // Drag: R3 dropped on the first recommendation goes first.
  await group.locator('.rec').filter({ hasText: 'Fund new roles.' }).dragTo(group.locator('.rec').first());
  await expect(order()).toHaveText(['Fund new roles.', 'Teach data literacy.', 'Protect learning time.']);

  await page.reload();
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Findings/ }).click();
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  await expect(order()).toHaveText(['Fund new roles.', 'Teach data literacy.', 'Protect learning time.']);

  // Edit a recommendation's words, delete one (it asks first), rename a group and delete an empty one.
  await group.getByRole('button', { name: 'Edit R1' }).click();
  const editing = group.getByLabel('Recommendation');
  await expect(editing).toBeFocused();
  await expect(editing).toHaveValue('Protect learning time.');
  await editing.fill('Protect learning time for nurses.');
  await screens(page, 'recommendation-edit');
  await group.getByRole('button', { name: 'Save recommendation' }).click();
  await expect(order()).toHaveText(['Fund new roles.', 'Teach data literacy.', 'Protect learning time for nurses.']);
  page.once('dialog', (d) => void d.accept());
  await group.getByRole('button', { name: 'Delete R2' }).click();
  await expect(order()).toHaveText(['Fund new roles.', 'Protect learning time for nurses.']);
  await page.getByRole('button', { name: 'Rename the group The health system' }).click();
  await page.getByLabel('Group name').fill('The NHS');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'The NHS' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Delete the empty group Healthcare/ })).toHaveCount(0); // not empty
  await page.getByRole('button', { name: 'Delete the empty group The citizen and patient' }).click();
  await expect(page.getByRole('region', { name: 'The citizen and patient' })).toHaveCount(0);
  await page.reload();
  await page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /Findings/ }).click();
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  await expect(page.locator('.rec-group h2')).toHaveText(['Healthcare professionals', 'The NHS']);
  await expect(order()).toHaveText(['Fund new roles.', 'Protect learning time for nurses.']);
});
