import { createHeadlessEditor } from '@lexical/headless';
import { registerList } from '@lexical/list';
import { $getRoot, TextNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { blocksToDocument } from './blocksToDocument';
import { noteNodes, registerNoteTransforms } from './nodes';
import { inShape, openNoteDocument } from './openDocument';
import { $isSpeakerLabelNode } from './SpeakerLabelNode';

const document = blocksToDocument([
  { kind: 'paragraph', runs: [{ text: 'P014: ' }, { text: 'We need protected time', marks: ['a'] }, { text: ' to learn the triage software.' }] },
  { kind: 'paragraph', runs: [{ text: 'Radiographers ' }, { text: 'asked for training', marks: ['b', 'c'] }, { text: '.' }] },
  { kind: 'list', ordered: false, items: [[{ text: 'P015: ' }, { text: 'Optometrists', marks: ['d'] }], [{ text: 'Orthoptists' }]] },
]);

const editorWith = () => {
  const editor = createHeadlessEditor({ nodes: noteNodes, onError: (e) => { throw e; } });
  registerList(editor);
  return editor;
};
const json = (editor: LexicalEditor) => JSON.stringify(editor.getEditorState().toJSON());

/** How notes opened before: the whole parsed state set at once, which Lexical marks dirty node by node. */
function openedTheOldWay(stored: string): string {
  const editor = editorWith();
  registerNoteTransforms(editor);
  editor.setEditorState(editor.parseEditorState(stored));
  return json(editor);
}

const text = (t: string) => ({ detail: 0, format: 0, mode: 'normal', style: '', text: t, type: 'text', version: 1 });
const mark = (ids: string[], children: unknown[]) => ({ children, direction: null, format: '', indent: 0, type: 'mark', version: 1, ids });
const paragraph = (children: unknown[]) => ({ children, direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' });
/** A stored document whose blocks are given as JSON, after the in-shape blocks of `document`. */
const withBlocks = (...blocks: unknown[]) => {
  const parsed = JSON.parse(document) as { root: { children: unknown[] } };
  parsed.root.children.push(...blocks);
  return JSON.stringify(parsed);
};

// Blocks as an older version may have stored them, before a note transform existed.
const unshaped = {
  'a plain "P014:" starting a paragraph': paragraph([text('P016: Said twice.')]),
  'a speaker label that is not first': paragraph([text('Then '), { ...text('P017:'), type: 'speaker-label' }]),
  'a mark inside a mark': paragraph([mark(['e'], [text('outer '), mark(['f'], [text('inner')])])]),
  'text in a hole between two pieces of one passage': paragraph([mark(['g'], [text('one')]), text(' two '), mark(['g', 'h'], [text('three')])]),
};

describe('openNoteDocument (issue 11)', () => {
  it('loads a note in one update, byte for byte, running no transform over a block already in shape', async () => {
    const editor = editorWith();
    let updates = 0;
    let transformed = 0;
    editor.registerUpdateListener(() => updates++);
    editor.registerNodeTransform(TextNode, () => void transformed++);
    openNoteDocument(editor, document);
    const state = editor.getEditorState();
    await new Promise((resolve) => setTimeout(resolve, 0)); // Lexical commits a plain update in a microtask
    expect(updates).toBe(1);
    // A parsed state set whole (setEditorState) sent every text node through the transforms: 7 here.
    expect(transformed).toBe(0);
    expect(JSON.stringify(state.toJSON())).toBe(document);
    expect(openedTheOldWay(document)).toBe(document);
  });

  it.each(Object.entries(unshaped))('shapes a block stored before its transform existed (%s), as opening the old way did, and only that block', (_, block) => {
    const stored = withBlocks(block);
    const editor = editorWith();
    const seen = new Set<string>();
    editor.registerNodeTransform(TextNode, (node) => void seen.add(node.getTextContent()));
    openNoteDocument(editor, stored);
    expect(json(editor)).not.toBe(stored);
    expect(json(editor)).toBe(openedTheOldWay(stored));
    // The blocks in shape were not walked again.
    expect([...seen].some((t) => /protected|Radiographers|Optometrists/.test(t))).toBe(false);
  });

  it('tells a block in shape from one a note transform would change', () => {
    const blocks = (JSON.parse(document) as { root: { children: Parameters<typeof inShape>[0][] } }).root.children;
    expect(blocks.map(inShape)).toEqual([true, true, true]);
    for (const block of Object.values(unshaped)) expect(inShape(block as Parameters<typeof inShape>[0])).toBe(false);
    // Overlapping passages side by side are in shape: no text between their pieces is left out.
    expect(inShape(paragraph([mark(['g'], [text('one')]), mark(['g', 'h'], [text('two')]), text(' three')]) as Parameters<typeof inShape>[0])).toBe(true);
  });

  it('the transforms still shape what is typed after it opens', () => {
    const editor = editorWith();
    openNoteDocument(editor, blocksToDocument([{ kind: 'paragraph', runs: [{ text: 'Hello' }] }]));
    editor.update(() => ($getRoot().getFirstDescendant() as TextNode).setTextContent('P014: Hello'), { discrete: true });
    expect(editor.getEditorState().read(() => $isSpeakerLabelNode($getRoot().getFirstDescendant()))).toBe(true);
  });
});
