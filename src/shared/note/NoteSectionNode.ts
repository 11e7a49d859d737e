import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getDocument,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_CRITICAL,
  ElementNode,
  RootNode,
  type LexicalCommand,
  type PointType,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedElementNode,
} from 'lexical';
import { registerBeforeRemoval } from './removal';

/** Blocks per section as a note opens; a section grown past twice this by typing or paste is split. */
export const SECTION_BLOCKS = 50;

// DOM types spelled through ElementNode's own signature: this file is also compiled for the core (no DOM lib),
// where createDOM is never called.
type DomElement = ReturnType<ElementNode['createDOM']>;

/**
 * A run of the live note's top-level blocks, wrapped so the browser handles ~90 elements where there were
 * ~4,500 (issue 11). Chromium lays out every child of a block container again when one of them changes, and
 * watches every `content-visibility: auto` element for the view each frame: with one block per child of the
 * note, a typed key in the 200,000-word note cost two layouts of 4,500 children (the caret read and written)
 * and the frame another, with the observer over all of them; with sections a key lays out one section's 50
 * blocks and the section list.
 *
 * Only the live editor has sections, and only in its DOM and editor state: they are never saved, copied or
 * walked as text. `$noteBlocks` is the note's blocks whether or not its editor has them; `BlockSerializer`
 * saves blocks, `excludeFromCopy` keeps them out of the clipboard; `$blockOf` is the top-level block a node is in.
 */
export class NoteSectionNode extends ElementNode {
  static override getType(): string {
    return 'note-section';
  }

  static override clone(node: NoteSectionNode): NoteSectionNode {
    return new NoteSectionNode(node.__key);
  }

