import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract/methods';
import type { NoteSpeaker } from '../../../shared/contract/speakers';
import type { StaffGroup } from '../../../shared/domain/participant';
import type { Passage } from '../../../shared/domain/passage';
import { documentAnchors } from '../../../shared/note/anchors';
import { getNote } from '../store/notes';
import * as speakerStore from '../store/noteSpeakers';
import { requireParticipant } from '../store/participants';
import { passagesByIds } from '../store/passages';
import { anchorPassages } from './passages';

/**
 * A note's speaker codes and who they are (issue 11). A code is linked when it first appears to whoever
 * has it then; otherwise it is an unknown speaker until a reviewer links it. Giving someone the code
 * later links nothing: only `linkSpeaker` does.
 */
export function speakersOfNote(db: Database.Database, noteId: string): NoteSpeaker[] {
  return speakerStore.noteSpeakers(db, noteId).map((r) => ({
    code: r.code,
    participant: r.participant_id ? { id: r.participant_id, code: r.participant_code!, staffGroup: r.staff_group as StaffGroup } : null,
    linkedByHand: r.linked_by !== null,
  }));
}

/** Link a code of a note to a participant (or back to unknown), and re-read whose its turns' passages are. */
export function linkSpeaker(
  db: Database.Database,
  input: ParsedInput<'speakers.link'>,
  reviewerId: string,
): { speakers: NoteSpeaker[]; changedPassages: Passage[] } {
  return db.transaction(() => {
    const note = getNote(db, input.noteId);
    if (input.participantId) requireParticipant(db, input.participantId);
    speakerStore.linkSpeaker(db, input.noteId, input.code, input.participantId, reviewerId, new Date().toISOString());
    const changed = anchorPassages(db, input.noteId, documentAnchors(note.document));
    return { speakers: speakersOfNote(db, input.noteId), changedPassages: passagesByIds(db, changed) };
  })();
}

/** What an import's summary says of its notes' speakers: the codes linked to a participant and those nobody has. */
export function speakerSummary(db: Database.Database, noteIds: readonly string[]): { linked: string[]; unknown: string[] } {
  const linked = new Set<string>();
  const unknown = new Set<string>();
  for (const id of noteIds) for (const s of speakerStore.noteSpeakers(db, id)) (s.participant_id ? linked : unknown).add(s.code);
  const byNumber = (a: string, b: string) => a.length - b.length || a.localeCompare(b);
  return { linked: [...linked].sort(byNumber), unknown: [...unknown].filter((c) => !linked.has(c)).sort(byNumber) };
}
