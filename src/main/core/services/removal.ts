import type Database from 'better-sqlite3';
import type { RemovalPreview } from '../../../shared/domain/removal';
import { listAttachments } from '../files/attachments';
import * as engagementStore from '../store/engagements';
import { countFindingsCiting } from '../store/findings';
import * as noteStore from '../store/notes';
import { passageIdsInNotes } from '../store/passages';
import { listParticipants } from '../store/participants';

/** What goes with these notes: their words, their passages, and the findings that cite those passages. */
function notesPreview(db: Database.Database, notes: readonly { id: string; wordCount: number }[]): RemovalPreview {
  const passageIds = passageIdsInNotes(db, notes.map((n) => n.id));
  const cited = countFindingsCiting(db, passageIds);
  return {
    notes: notes.length,
    words: notes.reduce((sum, n) => sum + n.wordCount, 0),
    passages: passageIds.length,
    findings: cited.findings,
    citedPassages: cited.passages,
    attachments: 0,
    participants: 0,
  };
}

/** Deleting one note: its words and passages go; findings citing them keep the quoted text. Reads only. */
export function previewNoteDelete(db: Database.Database, noteId: string): RemovalPreview {
  return notesPreview(db, [noteStore.getNoteSummary(db, noteId)]);
}

/** Deleting an engagement: every note (as above), its attachments, and its participant links. Reads only. */
export function previewEngagementDelete(db: Database.Database, engagementId: string): RemovalPreview {
  engagementStore.requireEngagement(db, engagementId);
  return {
    ...notesPreview(db, noteStore.listNotes(db, engagementId)),
    attachments: listAttachments(db, engagementId).length,
    participants: listParticipants(db, { engagementId }).length,
  };
}
