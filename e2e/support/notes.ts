import { expect, type Page } from '@playwright/test';

/** Page object for an engagement's notes. */
export class NotesPage {
  constructor(readonly page: Page) {}

  editor() {
    return this.page.getByRole('textbox', { name: /—/ }).first();
  }

  async openEngagement(title: string): Promise<void> {
    await this.page.getByRole('button', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  async startNote(): Promise<void> {
    await this.page.getByRole('button', { name: /Start taking notes/ }).click();
    await expect(this.editor()).toBeVisible();
  }

  /** Wait until the editor says everything typed is saved. */
  async saved(): Promise<void> {
    await expect(this.page.locator('.save-indicator')).toHaveText('Saved', { timeout: 20_000 });
  }
}
