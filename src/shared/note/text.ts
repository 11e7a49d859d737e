/**
 * The canonical plain text of a note, read straight from its serialized
 * document: top-level blocks separated by a blank line, list items by a
 * line break. Search, word counts and (later) passage offsets all use this
 * one rendering, so they agree with each other.
 */
interface SerializedNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

const BLOCK_SEPARATOR = '\n\n';

function inlineText(node: SerializedNode): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (!Array.isArray(node.children)) return '';
  if (node.type === 'list') {
    return (node.children as SerializedNode[]).map(inlineText).join('\n');
  }
  return (node.children as SerializedNode[]).map(inlineText).join('');
}

export interface DocumentText {
  plainText: string;
  wordCount: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Throws if `document` is not a serialized editor state with a root. */
export function documentText(document: string): DocumentText {
  const parsed = JSON.parse(document) as { root?: SerializedNode };
  const root = parsed?.root;
  if (!root || root.type !== 'root' || !Array.isArray(root.children)) {
    throw new Error('not a note document');
  }
  const plainText = (root.children as SerializedNode[]).map(inlineText).join(BLOCK_SEPARATOR);
  return { plainText, wordCount: countWords(plainText) };
}
