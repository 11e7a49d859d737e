import type { Passage } from '../../../shared/domain/passage';
import { withChangedPassages } from '../passages/changedPassages';

/** How long after the last save whose answer only moved or retyped passages the page is told of them. */
export const SETTLE_MS = 1000;

type Update = (list: Passage[]) => Passage[];

export interface SettleTimers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const browserTimers: SettleTimers = {
  set: (fn, ms) => window.setTimeout(fn, ms),
  clear: (handle) => window.clearTimeout(handle as number),
};

/** Everything the page shows of a passage but its place and quoted text: what the marks are painted from. */
const shownAside = (p: Passage) => JSON.stringify({ ...p, start: 0, end: 0, quotedText: '' });

/** The same passage, only moved or with its text retyped: no mark, colour, label or notice changes. */
export const onlyPlaceChanged = (before: Passage, after: Passage): boolean =>
  before.id === after.id && shownAside(before) === shownAside(after);

/**
 * The open note's passages as saves change them (issue 11). Typing inside a passage changes its quoted
 * text (and typing before passages their offsets) on every autosave, twice a second; telling the page
 * each time made React commit, and while the caret is in the note every commit walks the note's whole
 * DOM to save and restore the selection (142–190 ms in the 200,000-word note, as a long task that delayed
 * the keys and the next save's answer). Nothing painted depends on those fields — only the passage bar's
 * quote and the tag picker's exact match read them — so such changes are kept here and told once the saves
 * pause (`SETTLE_MS`), or at once with any change that does show (a theme, a detached passage, a new
 * one), or when the picker opens (`settle`). Every other change of the list passes `update`, after these.
 */
export class SettlingPassages {
  private readonly held = new Map<string, Passage>();
  private timer: unknown = null;

  constructor(
    /** Change the list the page shows. */
    private readonly apply: (update: Update) => void,
    private readonly timers: SettleTimers = browserTimers,
    private readonly settleMs = SETTLE_MS,
  ) {}

  /** Passages changed but not yet told. */
  get holding(): number {
    return this.held.size;
  }

  /** A save's answer; `shown` finds a passage as the page shows it now. */
  saved(changed: Passage[], shown: (id: string) => Passage | undefined): void {
    if (changed.length === 0) return;
    const quiet = changed.every((p) => {
      const before = this.held.get(p.id) ?? shown(p.id);
      return before !== undefined && onlyPlaceChanged(before, p);
    });
    if (!quiet) return this.update((list) => withChangedPassages(list, changed));
    for (const p of changed) this.held.set(p.id, p);
    this.cancel();
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.settle();
    }, this.settleMs);
  }

  /** Tell the page everything held now, then `then` (any other change of the list, which may be newer). */
  update(then?: Update): void {
    this.cancel();
    const held = [...this.held.values()];
    this.held.clear();
    if (held.length === 0 && !then) return;
    this.apply((list) => {
      const settled = held.length ? withChangedPassages(list, held) : list;
      return then ? then(settled) : settled;
    });
  }

  /** Tell the page everything held now. */
  settle(): void {
    this.update();
  }

  /** The note closed: what is held goes with it (the next editor reads the note's passages afresh). */
  dispose(): void {
    this.cancel();
    this.held.clear();
  }

  private cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
