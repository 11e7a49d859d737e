// The open note for a plugin's unit test: a Lexical editor with the note's nodes, mounted in happy-dom. Tests only.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { act, type ReactElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, vi } from 'vitest';
import { blocksToDocument } from '../../../../shared/note/blocksToDocument';
import { noteNodes } from '../../../../shared/note/nodes';
import { NoteSectionNode } from '../../../../shared/note/NoteSectionNode';
import { NoteDocumentPlugin } from './NoteDocumentPlugin';

// React's act() outside a test renderer needs this flag.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** As NoteEditor's: the note's nodes, its blocks in sections. */
export const noteConfig = {
  namespace: 'test',
  nodes: [...noteNodes, NoteSectionNode],
  editorState: null,
  onError: (error: Error) => {
    throw error;
  },
};

/** A note of one plain paragraph per text. */
export const paragraphs = (texts: string[]) => blocksToDocument(texts.map((text) => ({ kind: 'paragraph' as const, runs: [{ text }] })));

/** The rich-text editable every test note has, named "Note". */
export const noteText = () => <RichTextPlugin contentEditable={<ContentEditable aria-label="Note" />} ErrorBoundary={LexicalErrorBoundary} />;

/** A page to mount a note in, emptied after each test: `render` any tree, or `open` a note of paragraphs with plugins. */
export function notePage() {
  const container = document.createElement('div');
  let root: Root | null = null;
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
    container.remove();
  });

  async function render(tree: ReactElement): Promise<void> {
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root!.render(tree));
  }

  /** The note `texts` open with `plugins` beside it; resolves with its editor once every paragraph is drawn. */
  async function open(texts: string[], plugins: ReactNode): Promise<LexicalEditor> {
    let editor: LexicalEditor | null = null;
    function Grab() {
      [editor] = useLexicalComposerContext();
      return null;
    }
    await render(
      <LexicalComposer initialConfig={noteConfig}>
        {noteText()}
        <NoteDocumentPlugin document={paragraphs(texts)} />
        {plugins}
        <Grab />
      </LexicalComposer>,
    );
    await vi.waitFor(() => expect(container.querySelectorAll('p')).toHaveLength(texts.length));
    return editor!;
  }

  return { container, render, open };
}
