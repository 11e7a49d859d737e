// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { speakerCodeAtCaret } from '../blockCommands';
import { CaretSyncPlugin } from './CaretSyncPlugin';
import { notePage } from './testNote';

const { container, open } = notePage();
const openNote = () => open(['P001: We learn on the job.', 'P005: Nobody asked the pharmacists.'], <CaretSyncPlugin />);

// A click's selectionchange is a queued task in Chromium, and Ctrl+K can come first; here it never comes.
const withheld = (event: Event) => event.stopImmediatePropagation();
beforeEach(() => document.addEventListener('selectionchange', withheld, { capture: true }));
afterEach(() => document.removeEventListener('selectionchange', withheld, { capture: true }));

/** The caret in a paragraph's text, as a click leaves it before the browser's selectionchange has reached Lexical. */
function clickInto(paragraph: number, text: string) {
  const p = container.querySelectorAll('p')[paragraph]!;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at >= 0) {
      document.getSelection()!.setBaseAndExtent(node, at, node, at);
      return;
    }
  }
  throw new Error(`no "${text}" in paragraph ${paragraph}`);
}

async function pressCtrlK() {
  const note = container.querySelector<HTMLElement>('[contenteditable="true"]')!;
  const keydown = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true, cancelable: true });
  // Chromium sets window.event while a listener runs, and Lexical reads the DOM's caret only for some event types;
  // happy-dom leaves it unset, which Lexical takes as "read the DOM" every time.
  Object.defineProperty(window, 'event', { configurable: true, get: () => keydown });
  await act(async () => {
    note.dispatchEvent(keydown);
  });
  Reflect.deleteProperty(window, 'event');
}

describe('the caret a shortcut reads', () => {
  it('is where the click left it, even before the browser told Lexical', async () => {
    const editor = await openNote();
    clickInto(1, 'Nobody');
    await pressCtrlK();
    expect(speakerCodeAtCaret(editor)).toBe('P005');
    clickInto(0, 'learn'); // back to the first turn; still no selectionchange
    await pressCtrlK();
    expect(speakerCodeAtCaret(editor)).toBe('P001');
  });

});
