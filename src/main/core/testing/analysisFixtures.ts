// Helpers for search and theme-view tests only: a real workspace file, notes
// with real documents, and passages tagged the way the editor tags them
// (a mark put in with the headless editor, then saveNote creates the passage).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEngagement } from '../../../shared/domain/engagement';
import type { NoteBlock } from '../../../shared/domain/noteBlocks';
import { NewParticipant } from '../../../shared/domain/participant';
import { documentAnchors } from '../../../shared/note/anchors';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { createNoteEditor, deleteRange, insertText, serialize, tagRange } from '../../../shared/note/editing';
import { createEngagement } from '../services/engagements';
import { createNote, saveNote } from '../services/notes';
import { createParticipant } from '../services/participants';
import { updatePassage } from '../services/passages';
import { recordReviewer } from '../store/reviewers';
import { createTheme } from '../services/themes';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { TEST_REVIEWER, type tempFolders } from './tempWorkspace';

export const OTHER_REVIEWER = { id: 'reviewer-test-2', name: 'Grace Hopper', initials: 'GH' };

export interface TestNote {
  id: string;
  /** The note's canonical plain text now. */
  text(): string;
  /** Tag the n-th occurrence (from 0) of `quote` with themes; returns the passage id. */
  tag(quote: string, themeIds: string[], options?: { occurrence?: number; by?: string; memo?: string; keyQuote?: boolean }): string;
  insert(at: number, text: string): void;
  remove(start: number, end: number): void;
}

/** Code-point offset of the n-th occurrence of `needle` in `text`. */
export function codePointIndex(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" is not in the note`);
  }
  return Array.from(text.slice(0, at)).length;
}

export function analysisWorkspace(folders: ReturnType<typeof tempFolders>) {
  const workspace: Workspace = createWorkspace(join(folders.make(), 'analysis.fieldnotes'), { name: 'Analysis', createdBy: TEST_REVIEWER });
  const { db } = workspace;
  recordReviewer(db, OTHER_REVIEWER);
  return {
    workspace,
    db,
    close: () => workspace.close(),
    theme: (name: string, parentId: string | null = null) => createTheme(db, { name, parentId }, TEST_REVIEWER.id).id,
    engagement: (input: Partial<NewEngagement> = {}) =>
      createEngagement(db, { title: 'Moorfields Eye Hospital', type: 'site_visit', date: '2018-06-19', ...input }, TEST_REVIEWER.id).id,
    /** A participant; returns their code (P001, P002, … in order). */
    participant: (staffGroup: string) =>
      createParticipant(db, NewParticipant.parse({ staffGroup }), TEST_REVIEWER.id).code,
    /** A note of these blocks: a string is a paragraph ("\n" in it a line break), else a block as an import makes it (a list). */
    note(engagementId: string, paragraphs: (string | NoteBlock)[], by = TEST_REVIEWER.id): TestNote {
      const note = createNote(db, engagementId, undefined, by);
      const editor = createNoteEditor(blocksToDocument(paragraphs.map((t) => (typeof t === 'string' ? { kind: 'paragraph' as const, runs: [{ text: t }] } : t))));
      let revision = note.revision;
      const save = (creates?: { id: string; themeIds: string[] }[], reviewer = by) => {
        revision = saveNote(db, { id: note.id, document: serialize(editor), baseRevision: revision, createPassages: creates }, reviewer).revision;
      };
      save();
      const text = () => documentAnchors(serialize(editor)).plainText;
      return {
        id: note.id,
        text,
        tag(quote, themeIds, options = {}) {
          const start = codePointIndex(text(), quote, options.occurrence);
          const id = randomUUID();
          if (!tagRange(editor, start, start + Array.from(quote).length, id)) throw new Error(`could not tag "${quote}"`);
          save([{ id, themeIds }], options.by ?? by);
          if (options.memo !== undefined || options.keyQuote !== undefined) {
            updatePassage(db, { id, memo: options.memo, keyQuote: options.keyQuote });
          }
          return id;
        },
        insert(at, inserted) {
          insertText(editor, at, inserted);
          save();
        },
        remove(start, end) {
          deleteRange(editor, start, end);
          save();
        },
      };
    },
  };
}

export type AnalysisWorkspace = ReturnType<typeof analysisWorkspace>;
