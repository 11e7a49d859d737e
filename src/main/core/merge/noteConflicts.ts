import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { documentAnchors, type DocumentAnchors } from '../../../shared/note/anchors';
import { createNoteEditor, serialize, tagRange } from '../../../shared/note/editing';
import { keepingMarksOf } from '../../../shared/note/marks';
import { countWords } from '../../../shared/note/text';
import { trackedTable } from '../db/changeTracking';
import { getStamp } from '../store/changeLog';
import { readRow, type Row } from '../store/mergeRows';
import { reviewersById } from '../store/reviewers';
import type { PlanBook } from './planBook';
import { mergeEntry } from './vectors';
import type { Side } from './mergeRecords';

/**
 * A note both sides edited apart (issue 10). Its text is not merged word by
 * word: a sentence half from each reviewer is worse than two versions. When
 * the two texts are equal (each only tagged it), the marks of both are kept
 * on the one text. Otherwise the later edit stays in the note and the other
 * version becomes a conflict copy beside it, named so, holding the passages
 * only its version has (the ones both share stay with the original, so one
 * passage is never in two notes). Both are the same in either merge order.
 */

export interface NoteCopy {
  noteId: string;
  copyId: string;
  title: string;
}

/** A stable id for the copy, the same whichever side merges first: from the note and the losing text. */
const copyIdFor = (noteId: string, document: string): string => {
  const h = createHash('sha256').update(`${noteId}\u0000${document}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

function derive(row: Row, anchors: DocumentAnchors): void {
  row.plain_text = anchors.plainText;
  row.word_count = countWords(anchors.plainText);
}

/** Passages that will exist after the merge (a mark whose passage is deleted is left out). */
const survives = (book: PlanBook, id: string): boolean => {
  const o = book.outcomeOf('passages', id);
  return o ? Boolean(o.row) : readRow(book.here, trackedTable('passages'), id) !== null;
};

export function settleNoteConflicts(book: PlanBook): NoteCopy[] {
  const copies: NoteCopy[] = [];
  const conflicting = book.outcomes.filter((o) => o.table === 'notes' && o.kind === 'conflicting' && o.row);
  for (const o of conflicting) {
    const here = readRow(book.here, trackedTable('notes'), o.recordId)!;
    const there = readRow(book.there, trackedTable('notes'), o.recordId)!;
    const row = o.row!;
    // A new revision above both: an open editor or cached blocks of either side's last revision must not pass for this one.
    row.revision = Math.max(Number(here.revision), Number(there.revision)) + 1;
    const winner: Side = o.from?.document ?? 'here';
    const won = String(row.document);
    const lostDocument = String(winner === 'here' ? there.document : here.document);
    const wonAnchors = documentAnchors(won);
    if (won === lostDocument) {
      derive(row, wonAnchors);
      continue;
    }
    const lostAnchors = documentAnchors(lostDocument);
    const onlyLost = [...lostAnchors.passages.keys()].filter((id) => !wonAnchors.passages.has(id) && survives(book, id)).sort();
    if (wonAnchors.plainText === lostAnchors.plainText) {
      // The same words, tagged apart: one text with both sides' marks.
      const editor = createNoteEditor(won);
      for (const id of onlyLost) {
        const range = lostAnchors.passages.get(id)!;
        tagRange(editor, range.start, range.end, id);
      }
      row.document = serialize(editor);
      derive(row, documentAnchors(String(row.document)));
      o.lost = o.lost?.filter((l) => l.column !== 'document');
      continue;
    }
    derive(row, wonAnchors);
    copies.push(conflictCopy(book, o.recordId, winner === 'here' ? 'there' : 'here', winner === 'here' ? there : here, lostDocument, onlyLost));
  }
  return copies;
}

function conflictCopy(book: PlanBook, noteId: string, side: Side, lostRow: Row, lostDocument: string, onlyLost: string[]): NoteCopy {
  const db: Database.Database = side === 'here' ? book.here : book.there;
  const stamp = getStamp(db, 'notes', noteId);
  const by = stamp?.changedBy ?? String(lostRow.updated_by);
  const at = stamp?.changedAt ?? String(lostRow.updated_at);
  const who = reviewersById(db).get(by)?.name ?? 'the other reviewer';
  const copyId = copyIdFor(noteId, lostDocument);
  const document = keepingMarksOf(lostDocument, new Set(onlyLost));
  const anchors = documentAnchors(document);
  const title = `${String(lostRow.title).slice(0, 240)} (conflict copy: ${who}’s version)`;
  const row: Row = {
    ...lostRow,
    id: copyId,
    title,
    document,
    plain_text: anchors.plainText,
    word_count: countWords(anchors.plainText),
    revision: 1,
    created_at: at,
    created_by: by,
    updated_at: at,
    updated_by: by,
  };
  const versions = { [mergeEntry('notes', copyId, 'conflict copy')]: 1 };
  book.add({
    table: 'notes',
    recordId: copyId,
    kind: 'new',
    origin: side,
    row,
    stamp: { createdAt: at, createdBy: by, changedAt: at, changedBy: by, changedIn: stamp?.changedIn ?? null, versions, fieldClocks: {} },
  });
  // The passages only this version holds move with it.
  for (const id of onlyLost) book.adjust('passages', id, `into ${copyId}`, (passage) => (passage.note_id = copyId));
  return { noteId, copyId, title };
}
