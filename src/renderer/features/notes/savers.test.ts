import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteSaver, type SaveCall } from './noteSaver';
import { flushAllNotes, registerSaver, releaseSaver, takeOverUnsaved } from './savers';

const saved = (revision: number) => ({ ok: true as const, value: { revision, wordCount: 1, savedAt: 'now', changedPassages: [] } });
const full = { ok: false as const, error: { code: 'DISK_FULL' as const, message: 'The disk is full.' } };

describe('note savers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an editor closing over a failed save keeps its text retrying, and the next editor takes it over', async () => {
    let disk: 'full' | 'ok' = 'full';
    const calls: Parameters<SaveCall>[0][] = [];
    const call: SaveCall = async (input) => {
      calls.push(input);
      return disk === 'full' ? full : saved(input.baseRevision + 1);
    };
    let text = '{"root":"typed"}';
    const saver = new NoteSaver('note-1', 4, () => text, [], call);
    registerSaver('note-1', saver);
    saver.touch();
    releaseSaver('note-1', saver); // the editor closes while the disk is full
    await vi.advanceTimersByTimeAsync(5000);
    expect(saver.dirty).toBe(true);
    expect((await flushAllNotes()).problems).toEqual(['The disk is full.']);

    // Reopened: the new editor gets the unsaved text and revision, not the stored document.
    text = '{"root":"typed and more"}';
    const handOver = takeOverUnsaved('note-1');
    expect(handOver).toMatchObject({ document: '{"root":"typed and more"}', revision: 4 });
    expect(takeOverUnsaved('note-1')).toBe(handOver); // asked twice in one render: same answer

    disk = 'ok';
    const next = new NoteSaver('note-1', handOver!.revision, () => handOver!.document, handOver!.pending, call);
    registerSaver('note-1', next);
    next.touch(); // as useNoteSession does with recovered text
    expect(await next.flush()).toBe(true);
    expect(calls.at(-1)).toMatchObject({ baseRevision: 4, document: '{"root":"typed and more"}' });
    expect((await flushAllNotes()).saved).toBe(true);
  });

  it('a passage whose mark was undone before it saved is not sent again and again', async () => {
    const calls: Parameters<SaveCall>[0][] = [];
    let fail = true;
    const call: SaveCall = async (input) => {
      calls.push(input);
      return fail ? full : saved(input.baseRevision + 1);
    };
    let document = '{"ids":["11111111-1111-4111-8111-111111111111"]}';
    const saver = new NoteSaver('note-2', 0, () => document, [], call);
    expect(await saver.createPassage('11111111-1111-4111-8111-111111111111', { themeIds: ['t'] })).toBe('The disk is full.');
    document = '{"ids":[]}'; // Ctrl+Z took the mark away
    fail = false;
    saver.touch();
    expect(await saver.flush()).toBe(true);
    expect(calls.at(-1)!.createPassages).toBeUndefined();
  });
});
