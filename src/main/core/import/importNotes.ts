import type Database from 'better-sqlite3';
import { fileNameStem } from '../../../shared/domain/files';
import type { NoteSummary } from '../../../shared/domain/note';
import { MAX_DOCUMENT_CHARS } from '../../../shared/domain/note';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { insertNote, listNotes } from '../services/notes';
import { readNote } from './readNote';
import { refuse } from './refuse';
import { requireEngagement } from '../store/engagements';

/**
 * How much one imported note may hold before the import is split into parts
 * ("Submission (part 2 of 3)"): a long day's transcript is ~100,000
 * characters, so one part is ten of those. Beyond that one note is slow to
 * edit and tag, and parts keep every note well under MAX_DOCUMENT_CHARS.
 */
export const PART_TEXT_CHARS = 1_000_000;
export const PART_BLOCKS = 5_000;

const blockChars = (block: NoteBlock): number =>
  block.kind === 'list'
    ? block.items.reduce((n, item) => n + item.reduce((m, run) => m + run.text.length, 0), 0)
    : block.runs.reduce((n, run) => n + run.text.length, 0);

/** Split blocks into parts of at most PART_TEXT_CHARS, preferring to start a part at a heading. */
export function splitIntoParts(blocks: NoteBlock[], maxChars = PART_TEXT_CHARS, maxBlocks = PART_BLOCKS): NoteBlock[][] {
  const parts: NoteBlock[][] = [];
  let part: NoteBlock[] = [];
  let chars = 0;
  for (const block of blocks) {
    const size = blockChars(block);
    const full = chars + size > maxChars || part.length >= maxBlocks;
    const niceBreak = block.kind === 'heading' && chars > maxChars * 0.8;
    if (part.length && (full || niceBreak)) {
      parts.push(part);
      part = [];
      chars = 0;
    }
    part.push(block);
    chars += size;
  }
  if (part.length) parts.push(part);
  return parts;
}

export interface ImportedFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * Import a file as notes of an engagement: read it whole, build every
 * part's document, and only then insert all of them in one transaction —
 * a refused or failing file leaves no note behind.
 */
export async function importNotes(
  workspaceDb: () => Database.Database,
  file: ImportedFile,
  engagementId: string,
  reviewerId: string,
): Promise<NoteSummary[]> {
  requireEngagement(workspaceDb(), engagementId);

  const { source, blocks } = await readNote(file.bytes, file.fileName);
  const parts = splitIntoParts(blocks);
  const documents = parts.map(blocksToDocument);
  if (documents.some((d) => d.length > MAX_DOCUMENT_CHARS)) {
    throw refuse(file.fileName, 'one of its paragraphs is too long to hold in a note. Split the file into smaller files.');
  }
  const stem = fileNameStem(file.fileName).slice(0, 280);
  const title = (i: number) => (documents.length === 1 ? stem : `${stem} (part ${i + 1} of ${documents.length})`);

  // The workspace may have been closed or switched while the file was read: ask again.
  const db = workspaceDb();
  const ids = db.transaction(() =>
    documents.map((document, i) => insertNote(db, { engagementId, title: title(i), document, source }, reviewerId)),
  )();
  const created = new Set(ids);
  return listNotes(db, engagementId).filter((n) => created.has(n.id));
}
