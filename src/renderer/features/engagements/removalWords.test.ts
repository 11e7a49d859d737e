import { describe, expect, it } from 'vitest';
import { removalLines } from './removalWords';

const none = { notes: 0, words: 0, passages: 0, findings: 0, citedPassages: 0, attachments: 0, participants: 0 };

describe('what a delete takes, in words', () => {
  it('names every kind of thing that goes, with its count', () => {
    expect(removalLines({ notes: 2, words: 1234, passages: 5, findings: 1, citedPassages: 2, attachments: 3, participants: 1 }, 'engagement')).toEqual([
      'Its 2 notes (1,234 words) will be deleted.',
      '5 tagged passages in them will be deleted, with their themes and memos.',
      '1 finding cites 2 of these passages; it keeps the quoted text, marked deleted.',
      '3 attachments will be deleted.',
      '1 participant is linked to it; they stay in the workspace, unlinked.',
      'This cannot be undone.',
    ]);
  });

  it('says only what applies', () => {
    expect(removalLines({ ...none, notes: 1, words: 1 }, 'note')).toEqual(['Its 1 word will be deleted.', 'This cannot be undone.']);
    expect(removalLines(none, 'engagement')).toEqual(['It has no notes.', 'This cannot be undone.']);
  });
});
