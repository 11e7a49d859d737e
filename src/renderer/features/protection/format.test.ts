import { describe, expect, it } from 'vitest';
import { describeCounts, describeReason, formatBytes } from './format';

describe('how backups read', () => {
  it('names each count in the singular or plural, in the order a review works', () => {
    expect(describeCounts({ passages: 12, engagements: 1, notes: 2, themes: 40, participants: 0 })).toBe(
      '1 engagement, 0 participants, 2 notes, 40 themes, 12 tagged passages',
    );
    expect(describeCounts({})).toBe('contents not recorded');
  });
  it('says why a backup was taken, and its size', () => {
    expect(describeReason('on open')).toBe('When the workspace was opened');
    expect(describeReason('before import')).toBe('Before import');
    expect(formatBytes(300)).toBe('1 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
