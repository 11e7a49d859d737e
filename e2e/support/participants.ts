import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { FieldnotesApp } from './app';
import type { RunningHost } from './host';

export interface ParticipantInput {
  staffGroup: string;
  role?: string;
  organisationType?: string;
  region?: string;
  /** The consent option's label, e.g. "Quotable anonymously". */
  consent?: string;
  consentDate?: string;
  realName?: string;
  /** Custom attribute values by the attribute's name (a choice by its label). */
  attributes?: Record<string, string>;
}

/** Page object for the Participants area and its dialogs. */
export class ParticipantsScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Workspace areas' }).getByRole('button', { name: /^Participants/ }).click();
    await expect(this.page.getByRole('heading', { name: 'Participants', level: 1 })).toBeVisible();
  }

  newDialog() {
    return this.page.getByRole('dialog', { name: 'New participant' });
  }

  /** Fill the participant form in whichever dialog is open. */
  async fill(dialog: ReturnType<Page['getByRole']>, p: Partial<ParticipantInput>): Promise<void> {
    if (p.staffGroup) await dialog.getByLabel('Staff group').selectOption({ label: p.staffGroup });
    if (p.role !== undefined) await dialog.getByLabel('Role').fill(p.role);
    if (p.organisationType !== undefined) await dialog.getByLabel('Organisation type').fill(p.organisationType);
    if (p.region !== undefined) await dialog.getByLabel('Region').fill(p.region);
    if (p.consent) await dialog.getByRole('radio', { name: p.consent }).check();
    if (p.consentDate) await dialog.getByLabel('Consent date').fill(p.consentDate);
    if (p.realName !== undefined) await dialog.getByLabel('Real name (private)').fill(p.realName);
    for (const [name, value] of Object.entries(p.attributes ?? {})) {
      const field = dialog.getByLabel(name, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  /** Add a participant through the dialog; returns the code the list shows for it. */
  async add(p: ParticipantInput): Promise<void> {
    await this.page.getByRole('button', { name: /^New participant/ }).click();
    const dialog = this.newDialog();
    await this.fill(dialog, p);
    await dialog.getByRole('button', { name: 'Add participant' }).click();
    await expect(dialog).toBeHidden();
  }

  async defineAttribute(name: string, kind: 'Text' | 'Number' | 'Choice from a list', choices: string[] = []): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Custom attributes' });
    if (!(await dialog.isVisible())) await this.page.getByRole('button', { name: 'Custom attributes' }).click();
    await dialog.getByLabel('Attribute name').fill(name);
    await dialog.getByLabel('Holds').selectOption({ label: kind });
    if (choices.length) await dialog.getByLabel('Choices').fill(choices.join('\n'));
    await dialog.getByRole('button', { name: 'Define attribute' }).click();
    await expect(dialog.getByRole('list', { name: 'Defined attributes' })).toContainText(name);
  }

  table() {
    return this.page.getByRole('table');
  }

  row(code: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Edit ${code}`, exact: true }) });
  }

  /** The codes in the list, top to bottom. */
  async codes(): Promise<string[]> {
    if (!(await this.table().isVisible())) return [];
    return (await this.table().getByRole('rowheader').allTextContents()).map((t) => t.replace(/^Edit\s*/, '').trim());
  }

  filters() {
    return this.page.getByRole('search', { name: 'Filter participants' });
  }

  async edit(code: string) {
    await this.page.getByRole('button', { name: `Edit ${code}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Edit participant ${code}` });
    await expect(dialog.getByLabel('Staff group')).toBeVisible();
    return dialog;
  }
}

/**
 * A new workspace with the Topol codebook and one participant, P001, left on the Engagements area: where a passage
 * and its speaker's consent are tried.
 */
export async function workspaceWithP001(page: Page, host: RunningHost, file: string, p001: ParticipantInput): Promise<FieldnotesApp> {
  const app = new FieldnotesApp(page);
  await app.startWorkspace(host.url, file.replace(/\.fieldnotes$/, ''), join(host.workspaces, file));
  await app.useTopolTemplate();
  const participants = new ParticipantsScreen(page);
  await participants.open();
  await participants.add(p001);
  await expect(participants.table()).toContainText('P001');
  await page.keyboard.press('Control+1');
  return app;
}
