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

  /** Start a note, type the text into it and wait until it is saved. */
  async write(text: string): Promise<void> {
    await this.startNote();
    await this.editor().click();
    await this.page.keyboard.type(text);
    await this.saved();
  }

  /** Wait until the editor says everything typed is saved. */
  async saved(): Promise<void> {
    await expect(this.page.locator('.save-indicator')).toHaveText('Saved', { timeout: 20_000 });
  }
}

/** Select text in the open note by its characters: find the words, then set the DOM selection over them. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const root = document.querySelector('[contenteditable="true"]');
    const wanted = ${JSON.stringify(text)};
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    while (walker.nextNode()) { nodes.push([walker.currentNode, all.length]); all += walker.currentNode.textContent; }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error('text not in note: ' + wanted);
    const locate = (offset) => {
      for (const [node, start] of nodes) if (offset <= start + node.textContent.length) return [node, offset - start];
      const [node] = nodes[nodes.length - 1];
      return [node, node.textContent.length];
    };
    const [startNode, startOffset] = locate(at);
    const [endNode, endOffset] = locate(at + wanted.length);
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  })()`);
  // Let Lexical read the DOM selection.
  await page.waitForTimeout(50);
}

/** Put the caret inside these words of the open note (the passage bar then shows the passages there). */
export async function caretIn(page: Page, text: string): Promise<void> {
  await selectText(page, text);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
}

/** Tag the selection from the keyboard: Ctrl+M, type part of the theme, Enter. */
export async function tagWith(page: Page, theme: string): Promise<void> {
  await page.keyboard.press('Control+m');
  const picker = page.getByRole('combobox', { name: 'Theme' });
  await expect(picker).toBeFocused();
  await page.keyboard.type(theme);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  // The passage saves in the background and the note takes the caret back; let both settle, as they
  // would before a person selects the next thing with the mouse.
  await expect(page.locator('.save-indicator')).toHaveText('Saved', { timeout: 20_000 });
  await page.waitForTimeout(50);
}
