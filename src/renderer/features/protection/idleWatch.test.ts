import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from './idleWatch';

describe('locking after idle time', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('fires once nobody has typed, clicked or scrolled for the whole wait, and each use starts it again', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    const stop = watchIdle(target, 60_000, onIdle);
    vi.advanceTimersByTime(50_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(50_000);
    target.dispatchEvent(new Event('wheel'));
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stops watching when asked: no lock after the workspace closed', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 1000, onIdle)();
    vi.advanceTimersByTime(5000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
