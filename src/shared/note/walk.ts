/**
 * The one walker of a note's canonical plain text: top-level blocks a blank
 * line apart ("\n\n"), the items of a list (top-level or nested) a line apart,
 * a line break "\n", a tab "\t". Saving walks the serialized document with it
 * (anchors.ts); the headless editing helpers walk live Lexical nodes with it
 * (editing.ts), so plain-text positions mean the same to both.
 */
export interface NoteTree<N> {
  type(node: N): string;
  /** The text of a text node (speaker labels included), else null. */
  text(node: N): string | null;
  /** The children of an element, else null. */
  children(node: N): N[] | null;
}

export interface TextVisitor<N> {
  /** A piece of the plain text at code-point offset `start`: a text node's text (with its node) or a separator. */
  piece(text: string, start: number, node: N | null): void;
  /** A top-level block (a list's items each count as one) begins at `start`… */
  enterBlock?(node: N, start: number): void;
  /** …and ends at `end`. */
  block?(node: N, start: number, end: number): void;
  /** An inline element (a mark, a link) from `start` to `end`. */
  element?(node: N, start: number, end: number): void;
}

/** Code points in a string: its UTF-16 length less one per surrogate pair. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    // Only a proper pair is one code point; a lone surrogate counts as one, as for...of does.
    if (isPairAt(text, i)) {
      n--;
      i++;
    }
  }
  return n;
}

export function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** Walk the blocks under the root in order; returns the plain text's length in code points. */
export function walkNoteText<N>(blocks: N[], tree: NoteTree<N>, visitor: TextVisitor<N>): number {
  let offset = 0;
  const append = (text: string, node: N | null) => {
    visitor.piece(text, offset, node);
    offset += codePointLength(text);
  };
  const inline = (node: N) => {
    const text = tree.text(node);
    if (text !== null) return append(text, node);
    const type = tree.type(node);
    if (type === 'linebreak') return append('\n', node);
    if (type === 'tab') return append('\t', node);
    const children = tree.children(node) ?? [];
    const start = offset;
    // A nested list's items are lines, as top-level list items are.
    children.forEach((child, i) => {
      if (type === 'list' && i > 0) append('\n', null);
      inline(child);
    });
    visitor.element?.(node, start, offset);
  };
  const block = (node: N) => {
    const start = offset;
    visitor.enterBlock?.(node, start);
    inline(node);
    visitor.block?.(node, start, offset);
  };
  blocks.forEach((node, index) => {
    if (index > 0) append('\n\n', null);
    const items = tree.type(node) === 'list' ? tree.children(node) : null;
    if (items) {
      items.forEach((item, i) => {
        if (i > 0) append('\n', null);
        block(item);
      });
    } else {
      block(node);
    }
  });
  return offset;
}
