/**
 * Which passages were said in a turn of a speaker code linked to nobody ("P005:" in an imported file that no
 * one has said is P005; issue 11): whoever said them, their consent is unknown until a reviewer links the code.
 * Every export withholds them (export/consent.ts), and every screen that lists passages — the theme
 * view, a matrix or co-occurrence cell, a finding's evidence — shows the same sign as the passage bar and search,
 * and a finding resting on them warns (findingEvidence.ts).
 *
 * A passage is one when no participant speaks it, nobody chose its speaker by hand (a speaker chosen by hand,
 * even "no one", is the reviewer's word and stands), it is still in its note, and the block it starts in opens
 * with a code its note links to nobody — the block as a save reads it (shared/note/anchors.ts), so a screen and
 * an export agree on every passage. Only notes that hold such a code and such a passage are read, and of those
 * only the blocks where the passages start (store/noteBlocks.ts `blocksAt`), not each whole document: a theme
 * view's page may span a dozen long imported transcripts. In most workspaces there are none, and finding that out
 * costs one query.
 */
import type Database from 'better-sqlite3';
import { nodesAnchors, speakerAt, type BlockInfo } from '../../../shared/note/anchors';
import { blocksAt } from '../store/noteBlocks';
import { unlinkedSpeakerCodes } from '../store/noteSpeakers';
import { anchorRows } from '../store/passages';

/** What decides whether a passage follows its turn's speaker, and where that turn is: columns every read of passages has at hand. */
export interface PassageSpeakerRow {
  id: string;
  note_id: string;
  start_offset: number;
  participant_id: string | null;
  speaker_set_by_hand: number;
  detached: number;
}

/** Passage id → its turn's speaker code, for the passages (of those given; by default, every one) said by a code linked to nobody. */
export function unknownSpeakersOf(db: Database.Database, passages?: readonly PassageSpeakerRow[]): Map<string, string> {
  const found = new Map<string, string>();
  const open = passages && groupByNote(passages.filter(followsTurn));
  if (open && open.size === 0) return found;
  for (const [noteId, codes] of unlinkedSpeakerCodes(db, open && [...open.keys()])) {
    const mine = open ? open.get(noteId)! : anchorRows(db, noteId).filter((r) => followsTurn({ ...r, note_id: noteId }));
    if (mine.length === 0) continue;
    const blocks = blocksAt(db, noteId, mine.map((p) => p.start_offset));
    const turns = new Map<string, BlockInfo[]>(); // a block's items (a list's each are one) by its JSON, parsed once
    for (const passage of mine) {
      const at = blocks.get(passage.start_offset);
      if (!at) continue;
      let items = turns.get(at.block);
      if (!items) turns.set(at.block, (items = nodesAnchors([JSON.parse(at.block) as unknown]).blocks));
      const code = speakerAt(items, passage.start_offset - at.start);
      if (code && codes.has(code)) found.set(passage.id, code);
    }
  }
  return found;
}

/** No participant, none chosen by hand, and still in its note (a detached passage has no turn: no export quotes it either). */
const followsTurn = (p: PassageSpeakerRow): boolean => p.participant_id === null && p.speaker_set_by_hand === 0 && p.detached === 0;

function groupByNote(passages: readonly PassageSpeakerRow[]): Map<string, PassageSpeakerRow[]> {
  const byNote = new Map<string, PassageSpeakerRow[]>();
  for (const p of passages) {
    const list = byNote.get(p.note_id);
    if (list) list.push(p);
    else byNote.set(p.note_id, [p]);
  }
  return byNote;
}
