import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Analysis area: the theme view and search. */
export class AnalysisScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+5');
    await expect(this.page.getByRole('heading', { name: 'Analysis', level: 1 })).toBeVisible();
  }

  tab(name: 'Theme view' | 'Search') {
    return this.page.getByRole('tab', { name });
  }

  panel() {
    return this.page.getByRole('tabpanel').filter({ visible: true });
  }

  /** Add a theme to the theme view by typing part of its name and choosing it with the keyboard. */
  async chooseTheme(typed: string, name: string): Promise<void> {
    const box = this.panel().getByRole('combobox', { name: 'Themes' });
    await box.click();
    await box.fill(typed);
    const option = this.panel().getByRole('option', { name: new RegExp(`^${name}`) });
    await expect(option).toBeVisible();
    while ((await option.getAttribute('aria-selected')) !== 'true') await box.press('ArrowDown');
    await box.press('Enter');
    await expect(this.panel().getByRole('list', { name: 'Chosen themes' })).toContainText(name);
  }

  async removeTheme(name: string): Promise<void> {
    await this.panel().getByRole('button', { name: `Remove ${name}` }).click();
  }

  counts() {
    return this.panel().locator('.analysis-counts');
  }

  /** The theme view's counts once its answer is in. */
  async expectCounts(text: string): Promise<void> {
    await expect(this.counts()).toHaveText(text);
    await expect(this.counts()).toHaveAttribute('aria-busy', 'false');
    await expect(this.counts()).toHaveText(text);
  }

  passages() {
    return this.panel().getByRole('list', { name: 'Passages' }).getByRole('listitem').filter({ has: this.page.locator('.result-quote') });
  }

  /** The quoted text of each passage shown, top to bottom. */
  async quotes(): Promise<string[]> {
    return this.panel().locator('.result-passage').allTextContents();
  }

  filters() {
    return this.panel().getByRole('search');
  }

  /** The hits: one per note (or memo), each grouping its places. */
  results() {
    return this.panel().getByRole('list', { name: 'Search results' }).locator('li.search-hit');
  }

  /** The places a hit lists, in order. */
  places(hit: Locator) {
    return hit.locator('li.search-place');
  }

  async search(query: string): Promise<void> {
    await this.panel().getByLabel('Search notes and memos').fill(query);
    await expect(this.counts()).toContainText(`for “${query}”`);
  }
}
