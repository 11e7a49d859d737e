/**
 * Which passages were said in a turn of a speaker code linked to nobody ("P005:" in an imported file that
 * no one has said is P005; issue 11). Their speaker's consent is unknown, so every export withholds them
 * until the code is linked (export/consent.ts), as it withholds someone not for quotation.
 *
 * Only notes that hold such a code are read: in most workspaces there are none, and the lookup costs one
 * query.
 */
import type Database from 'better-sqlite3';
import { documentAnchors, speakerAt } from '../../../shared/note/anchors';
import { unlinkedSpeakerCodes } from '../store/noteSpeakers';
import { getNote } from '../store/notes';
import { passagesForNote } from '../store/passages';

/** Passage id → its turn's speaker code, for each passage said by a code linked to nobody and not given a speaker by hand. */
export function unlinkedSpeakers(db: Database.Database): Map<string, string> {
  const found = new Map<string, string>();
  for (const [noteId, codes] of unlinkedSpeakerCodes(db)) {
    const anchors = documentAnchors(getNote(db, noteId).document);
    for (const passage of passagesForNote(db, noteId)) {
      // A speaker chosen by hand, even "no one", is the reviewer's word and stands.
      if (passage.participantId !== null || passage.speakerSetByHand) continue;
      const range = anchors.passages.get(passage.id);
      const code = range ? speakerAt(anchors.blocks, range.start) : null;
      if (code && codes.has(code)) found.set(passage.id, code);
    }
  }
  return found;
}
