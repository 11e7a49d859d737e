/**
 * A note as its top-level blocks (issue 11): an autosave sends only the blocks that changed since the last
 * save the core acknowledged, as one splice, and the core derives text, word count and passage offsets by
 * joining per-block results instead of walking the whole document. A 200,000-word note is ~4 MB of JSON;
 * a keystroke's save is one paragraph.
 *
 * The serialized document is `before + blocks.join(',') + after`: the root's own JSON with its children
 * cut out. Each block's JSON is exactly what `JSON.stringify(editorState.toJSON())` writes for it, so the
 * joined document is byte for byte the one a whole save would have sent.
 */
import {
  codePointSlicer,
  documentAnchors,
  nodesAnchors,
  speakerAt,
  speakerCodesOf,
  type AnchorSource,
  type BlockInfo,
  type DocumentAnchors,
  type Range,
} from './anchors';
import { codePointLength } from './walk';
import { countWords } from './text';

/** Replace `removed` blocks from index `start` with `blocks` (serialized top-level nodes). */
export interface BlockPatch {
  start: number;
  removed: number;
  blocks: string[];
  /** How many blocks the document has after the patch: a check that both sides agree on its shape. */
  total: number;
}

export interface SplitDocument {
  before: string;
  after: string;
  blocks: string[];
}

const CHILDREN = '"children":[';

/** The root's frame and its blocks' JSON. Throws when the text is not a note document. */
export function splitDocument(document: string): SplitDocument {
  const parsed = JSON.parse(document) as { root?: { type?: unknown; children?: unknown } };
  const root = parsed.root;
  if (!root || root.type !== 'root' || !Array.isArray(root.children)) throw new Error('not a note document');
  const blocks = (root.children as unknown[]).map((child) => JSON.stringify(child));
  root.children = [];
  const frame = JSON.stringify(parsed);
  const at = frame.indexOf(`${CHILDREN}]`) + CHILDREN.length;
  return { before: frame.slice(0, at), after: frame.slice(at), blocks };
}

export function joinDocument(split: SplitDocument): string {
  return split.before + split.blocks.join(',') + split.after;
}

/** A block as the workspace stores it: its JSON, its plain text and the speakers whose turns it holds. */
export interface StoredBlockText {
  block: string;
  text: string;
  /** Speaker codes of its turns (a list's items are turns of their own). */
  speakers: string[];
}

/**
 * A document as the workspace stores it (migration 0015): its frame — the root with no children, i.e.
 * `before + after` — and each block's JSON with its plain text. The JSON is parsed once and
 * each block's text read from the parsed tree (a 5 MB import, or every note in the migration, was parsed
 * twice: whole, then block by block).
 */
export function storedDocument(document: string): { frame: string; blocks: StoredBlockText[] } {
  const parsed = JSON.parse(document) as { root?: { type?: unknown; children?: unknown } };
  const root = parsed.root;
  if (!root || root.type !== 'root' || !Array.isArray(root.children)) throw new Error('not a note document');
  const children = root.children as unknown[];
  root.children = [];
  return {
    frame: JSON.stringify(parsed),
    blocks: children.map((child) => {
      const anchors = nodesAnchors([child]);
      const speakers = anchors.blocks.flatMap((b) => (b.speaker ? [b.speaker] : []));
      return { block: JSON.stringify(child), text: anchors.plainText, speakers };
    }),
  };
}

/** The document from its stored frame and its blocks' JSON already joined by commas. */
export function documentFromFrame(frame: string, joinedBlocks: string): string {
  const at = frame.indexOf(`${CHILDREN}]`) + CHILDREN.length;
  return frame.slice(0, at) + joinedBlocks + frame.slice(at);
}

/** The frame's two sides, as `splitDocument` gives them. */
export function frameParts(frame: string): { before: string; after: string } {
  const at = frame.indexOf(`${CHILDREN}]`) + CHILDREN.length;
  return { before: frame.slice(0, at), after: frame.slice(at) };
}

/** Why a patch cannot apply to `count` blocks, or null when it can. */
export function patchProblem(count: number, patch: BlockPatch): string | null {
  if (patch.start > count || patch.start + patch.removed > count) return 'it replaces blocks the note does not have';
  if (count - patch.removed + patch.blocks.length !== patch.total) return 'its block count does not match the note';
  return null;
}

export function applyPatch<T>(items: readonly T[], patch: { start: number; removed: number }, inserted: readonly T[]): T[] {
  return [...items.slice(0, patch.start), ...inserted, ...items.slice(patch.start + patch.removed)];
}

