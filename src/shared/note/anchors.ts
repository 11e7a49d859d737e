/**
 * Where each passage sits in a note, read from the stored document: the
 * passage's id lives in mark nodes; its offsets are derived here, on every
 * save, in Unicode code points over the canonical plain text (text.ts) — the
 * unit REFI-QDA counts in. Offsets are never stored as the source of truth.
 */
import { SPEAKER_PREFIX } from './SpeakerLabelNode';
import { isPairAt, walkNoteText, type NoteTree } from './walk';

interface SerializedNode {
  type?: unknown;
  text?: unknown;
  ids?: unknown;
  children?: unknown;
}

export interface Range {
  start: number;
  end: number;
}

export interface BlockInfo extends Range {
  /** The pseudonym code of the speaker whose turn this block is ("P014"), if any. */
  speaker: string | null;
}

export interface DocumentAnchors {
  plainText: string;
  /** Top-level blocks (list items count as their own blocks), in order. */
  blocks: BlockInfo[];
  /** Passage id → the smallest range covering all its marks (a passage may span blocks). */
  passages: Map<string, Range>;
}

/**
 * What re-anchoring a note's passages asks of its text (core services/passages.ts): a whole document's anchors
 * answer it (`wholeAnchorSource`), and so do a block save's blocks without joining the note (`blocksAnchorSource`
 * in blocks.ts).
 */
export interface AnchorSource {
  /** The smallest range covering all of a passage's marks, if it has any. */
  range(id: string): Range | undefined;
  /** The text between two code-point offsets. */
  slice(start: number, end: number): string;
  /** The speaker of the turn a position falls in. */
  speakerAt(position: number): string | null;
  /** The speaker codes of the turns the change may have added (each once). */
  speakerCodes(): string[];
}

/** The speaker codes that open these blocks' turns, each once. */
export const speakerCodesOf = (blocks: readonly BlockInfo[]): string[] => [...new Set(blocks.flatMap((b) => (b.speaker ? [b.speaker] : [])))];

export function wholeAnchorSource(anchors: DocumentAnchors): AnchorSource {
  // Built when first asked: with emoji in the text, the slicer indexes all of it.
  let slice: ((start: number, end: number) => string) | undefined;
  return {
    range: (id) => anchors.passages.get(id),
    slice: (start, end) => (slice ??= codePointSlicer(anchors.plainText))(start, end),
    speakerAt: (position) => speakerAt(anchors.blocks, position),
    speakerCodes: () => speakerCodesOf(anchors.blocks),
  };
}

export { codePointLength } from './walk';

/** The serialized document, as the walker sees it. */
const serializedTree: NoteTree<SerializedNode> = {
  type: (node) => (typeof node.type === 'string' ? node.type : ''),
  text: (node) => (typeof node.text === 'string' ? node.text : null),
  children: (node) => (Array.isArray(node.children) ? (node.children as SerializedNode[]) : null),
};

export function documentAnchors(document: string): DocumentAnchors {
  const root = (JSON.parse(document) as { root?: SerializedNode }).root;
  if (!root || root.type !== 'root' || !Array.isArray(root.children)) throw new Error('not a note document');
  return nodesAnchors(root.children as unknown[]);
}

/** The anchors of top-level nodes already parsed (a document's children, or one of them): no JSON read again. */
export function nodesAnchors(nodes: readonly unknown[]): DocumentAnchors {
  // Pieces joined once at the end: growing one string and slicing it per block is quadratic.
  const pieces: string[] = [];
  let blockText = '';
  const blocks: BlockInfo[] = [];
  const passages = new Map<string, Range>();
  const cover = (id: string, start: number, end: number) => {
    const known = passages.get(id);
    passages.set(id, known ? { start: Math.min(known.start, start), end: Math.max(known.end, end) } : { start, end });
  };
  walkNoteText(nodes as SerializedNode[], serializedTree, {
    piece(text) {
      pieces.push(text);
      blockText += text;
    },
    element(node, start, end) {
      if (node.type === 'mark' && Array.isArray(node.ids)) {
        for (const id of node.ids) if (typeof id === 'string') cover(id, start, end);
      }
    },
    enterBlock() {
      blockText = '';
    },
    block(_node, start, end) {
      const match = SPEAKER_PREFIX.exec(blockText);
      blocks.push({ start, end, speaker: match ? match[1]! : null });
    },
  });
  return { plainText: pieces.join(''), blocks, passages };
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return codePointSlicer(text)(start, end);
}

/**
 * A slicer by code points for one text, for slicing it many times (every
 * passage of a note on every save): without surrogate pairs, code points and
 * UTF-16 indices agree; with them, one pass builds the mapping.
 */
export function codePointSlicer(text: string): (start: number, end: number) => string {
  if (!/[\uD800-\uDBFF]/.test(text)) return (start, end) => text.slice(start, end);
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    units.push(i);
    if (isPairAt(text, i)) i++;
  }
  units.push(text.length);
  const at = (codePoint: number) => units[Math.min(codePoint, units.length - 1)]!;
  return (start, end) => text.slice(at(start), at(end));
}

/** The speaker of the block a position falls in (blocks are in order and apart: a binary search). */
export function speakerAt(blocks: readonly BlockInfo[], position: number): string | null {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.start <= position) low = middle;
    else high = middle - 1;
  }
  const b = blocks[low];
  return b && position >= b.start && position <= b.end ? b.speaker : null;
}