  override createDOM(_config: EditorConfig): DomElement {
    const element = ($getDocument() as unknown as { createElement(tag: 'div'): DomElement }).createElement('div');
    element.className = 'note-section';
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  static override importJSON(json: SerializedElementNode): NoteSectionNode {
    return $createNoteSectionNode().updateFromJSON(json as LexicalUpdateJSON<SerializedElementNode>);
  }

  // An emptied section goes (Lexical removes an element that cannot be empty once its last child has gone).
  override canBeEmpty(): boolean {
    return false;
  }

  // A shadow root, as a table cell is: Lexical (0.52) pastes blocks only under a root or shadow root, and
  // getTopLevelElement stops at the block. It also stops Backspace and Delete at the section's edge, so
  // registerNoteSections joins the sections an edit reaches first.
  override isShadowRoot(): boolean {
    return true;
  }

  override canIndent(): boolean {
    return false;
  }

  override excludeFromCopy(): boolean {
    return true;
  }
}

export const $createNoteSectionNode = (): NoteSectionNode => new NoteSectionNode();

export const $isNoteSectionNode = (node: LexicalNode | null | undefined): node is NoteSectionNode => node instanceof NoteSectionNode;

/** The note's top-level blocks in order, inside sections or not; call inside read/update. */
export function $noteBlocks(): LexicalNode[] {
  const top = $getRoot().getChildren();
  return top.some($isNoteSectionNode) ? top.flatMap((node) => ($isNoteSectionNode(node) ? node.getChildren() : [node])) : top;
}

/** The top-level block `node` is in (itself if it is one), or null for the root or a section. */
export function $blockOf(node: LexicalNode): LexicalNode | null {
  for (let at: LexicalNode | null = node; at; at = at.getParent()) {
    const parent = at.getParent();
    if (parent === null) return null;
    if ($isNoteSectionNode(parent) || $isRootNode(parent)) return $isNoteSectionNode(at) ? null : at;
  }
  return null;
}

/** `blocks` in sections of SECTION_BLOCKS, for a root that takes them all at once. */
export function $sectioned(blocks: LexicalNode[]): NoteSectionNode[] {
  const sections: NoteSectionNode[] = [];
  for (let i = 0; i < blocks.length; i += SECTION_BLOCKS) sections.push($createNoteSectionNode().append(...blocks.slice(i, i + SECTION_BLOCKS)));
  return sections;
}

/** Whether `point` is at the very start (backward) or end of `section`: where Backspace (Delete) would leave it. */
function $atEdge(point: PointType, section: NoteSectionNode, backward: boolean): boolean {
  let node: LexicalNode | null = point.getNode();
  const size = $isElementNode(node) ? node.getChildrenSize() : node.getTextContentSize();
  if (point.offset !== (backward ? 0 : size)) return false;
  for (; node && !node.is(section); node = node.getParent()) {
    if ((backward ? node.getPreviousSibling() : node.getNextSibling()) !== null) return false;
  }
  return node !== null;
}

/**
 * Before an edit that removes the selection (or joins blocks at the caret): its sections made one, so Lexical's
 * own handling, which stops at a shadow root's edge, joins blocks and deletes across them as it does in one.
 * Rare (a selection across a section's edge, the caret at one), and in the edit's own update: one undo step.
 */
function $joinSectionsFor(backward: boolean | null): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const sectionOf = (point: PointType) => $findMatchingParent(point.getNode(), $isNoteSectionNode) as NoteSectionNode | null;
  const [start, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
  let first = sectionOf(start);
  let last = sectionOf(end);
  if (!first || !last) return;
  if (selection.isCollapsed() && backward !== null) {
    const before = first.getPreviousSibling();
    const after = last.getNextSibling();
    if (backward && $isNoteSectionNode(before) && $atEdge(start, first, true)) first = before;
    if (!backward && $isNoteSectionNode(after) && $atEdge(end, last, false)) last = after;
  }
  while (!first.is(last)) {
    const next = first.getNextSibling();
    if (!$isNoteSectionNode(next)) return;
    first.append(...next.getChildren());
    next.remove();
    if (next.is(last)) return;
  }
}

/** Whether this editor groups its note into sections (the live one registers the node; headless ones do not). */
export const hasSections = (editor: LexicalEditor): boolean => editor.hasNodes([NoteSectionNode]);

/**
 * Keeps every child of the root a section of at most 2 × SECTION_BLOCKS blocks: a block the editor puts at the
 * root (the paragraph left when everything is deleted, a paste there) joins the section before it, else a new
 * one; a section grown past the limit is split in two. Sections emptied by deletion are removed
 * by Lexical itself. The root's transform runs on every update, so it only looks at the root's ~90 children.
 */
export function registerNoteSections(editor: LexicalEditor): () => void {
  const offRoot = editor.registerNodeTransform(RootNode, (root) => {
    let child = root.getFirstChild();
    while ($isNoteSectionNode(child)) child = child.getNextSibling();
    if (child === null) return;
    let section: NoteSectionNode | null = null;
    for (const node of root.getChildren()) {
      if ($isNoteSectionNode(node)) {
        section = node;
        continue;
      }
      if (section === null) node.insertBefore((section = $createNoteSectionNode()));
      section.append(node);
    }
  });
  const offSection = editor.registerNodeTransform(NoteSectionNode, (section) => {
    const size = section.getChildrenSize();
    if (size <= 2 * SECTION_BLOCKS) return;
    const rest = $createNoteSectionNode();
    rest.append(...section.getChildren().slice(Math.floor(size / 2)));
    section.insertAfter(rest);
  });
  const join = <P>(command: LexicalCommand<P>) =>
    editor.registerCommand(
      command,
      () => {
        $joinSectionsFor(null);
        return false; // the command goes on to its own handler
      },
      COMMAND_PRIORITY_CRITICAL,
    );
  return mergeRegister(
    offRoot,
    offSection,
    registerBeforeRemoval(editor, $joinSectionsFor),
    // A list made of blocks in two sections would be two lists.
    join(INSERT_ORDERED_LIST_COMMAND),
    join(INSERT_UNORDERED_LIST_COMMAND),
  );
}

/** A node the editor state's JSON holds sections in: the root's children with each section's blocks in its place. */
export function withoutSections<T extends { root: { children: unknown[] } }>(state: T): T {
  const children = state.root.children.flatMap((child) =>
    (child as { type?: string }).type === NoteSectionNode.getType() ? (child as { children: unknown[] }).children : [child],
  );
  return { ...state, root: { ...state.root, children } };
}

