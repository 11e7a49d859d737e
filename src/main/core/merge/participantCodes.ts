import { formatParticipantCode } from '../../../shared/domain/participant';
import { documentAnchors } from '../../../shared/note/anchors';
import { countWords } from '../../../shared/note/text';
import type { Row } from '../store/mergeRows';
import type { Outcome, Side } from './mergeRecords';

/**
 * Participant codes stay unique across a panel (issue 10). Two laptops each
 * give "P014" to a different person; when their workspaces merge, the person
 * entered later (by when they were entered, then id — the same in either merge
 * order) keeps their record and gets the next number free on both sides, and
 * every speaker label "P014:" in notes whose text came from their side is
 * rewritten to the new code, so every turn still points at who spoke (a
 * passage's speaker follows its turn's label when the passages are re-anchored).
 */

export interface Renumbering {
  participantId: string;
  side: Side;
  from: string;
  to: string;
}

interface Person {
  id: string;
  number: number;
  createdAt: string;
  side: Side;
  row: Row;
}

/** Who must be renumbered, given everyone on each side after the merge and the highest number either side ever gave. */
export function renumberings(here: Row[], incoming: { row: Row; side: Side }[], highestEver: number): Renumbering[] {
  const people = new Map<string, Person>();
  for (const row of here) people.set(String(row.id), person(row, 'here'));
  for (const { row, side } of incoming) people.set(String(row.id), person(row, side));
  const byNumber = new Map<number, Person[]>();
  for (const p of people.values()) byNumber.set(p.number, [...(byNumber.get(p.number) ?? []), p]);
  let next = Math.max(highestEver, ...[...people.values()].map((p) => p.number));
  const result: Renumbering[] = [];
  const later = [...byNumber.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) => group.sort(entered).slice(1))
    .sort(entered);
  for (const p of later) {
    next += 1;
    result.push({ participantId: p.id, side: p.side, from: formatParticipantCode(p.number), to: formatParticipantCode(next) });
    p.row.number = next;
    p.row.code = formatParticipantCode(next);
  }
  return result;
}

const person = (row: Row, side: Side): Person => ({ id: String(row.id), number: Number(row.number), createdAt: String(row.created_at), side, row });
const entered = (a: Person, b: Person): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

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

/** Rewrite the labels in a note row whose text came from `side`; its derived text and word count follow. */
export function relabelNote(row: Row, renumbered: readonly Renumbering[], side: Side): boolean {
  const codes = new Map(renumbered.filter((r) => r.side === side).map((r) => [r.from, r.to]));
  if (codes.size === 0) return false;
  const document = rewriteSpeakerLabels(String(row.document), codes);
  if (!document) return false;
  const plain = documentAnchors(document).plainText;
  row.document = document;
  row.plain_text = plain;
  row.word_count = countWords(plain);
  return true;
}

/** The side a merged note's text comes from. */
export const documentSide = (o: Outcome | undefined): Side => (!o ? 'here' : (o.origin ?? o.from?.document ?? 'here'));
