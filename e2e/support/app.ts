import { expect, type Page } from '@playwright/test';

/** Page object for the journeys every spec needs. */
export class FieldnotesApp {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async introduceReviewer(name = 'Ada Lovelace', initials?: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: /who is taking notes/i })).toBeVisible();
    await this.page.getByLabel('Your name').fill(name);
    if (initials) await this.page.getByLabel('Initials').fill(initials);
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await expect(this.page.getByRole('heading', { name: /evidence for your review/i })).toBeVisible();
  }

  async createWorkspace(name: string, path: string): Promise<void> {
    await this.page.getByRole('button', { name: /create workspace/i }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Create workspace' });
    await dialog.getByLabel('Workspace name').fill(name);
    await dialog.getByLabel('Save as').fill(path);
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await expect(this.page.getByRole('navigation', { name: 'Workspace areas' })).toContainText(name);
  }

  async addEngagement(title: string, type: string, date: string): Promise<void> {
    const button = this.page.getByRole('button', { name: /new engagement/i });
    if (await button.isVisible()) await button.click();
    else await this.page.keyboard.press('Control+Shift+E'); // from an engagement's page
    const dialog = this.page.getByRole('dialog', { name: 'New engagement' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Type').selectOption({ label: type });
    await dialog.getByLabel('Date').fill(date);
    await dialog.getByRole('button', { name: 'Add engagement' }).click();
    await expect(dialog).toBeHidden();
    // A new engagement opens at once, ready for notes.
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  /** From the first page to a new workspace, as the default reviewer. */
  async startWorkspace(url: string, name: string, path: string): Promise<void> {
    await this.goto(url);
    await this.introduceReviewer();
    await this.createWorkspace(name, path);
  }

  /** The Topol template as the workspace's codebook, from the Themes area's empty state. */
  async useTopolTemplate(): Promise<void> {
    await this.page.keyboard.press('Control+3');
    await this.page.getByRole('button', { name: 'Use the Topol template' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /Added \d+ themes/ })).toBeVisible();
  }

  /** Back from an engagement's page to the list, by the breadcrumb. */
  async backToEngagements(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Engagements' }).click();
    await expect(this.page.getByRole('heading', { name: 'Engagements', level: 1 })).toBeVisible();
  }

  engagementRow(title: string) {
    return this.page.getByRole('row').filter({ hasText: title });
  }
}
