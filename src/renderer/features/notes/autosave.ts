/**
 * When to save a note. A pure debounce would save nothing while someone types
 * without pause, so a save happens `wait` ms after the last keystroke or
 * `maxWait` ms after the first unsaved one, whichever is sooner. A failed save
 * keeps the edit dirty and retries with backoff; `flush` saves now (blur,
 * switching notes, closing the window).
 */
export type SaveStatus =
  | { kind: 'saved'; at: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; retryInMs: number };

export interface AutosaveOptions {
  wait?: number;
  maxWait?: number;
  /** First retry delay after a failure; doubles up to maxRetry. */
  retry?: number;
  maxRetry?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Performs one save; resolves to an error message, or null on success. */
export type SaveFn = () => Promise<string | null>;

export class Autosaver {
  private dirtySince: number | null = null;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private disposed = false;
  private statusValue: SaveStatus;
  private readonly listeners = new Set<(status: SaveStatus) => void>();
  private readonly o: Required<AutosaveOptions>;

  constructor(
    private readonly save: SaveFn,
    options: AutosaveOptions = {},
  ) {
    this.o = {
      wait: 250,
      maxWait: 500,
      retry: 1000,
      maxRetry: 10_000,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
    this.statusValue = { kind: 'saved', at: this.o.now() };
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  get dirty(): boolean {
    return this.dirtySince !== null;
  }

  onStatus(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: schedule a save. */
  touch(): void {
    const now = this.o.now();
    this.dirtySince ??= now;
    if (this.statusValue.kind !== 'failed') this.setStatus({ kind: 'pending' });
    if (this.failures > 0) return; // a retry is already scheduled
    const due = Math.min(now + this.o.wait, this.dirtySince + this.o.maxWait);
    this.schedule(due - now);
  }

  /**
   * Save now if anything is unsaved, and wait for it. Resolves true when
   * everything is saved; false if the save failed (a retry stays scheduled).
   */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
    if (this.dirtySince !== null) await this.run();
    if (this.dirtySince !== null && this.timer === null) {
      // Failed, and flushing cancelled the retry: schedule it again.
      this.schedule(this.o.retry);
    }
    return this.dirtySince === null;
  }

  /** Stop for good: nothing is saved or retried after this. For a saver with nothing unsaved, or one let go (savers.ts). */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    // A save under way when the saver was let go ends in its own time; it must not schedule another (after a
    // conflict, "Take theirs" let it go, and its retries sent the dropped text again and again).
    if (this.disposed) return;
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      void this.run();
    }, Math.max(0, ms));
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (this.inFlight) {
      // A save is under way; the edits since will be saved right after it.
      await this.inFlight;
      if (this.dirtySince !== null && this.timer === null) return this.run();
      return;
    }
    if (this.dirtySince === null || this.disposed) return;
    const startedDirtyAt = this.dirtySince;
    this.dirtySince = null;
    this.setStatus({ kind: 'saving' });
    let error: string | null;
    this.inFlight = this.save().then(
      (result) => void (error = result),
      (thrown: unknown) => void (error = thrown instanceof Error ? thrown.message : String(thrown)),
    );
    await this.inFlight;
    this.inFlight = null;
    if (error!) {
      // Keep the edit: it is dirty again since the first unsaved change.
      this.dirtySince = Math.min(startedDirtyAt, this.dirtySince ?? startedDirtyAt);
      this.failures++;
      const retryInMs = Math.min(this.o.retry * 2 ** (this.failures - 1), this.o.maxRetry);
      this.setStatus({ kind: 'failed', message: error, retryInMs });
      this.schedule(retryInMs);
      return;
    }
    this.failures = 0;
    if (this.dirtySince !== null) {
      this.setStatus({ kind: 'pending' });
      const now = this.o.now();
      this.schedule(Math.min(this.o.wait, this.dirtySince + this.o.maxWait - now));
    } else {
      this.setStatus({ kind: 'saved', at: this.o.now() });
    }
  }

  private setStatus(status: SaveStatus): void {
    // Every keystroke touches: telling the page "pending" again each time re-rendered the editor per key,
    // and each render in a long note costs a walk of its whole DOM (issue 11; see SaveIndicator).
    if ((status.kind === 'pending' || status.kind === 'saving') && status.kind === this.statusValue.kind) return;
    this.statusValue = status;
    this.listeners.forEach((l) => l(status));
  }
}
