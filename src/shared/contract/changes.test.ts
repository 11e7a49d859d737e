import { describe, expect, it } from 'vitest';
import { changedBy, EVERYTHING } from './changes';
import { methodNames } from './methods';

describe('what a call makes stale', () => {
  it('reads change nothing, so a query can never invalidate itself', () => {
    for (const method of ['themes.list', 'notes.get', 'attachments.read', 'passages.forNote', 'themes.deletePreview', 'search.query', 'codebook.exportQdc', 'workspace.current', 'matrix.cell', 'matrix.summaries', 'findings.citing', 'findings.byTheme', 'analysis.cooccurrencePassages', 'analysis.coverage', 'agreement.list', 'agreement.get']) {
      expect(changedBy(method), method).toEqual([]);
    }
  });

  it('a write changes its own namespace and what shows it', () => {
    expect(changedBy('themes.create')).toEqual(expect.arrayContaining(['themes', 'passages', 'search']));
    expect(changedBy('engagementTypes.add')).toEqual(['engagementTypes', 'engagements']);
    expect(changedBy('workspace.open')).toEqual([EVERYTHING]);
    expect(changedBy('notes.save')).not.toContain('notes');
    expect(changedBy('someNewDomain.archive')).toEqual(['someNewDomain']);
  });

  it('every method of the contract is classified without throwing', () => {
    for (const method of methodNames) expect(Array.isArray(changedBy(method))).toBe(true);
  });
});
