import { documentAnchors } from '../../../shared/note/anchors';
import { countWords } from '../../../shared/note/text';
import type { Row } from '../store/mergeRows';
import type { Outcome, Side } from './mergeRecords';
import type { Renumbering } from './uniqueness';

/**
 * Participant codes stay unique across a panel (issue 10). Two laptops each
 * give "P014" to a different person; when their workspaces merge, the person
 * entered later is renumbered (uniqueness.ts), and every speaker label "P014:"
 * in notes whose text came from their side is rewritten here to the new code,
 * so every turn still points at who spoke (a passage's speaker follows its
 * turn's label when the passages are re-anchored).
 */

/** Block types whose first text opens a speaker turn. */
const BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem']);

interface JsonNode {
  type?: string;
  text?: string;
  children?: JsonNode[];
}

/** A note's document with the speaker labels of `codes` (old → new) rewritten; null when none was there. */
export function rewriteSpeakerLabels(document: string, codes: ReadonlyMap<string, string>): string | null {
  const parsed = JSON.parse(document) as { root: JsonNode };
  let changed = false;
  const firstText = (node: JsonNode): JsonNode | null => {
    if (typeof node.text === 'string') return node;
    for (const child of node.children ?? []) {
      const found = firstText(child);
      if (found) return found;
    }
    return null;
  };
  const visit = (node: JsonNode) => {
    if (node.type && BLOCKS.has(node.type)) {
      const text = firstText(node);
      const match = text?.text ? /^(P\d{3,}):/.exec(text.text) : null;
      const to = match ? codes.get(match[1]!) : undefined;
      if (text && match && to) {
        text.text = to + (text.text ?? '').slice(match[1]!.length);
        changed = true;
      }
    }
    for (const child of node.children ?? []) if (node.type !== 'listitem' || child.type === 'list') visit(child);
  };
  visit(parsed.root);
  return changed ? JSON.stringify(parsed) : null;
}

/** The participant codes renumbered on one side: old → new. */
export const renumberedCodes = (renumbered: readonly Renumbering[], side: Side): Map<string, string> =>
  new Map(renumbered.filter((r) => r.table === 'participants' && r.side === side).map((r) => [r.from, r.to]));

/**
 * Rewrite the labels in a note row whose text came from `side`; its derived text and word count follow.
 * Returns the codes rewritten (old → new), or null: the note's speakers (store/noteSpeakers.ts) follow them.
 */
export function relabelNote(row: Row, renumbered: readonly Renumbering[], side: Side): Map<string, string> | null {
  const codes = renumberedCodes(renumbered, side);
  if (codes.size === 0) return null;
  const document = rewriteSpeakerLabels(String(row.document), codes);
  if (!document) return null;
  const plain = documentAnchors(document).plainText;
  row.document = document;
  row.plain_text = plain;
  row.word_count = countWords(plain);
  // A new revision: an editor or cache holding the note's last revision must not take this text for that one.
  row.revision = Number(row.revision) + 1;
  return codes;
}

/** The side a merged note's text comes from. */
export const documentSide = (o: Outcome | undefined): Side => (!o ? 'here' : (o.origin ?? o.from?.document ?? 'here'));
