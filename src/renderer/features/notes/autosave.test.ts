import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosave';

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const saver = (save: () => Promise<string | null>) => new Autosaver(save, { now: () => Date.now() });

  it('saves 250 ms after the last change', async () => {
    const save = vi.fn(async () => null);
    const autosave = saver(save);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(200);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60);
    expect(save).toHaveBeenCalledTimes(1);
    expect(autosave.status.kind).toBe('saved');
  });

  it('still saves at least every 500 ms while someone types without pause', async () => {
    const save = vi.fn(async () => null);
    const autosave = saver(save);
    const savedAt: number[] = [];
    save.mockImplementation(async () => {
      savedAt.push(Date.now());
      return null;
    });
    const start = Date.now();
    // A keystroke every 50 ms for 3 seconds: a pure debounce would never fire.
    for (let t = 0; t < 3000; t += 50) {
      autosave.touch();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(savedAt.length).toBeGreaterThanOrEqual(5);
    const gaps = savedAt.map((t, i) => t - (i === 0 ? start : savedAt[i - 1]!));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(550);
  });

  it('tells its listeners of a change of state, not of every keystroke (each told change renders the page)', async () => {
    const autosave = saver(async () => null);
    const told: string[] = [];
    autosave.onStatus((s) => told.push(s.kind));
    for (let key = 0; key < 20; key++) {
      autosave.touch();
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(300);
    // 20 keystrokes in 400 ms: one save at the 500 ms cap would be due, but the debounce ends it first.
    expect(told).toEqual(['pending', 'saving', 'saved']);
  });

  it('keeps a failed edit dirty, says why, and retries until it saves', async () => {
    let fail = true;
    const save = vi.fn(async () => (fail ? 'The disk is full.' : null));
    const autosave = saver(save);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(300);
    expect(autosave.status).toMatchObject({ kind: 'failed', message: 'The disk is full.' });
    expect(autosave.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(autosave.status.kind).toBe('saved');
    expect(autosave.dirty).toBe(false);
  });

  it('once disposed never saves again, even when a save under way as it was disposed fails (a conflict let go)', async () => {
    let answer: (error: string | null) => void = () => {};
    const save = vi.fn(() => new Promise<string | null>((resolve) => (answer = resolve)));
    const autosave = saver(save);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(1);
    autosave.dispose(); // e.g. "Take theirs" while the blur's save is on its way
    answer('This note was changed in another tab or window.');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    autosave.touch();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flush saves at once and waits; edits made during a save are saved after it', async () => {
    let release: () => void = () => {};
    const save = vi.fn(() => new Promise<string | null>((resolve) => (release = () => resolve(null))));
    const autosave = saver(save);
    autosave.touch();
    const flushed = autosave.flush();
    expect(save).toHaveBeenCalledTimes(1);
    autosave.touch(); // typed while the first save is in flight
    release();
    await flushed;
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(2);
    release();
    await vi.advanceTimersByTimeAsync(1);
    expect(autosave.status.kind).toBe('saved');
  });

  it('flush with nothing unsaved does not save', async () => {
    const save = vi.fn(async () => null);
    await saver(save).flush();
    expect(save).not.toHaveBeenCalled();
  });
});
