// @vitest-environment happy-dom
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { $isTextNode, UNDO_COMMAND, type ElementNode, type LexicalEditor } from 'lexical';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { $noteBlocks } from '../../../../shared/note/NoteSectionNode';
import { notePage } from './testNote';
import { TypedTextPlugin } from './TypedTextPlugin';

// Lexical listens for beforeinput only where InputEvent has getTargetRanges (Chromium has; happy-dom not), decided
// as it loads: given here, before any import runs.
vi.hoisted(() => {
  if (!('getTargetRanges' in InputEvent.prototype)) Object.assign(InputEvent.prototype, { getTargetRanges: () => [] });
});

const { container, open } = notePage();
afterEach(() => Reflect.deleteProperty(window, 'event'));
const openNote = () =>
  open(
    ['We learn on the job.', 'Nobody asked the pharmacists.'],
    <>
      <HistoryPlugin />
      <TypedTextPlugin />
    </>,
  );

/** The caret after `text` in the first paragraph, put there as a click would, and told to Lexical. */
async function caretAfter(editor: LexicalEditor, text: string) {
  const p = container.querySelector('p')!;
  const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
  const at = node.textContent!.indexOf(text) + text.length;
  document.getSelection()!.setBaseAndExtent(node, at, node, at);
  await act(async () =>
    editor.update(() => {
      const first = ($noteBlocks()[0] as ElementNode).getFirstDescendant();
      if ($isTextNode(first)) first.select(at, at);
    }),
  );
}

const note = () => container.querySelector<HTMLElement>('[contenteditable="true"]')!;
const text = (editor: LexicalEditor) => editor.getEditorState().read(() => $noteBlocks()[0]!.getTextContent());

/** Dispatches an event as Chromium does, with window.event set while listeners run (Lexical reads it). */
function fire(event: Event): Event {
  Object.defineProperty(window, 'event', { configurable: true, get: () => event });
  note().dispatchEvent(event);
  return event;
}

/**
 * A key as Chromium delivers it: keydown, then the beforeinput that would type it. happy-dom does no editing of
 * its own, so text reaches the note only if something cancelled the beforeinput and inserted it.
 */
async function press(key: string, data: string | null = key, init: { isComposing?: boolean } = {}) {
  let before: Event | null = null;
  await act(async () => {
    fire(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
    before = fire(new InputEvent('beforeinput', { inputType: 'insertText', data, bubbles: true, cancelable: true, ...init }));
  });
  return before!;
}

describe('a typed character', () => {
  it('is written into the note by Lexical, the browser’s insertion cancelled', async () => {
    const editor = await openNote();
    await caretAfter(editor, 'learn');
    for (const key of ' it') expect((await press(key)).defaultPrevented).toBe(true);
    expect(text(editor)).toBe('We learn it on the job.');
    // And the next key goes where the caret went.
    await press('!');
    expect(text(editor)).toBe('We learn it! on the job.');
  });

  it('is undone as typing is', async () => {
    const editor = await openNote();
    await caretAfter(editor, 'job');
    for (const key of ' daily') await press(key);
    expect(text(editor)).toBe('We learn on the job daily.');
    await act(async () => void editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(text(editor)).toBe('We learn on the job.');
  });

  it('leaves composition, and text that is not the key pressed, to Lexical and the browser', async () => {
    const editor = await openNote();
    await caretAfter(editor, 'learn');
    // An IME's text: never intercepted while composing.
    expect((await press('a', 'a', { isComposing: true })).defaultPrevented).toBe(false);
    // Autocorrect or a text replacement: the data is not the key just pressed.
    expect((await press('x', 'learnt')).defaultPrevented).toBe(false);
    expect(text(editor)).toBe('We learn on the job.');
  });
});
