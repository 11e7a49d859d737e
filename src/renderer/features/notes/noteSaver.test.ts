import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteSaver, type SaveCall } from './noteSaver';

const saved = (revision: number) => ({ ok: true as const, value: { revision, wordCount: 1, savedAt: 'now', changedPassages: [] } });
const full = { ok: false as const, error: { code: 'DISK_FULL' as const, message: 'The disk is full.' } };
const ID = '11111111-1111-4111-8111-111111111111';

describe('the note saver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says itself whether it is dirty, its status and why it failed; flush saves at once', async () => {
    let answer: typeof full | ReturnType<typeof saved> = full;
    const call: SaveCall = async (input) => (answer === full ? full : saved(input.baseRevision + 1));
    const saver = new NoteSaver('note-1', 0, () => '{"root":1}', [], call);
    const statuses: string[] = [];
    const off = saver.onStatus((s) => statuses.push(s.kind));
    expect(saver.dirty).toBe(false);
    saver.touch();
    expect(saver.dirty).toBe(true);
    expect(await saver.flush()).toBe(false);
    expect(saver.status).toMatchObject({ kind: 'failed', message: 'The disk is full.' });
    expect(saver.problem()).toBe('The disk is full.');
    answer = saved(0);
    expect(await saver.flush()).toBe(true);
    expect(saver.dirty).toBe(false);
    expect(saver.status.kind).toBe('saved');
    off();
    saver.dispose();
    expect(statuses).toContain('failed');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('sends a theme named in the picker with the passage, for the core to find or create in the save', async () => {
    const calls: Parameters<SaveCall>[0][] = [];
    const call: SaveCall = async (input) => {
      calls.push(input);
      return saved(input.baseRevision + 1);
    };
    const saver = new NoteSaver('note-1', 0, () => `{"ids":["${ID}"]}`, [], call);
    expect(await saver.createPassage(ID, { newThemeName: 'Barriers' })).toBeNull();
    expect(calls.at(-1)?.createPassages).toEqual([{ id: ID, themeIds: [], newThemeName: 'Barriers' }]);
    saver.dispose();
  });
});
