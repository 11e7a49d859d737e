import type { Migration } from './index';

/**
 * A page of search hits places each match in its note's whole text, in code points, so it needs the
 * length of every block before the match — but reads the text only of the blocks that matched (issue 8).
 * A block's row holds its JSON before its text (about 1 KB together), and reading 5,600 rows for the 50
 * notes of a page cost as much as marking the matches; this index holds each block's length in code points
 * in note order, so those lengths come from the index alone (store/search.ts `highlightedNotes`).
 * length() stops at a NUL, so the index also says where a block's first NUL is: such a block's text is read.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'block_lengths',
  up: (db) => {
    db.exec(`CREATE INDEX note_blocks_lengths ON note_blocks(note_id, seq, length(text), instr(text, char(0)));`);
  },
};
