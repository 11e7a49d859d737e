import { describe, expect, it } from 'vitest';
import { documentAnchors, sliceCodePoints } from './anchors';
import { blocksToDocument } from './blocksToDocument';
import { createNoteEditor, serialize, tagRange } from './editing';

describe('one plain-text walker for saving and the headless editor', () => {
  it('a range tagged by plain-text position is the range saving derives, in every kind of block', () => {
    const document = blocksToDocument([
      { kind: 'heading', level: 2, runs: [{ text: 'Morning 🙂 session' }] },
      { kind: 'paragraph', runs: [{ text: 'P014: We need ' }, { text: 'structured', bold: true }, { text: ' training.\nSecond line.' }] },
      { kind: 'list', ordered: false, items: [[{ text: 'first item' }], [{ text: 'second 👩🏽‍⚕️ item' }]] },
      { kind: 'quote', runs: [{ text: 'A quotation\twith a tab.' }] },
    ]);
    const { plainText } = documentAnchors(document);
    const words = [...plainText.matchAll(/\p{L}+/gu)];
    expect(words.length).toBeGreaterThan(15);
    const editor = createNoteEditor(document);
    words.forEach((word, i) => {
      const start = [...plainText.slice(0, word.index)].length;
      const end = start + [...word[0]].length;
      expect(tagRange(editor, start, end, `passage-${i}`), word[0]).toBe(true);
    });
    const after = documentAnchors(serialize(editor));
    expect(after.plainText).toBe(plainText);
    words.forEach((word, i) => {
      const range = after.passages.get(`passage-${i}`)!;
      expect(sliceCodePoints(after.plainText, range.start, range.end)).toBe(word[0]);
    });
  });
});