/**
 * The smallest single splice turning `from` into `to`: the common prefix and suffix stay, the middle is
 * replaced. Blocks compare by identity of their JSON text (the renderer reuses an unchanged block's string).
 */
export function diffBlocks(from: readonly string[], to: readonly string[]): BlockPatch | null {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let tail = 0;
  while (tail < from.length - start && tail < to.length - start && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  if (start === from.length && start === to.length) return null;
  return { start, removed: from.length - start - tail, blocks: to.slice(start, to.length - tail), total: to.length };
}

/** What one top-level block contributes, relative to its own start. */
export interface BlockAnchors {
  text: string;
  length: number;
  words: number;
  /** The block's own blocks (a list's items each count as one). */
  blocks: BlockInfo[];
  /** Passage id → the range its marks cover in this block. */
  marks: Map<string, Range>;
}

/** One block read as the whole-document walker reads it (anchors.ts), so offsets agree exactly. */
export function blockAnchors(block: string): BlockAnchors {
  const anchors = documentAnchors(`{"root":{"children":[${block}],"type":"root"}}`);
  return {
    text: anchors.plainText,
    length: codePointLength(anchors.plainText),
    words: countWords(anchors.plainText),
    blocks: anchors.blocks,
    marks: anchors.passages,
  };
}

/** Where each block starts in the note's plain text (code points): blocks are a blank line apart. */
export function blockStarts(blocks: readonly BlockAnchors[]): number[] {
  return blockStartsOfLengths(blocks.map((b) => b.length));
}

/** Where each block of these lengths (code points) starts in the note's plain text. */
export function blockStartsOfLengths(lengths: readonly number[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const [i, length] of lengths.entries()) {
    if (i > 0) offset += 2;
    starts.push(offset);
    offset += length;
  }
  return starts;
}

/**
 * Anchoring's view of a note from its blocks, the same answers as `wholeAnchorSource(joinAnchors(blocks))`
 * without joining them: a block save asks for the few passages around its splice, and joining the note
 * (1.2 MB of text, 4,000 passages at four times review scale) cost it 5–30 ms and the garbage. Speaker codes
 * are those of `added`, the blocks the save put in: the rest were recorded by the saves that put them there.
 */
export function blocksAnchorSource(blocks: readonly BlockAnchors[], added: readonly BlockAnchors[]): AnchorSource {
  const starts = blockStarts(blocks);
  /** The last block starting at or before a position (-1 before the first). */
  const blockAt = (position: number): number => {
    let low = -1;
    let high = blocks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return {
    range(id) {
      let found: Range | undefined;
      blocks.forEach((b, i) => {
        const r = b.marks.get(id);
        if (!r) return;
        const at = starts[i]!;
        found = found ? { start: Math.min(found.start, r.start + at), end: Math.max(found.end, r.end + at) } : { start: r.start + at, end: r.end + at };
      });
      return found;
    },
    slice(start, end) {
      const first = Math.max(0, blockAt(start));
      const last = Math.max(first, blockAt(end));
      // With the blank line after the last, where an offset may fall.
      const text = blocks.slice(first, last + 1).map((b) => b.text).join('\n\n') + (last < blocks.length - 1 ? '\n\n' : '');
      return codePointSlicer(text)(start - starts[first]!, end - starts[first]!);
    },
    speakerAt(position) {
      const i = blockAt(position);
      return i < 0 ? null : speakerAt(blocks[i]!.blocks, position - starts[i]!);
    },
    speakerCodes: () => speakerCodesOf(added.flatMap((b) => b.blocks)),
  };
}

/** The whole note's anchors from its blocks': the same as `documentAnchors` of the joined document. */
export function joinAnchors(blocks: readonly BlockAnchors[]): DocumentAnchors & { wordCount: number } {
  const starts = blockStarts(blocks);
  const all: BlockInfo[] = [];
  const passages = new Map<string, Range>();
  let wordCount = 0;
  blocks.forEach((b, i) => {
    const at = starts[i]!;
    wordCount += b.words;
    for (const info of b.blocks) all.push({ start: info.start + at, end: info.end + at, speaker: info.speaker });
    for (const [id, r] of b.marks) {
      const known = passages.get(id);
      passages.set(id, known ? { start: Math.min(known.start, r.start + at), end: Math.max(known.end, r.end + at) } : { start: r.start + at, end: r.end + at });
    }
  });
  return { plainText: blocks.map((b) => b.text).join('\n\n'), blocks: all, passages, wordCount };
}
