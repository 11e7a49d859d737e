import { describe, expect, it } from 'vitest';
import { changedBy, EVERYTHING, isStale } from './changes';
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

  it('an autosave of text alone names what shows the text; one touching passages, or an answer it cannot read, names all', () => {
    const textAlone = changedBy('notes.save', { input: { id: 'n' }, output: { changedPassages: [] } });
    expect(textAlone).toEqual(expect.arrayContaining(['search', 'themes.view']));
    expect(textAlone).not.toContain('themes');
    expect(isStale(textAlone, 'themes', 'themes.view')).toBe(true);
    expect(isStale(textAlone, 'themes', 'themes.list')).toBe(false);
    expect(changedBy('notes.save', { input: { createPassages: [{ id: 'p' }] }, output: { changedPassages: [] } })).toContain('themes');
    expect(changedBy('notes.save', { input: {}, output: { changedPassages: [{ id: 'p' }] } })).toContain('themes');
    expect(changedBy('notes.save', { input: null, output: null })).toEqual(changedBy('notes.save'));
  });

  it('an autosave that only retyped passages names their reads and what shows the text, not the codebook or findings', () => {
    const retyped = changedBy('notes.save', { input: { id: 'n' }, output: { changedPassages: [{ id: 'p' }], passagesRetyped: true } });
    expect(retyped).toEqual(expect.arrayContaining(['passages', 'search', 'themes.view', 'matrix.cell']));
    expect(isStale(retyped, 'themes', 'themes.list')).toBe(false);
    expect(isStale(retyped, 'findings', 'findings.citing')).toBe(false);
    expect(changedBy('notes.save', { input: {}, output: { changedPassages: [{ id: 'p' }], passagesRetyped: false } })).toContain('themes');
  });

  it('every method of the contract is classified without throwing', () => {
    for (const method of methodNames) expect(Array.isArray(changedBy(method))).toBe(true);
  });
});
