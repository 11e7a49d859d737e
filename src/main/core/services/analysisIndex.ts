import type Database from 'better-sqlite3';
import {
  analysisTick,
  changedSince,
  engagementRows,
  ID_RANGES,
  notesInViewOrder,
  participantRows,
  passagesIn,
  passagesOf,
  tagsIn,
  tagsOf,
  themeParentRows,
  type PassageColumnsRead,
  type TagColumnsRead,
} from '../store/analysisIndex';
import { SearchMarks } from './searchMarks';
import type { BlockLayout } from '../store/search';
import { heldPart, memoryPart, remembered } from '../workspace/connectionMemory';

/**
 * Every passage of the workspace as a few typed arrays in memory (issue 8): what the matrix, co-occurrence,
 * the theme view and search's place filters count and filter, with integers for themes, participants,
 * engagements and notes. At review scale the SQL behind those screens — joins over 40,000 passages and
 * 50,000 tags — is itself slower than their targets; a loop over these arrays is a few milliseconds.
 *
 * One index per open database, built a step at a time in the background when the workspace opens (or at
 * once by the first use that comes before it is done). Before each use it asks the change clock (migration
 * 0011's triggers) what changed since it last looked and re-reads only that: the passages and tags of the
 * notes that changed, and the small tables (themes, participants, engagements, note order) when one did.
 * Inside a transaction it is not trusted (a rollback would leave it ahead of the file): a fresh one is built
 * and thrown away.
 *
 * Passages are kept in the theme view's order — notes in the order evidence was gathered, then within a note
 * attached before detached, by place, by id — so a filtered view is a scan, not a sort.
 */

/**
 * One note's passages as read, in view order, column by column — no object per passage — with the ids of
 * themes, people and reviewers as one shared string each; and (once the small tables are known) as integers,
 * ready to copy in.
 */
interface NoteSlice {
  rowid: Float64Array;
  id: string[];
  start: Int32Array;
  end: Int32Array;
  detached: Uint8Array;
  keyQuote: Uint8Array;
  /** '' when no speaker is linked. */
  participant: string[];
  createdBy: string[];
  /** Passage j's themes and who tagged them are tagTheme/tagBy[tagStart[j] .. tagStart[j+1]). */
  tagStart: Int32Array;
  tagTheme: string[];
  tagBy: string[];
  ints: NoteInts | null;
}

/** The columns a note's slice and the whole index both hold, one entry per passage. */
interface PassageColumns {
  /** -1: no speaker linked. */
  participant: Int32Array;
  start: Int32Array;
  end: Int32Array;
  detached: Uint8Array;
  keyQuote: Uint8Array;
  createdBy: Int32Array;
  /** Themes and who tagged them, passage after passage. */
  theme: Int32Array;
  taggedBy: Int32Array;
}

interface NoteInts extends PassageColumns {
  dims: Dimensions;
  tagCount: Int32Array;
}

/** The small tables, as integers. */
export interface Dimensions {
  themeIds: string[];
  themeIndex: Map<string, number>;
  /** Per theme: itself and its ancestors (a damaged, cyclic tree stops where it repeats). */
  up: number[][];
  /** The same in CSR form, for the counting loops: theme t's chain is upList[upStart[t] .. upStart[t+1]). */
  upStart: Int32Array;
  upList: Int32Array;
  participantIds: string[];
  participantIndex: Map<string, number>;
  staffGroup: string[];
  engagementIds: string[];
  engagementIndex: Map<string, number>;
  engagementType: string[];
  organisation: string[];
  /** Note ids in view order, each note's engagement, and its rowid (as FTS5 names it). */
  noteIds: string[];
  noteEngagement: Int32Array;
  noteByRowid: Map<number, number>;
  noteIndex: Map<string, number>;
}

/** Every passage, in view order, column by column. Themes are in CSR form: passage i's are theme[themeStart[i] .. themeStart[i+1]). */
export interface Passages extends PassageColumns {
  count: number;
  rowid: Float64Array;
  id: string[];
  note: Int32Array;
  engagement: Int32Array;
  themeStart: Int32Array;
  /** Reviewer ids (created_by, tagged_by) as integers. */
  reviewerIndex: Map<string, number>;
  /** How many passages carry each theme directly. */
  themeCount: Int32Array;
  /** Note n's passages are noteStart[n] .. noteStart[n+1]. */
  noteStart: Int32Array;
}

export interface AnalysisIndex {
  dims: Dimensions;
  passages: Passages;
  /**
   * Per note id, what search's staff-group filter reads of its text (searchPlaces.ts): kept here so it is
   * dropped when, and only when, the note's text changes.
   */
  noteText: Map<string, SpeakerLines>;
  /**
   * Per note id, its attached key quotes' texts normalised for matching, by passage rowid (searchPlaces.ts):
   * read by search's key-quotes filter, dropped when any of the note's passages (or its text) changes.
   */
  keyQuoteText: Map<string, Map<number, string>>;
  /** Search pages' marked note texts for the last few queries (searchMarks.ts), dropped as noteText is. */
  searchMarks: SearchMarks;
  /** Per note id, its blocks' ids and lengths as a search page places matches by them (store/search.ts), dropped as noteText is. */
  blockLayouts: Map<string, BlockLayout>;
}

/**
 * A note's speaker turns by speaker: code ("P014") → every line of theirs that starts "P014:", normalised for
 * matching (searchQuery.ts normalise) and joined by newlines — so a staff-group filter tests each speaker once;
 * and code → the indexes (in order) of the note's blocks holding such a line, the only ones a page marks.
 */
export interface SpeakerLines {
  turns: Map<string, string>;
  blocks: Map<string, number[]>;
}

class LiveIndex {
  private tick = -1;
  private slices = new Map<string, NoteSlice>();
  private dims: Dimensions | null = null;
  private flat: Passages | null = null;
  private noteText = new Map<string, SpeakerLines>();
  private keyQuoteText = new Map<string, Map<number, string>>();
  private searchMarks = new SearchMarks();
  private blockLayouts = new Map<string, BlockLayout>();
  /** One string per id of a theme, person or reviewer, however many rows name it. */
  private readonly pool = new Map<string, string>();
  private readonly intern = (id: string): string => {
    const kept = this.pool.get(id);
    if (kept !== undefined) return kept;
    this.pool.set(id, id);
    return id;
  };
  /** Reviewer ids as integers; only grows, so a note's integers stay valid while the small tables do. */
  private reviewers = new Map<string, number>();
  /** A first build under way in the background (buildInBackground), step by step. */
  private building: Generator<void, void> | null = null;

  constructor(private readonly db: Database.Database) {}

  current(): AnalysisIndex {
    this.finishBuilding();
    const tick = analysisTick(this.db);
    if (this.tick < 0 || tick < this.tick) drain(this.build());
    else if (tick > this.tick) this.refresh(changedSince(this.db, this.tick));
    this.tick = tick;
    this.dims ??= readDimensions(this.db);
    this.flat ??= flatten(this.dims, this.slices, this.reviewers);
    return { dims: this.dims, passages: this.flat, noteText: this.noteText, keyQuoteText: this.keyQuoteText, searchMarks: this.searchMarks, blockLayouts: this.blockLayouts };
  }

  /**
   * Build it a step at a time, each step a macrotask, so requests that arrive meanwhile are answered in
   * between (one that needs the index finishes the build there and then). Nothing if it is built.
   */
  buildInBackground(): void {
    if (this.tick >= 0 || this.building) return;
    const steps = (this.building = this.build());
    const next = () => {
      if (this.building !== steps) return; // finished by a request, or the database closed
      if (!this.db.open) {
        this.building = null;
        return;
      }
      // Never read in the middle of someone's transaction: what it wrote may yet roll back.
      if (this.db.inTransaction) return void setTimeout(next, 20).unref?.();
      if (steps.next().done) this.building = null;
      else setImmediate(next).unref?.();
    };
    setImmediate(next).unref?.();
  }

  get isBuilding(): boolean {
    return this.building !== null;
  }

  /** The workspace is closing: stop a background build and let go of everything held. */
  dispose(): void {
    this.building = null;
    this.slices.clear();
    this.noteText.clear();
    this.keyQuoteText.clear();
    this.searchMarks.clear();
    this.blockLayouts.clear();
    this.reviewers.clear();
    this.pool.clear();
    this.dims = null;
    this.flat = null;
    this.tick = -1;
  }

  private finishBuilding(): void {
    if (!this.building) return;
    const steps = this.building;
    this.building = null;
    drain(steps);
  }

  /**
   * Read every tag, then every passage, one id range at a time (a step each), then convert the notes to
   * integers. It ends at the tick it started from: whatever was written between its steps is re-read by the
   * refresh of the next use, as any write would be (a note read twice reads the same rows twice, harmlessly).
   */
  private *build(): Generator<void, void> {
    const tick = analysisTick(this.db);
    const tags: TagColumnsRead = { passage: [], theme: [], taggedBy: [] };
    for (const range of ID_RANGES) {
      const read = tagsIn(this.db, range);
      for (let j = 0; j < read.passage.length; j++) {
        tags.passage.push(read.passage[j]!);
        tags.theme.push(read.theme[j]!);
        tags.taggedBy.push(read.taggedBy[j]!);
      }
      yield;
    }
    const tagFrom = firstTagOf(tags);
    const slices = new Map<string, NoteSlice>();
    for (const range of ID_RANGES) {
      for (const [id, slice] of slicesOf(passagesIn(this.db, range), tags, tagFrom, this.intern)) slices.set(id, slice);
      yield;
    }
    this.slices = slices;
    this.noteText.clear();
    this.keyQuoteText.clear();
    this.searchMarks.clear();
    this.blockLayouts.clear();
    this.dims = null;
    this.flat = null;
    this.tick = tick;
    yield;
    const dims = (this.dims = readDimensions(this.db));
    let converted = 0;
    for (const slice of slices.values()) {
      intsOf(slice, dims, this.reviewers);
      if (++converted % 500 === 0) yield;
    }
    yield;
    this.flat = flatten(dims, slices, this.reviewers);
  }

  private refresh(changed: string[]): void {
    if (changed.length === 0) return;
    if (changed.includes('*')) this.dims = null;
    const notes = changed.filter((id) => id !== '*');
    const { dims, flat } = this;
    if (notes.length) {
      const tags = tagsOf(this.db, notes);
      const fresh = slicesOf(passagesOf(this.db, notes), tags, firstTagOf(tags), this.intern);
      for (const id of notes) {
        this.noteText.delete(id);
        this.keyQuoteText.delete(id);
        this.searchMarks.forget(id);
        this.blockLayouts.delete(id);
        const slice = fresh.get(id);
        if (slice) this.slices.set(id, slice);
        else this.slices.delete(id);
      }
    }
    const positions = notes.map((id) => dims?.noteIndex.get(id) ?? -1);
    // Only notes changed, and each is one the small tables know: copy the rest, convert those.
    if (this.dims && dims && flat && !positions.includes(-1)) this.flat = withNotesReplaced(flat, dims, positions, this.slices, this.reviewers);
    else this.flat = null;
  }
}

function drain(steps: Generator<void, void>): void {
  while (!steps.next().done);
}

/** One per open connection, kept with it and disposed when its workspace closes (workspace/connectionMemory.ts). */
const LIVE_INDEX = memoryPart('analysis index', (db) => new LiveIndex(db), (index) => index.dispose());

const liveIndex = (db: Database.Database): LiveIndex => remembered(db, LIVE_INDEX);

/** The analysis index of this database, current with every committed write. */
export function analysisIndex(db: Database.Database): AnalysisIndex {
  if (db.inTransaction) return new LiveIndex(db).current();
  return liveIndex(db).current();
}

/**
 * Start building the index in the background (at open, issue 8): at four times review scale the first build
 * takes a second or more, which the first analysis screen would otherwise wait for.
 */
export function buildInBackground(db: Database.Database): void {
  liveIndex(db).buildInBackground();
}

/** Is a background build still under way? (For tests.) */
export function isBuildingInBackground(db: Database.Database): boolean {
  return heldPart(db, LIVE_INDEX)?.isBuilding ?? false;
}

/** Where each passage's tags begin in the columns (they are grouped by passage). */
function firstTagOf(tags: TagColumnsRead): Map<string, number> {
  const from = new Map<string, number>();
  tags.passage.forEach((p, j) => {
    if (j === 0 || tags.passage[j - 1] !== p) from.set(p, j);
  });
  return from;
}

/** The passages read, with their tags, as one slice per note, each in the theme view's order within a note. */
function slicesOf(read: PassageColumnsRead, tags: TagColumnsRead, tagFrom: Map<string, number>, intern: (id: string) => string): Map<string, NoteSlice> {
  const byNote = new Map<string, number[]>();
  read.note.forEach((note, r) => {
    const mine = byNote.get(note);
    if (mine) mine.push(r);
    else byNote.set(note, [r]);
  });
  // The SQL's ORDER BY detached, start_offset, end_offset, id.
  const inViewOrder = (a: number, b: number) =>
    read.detached[a]! - read.detached[b]! || read.start[a]! - read.start[b]! || read.end[a]! - read.end[b]! || compareBinary(read.id[a]!, read.id[b]!);
  const slices = new Map<string, NoteSlice>();
  for (const [note, rows] of byNote) {
    rows.sort(inViewOrder);
    const n = rows.length;
    const tagStart = new Int32Array(n + 1);
    const tagTheme: string[] = [];
    const tagBy: string[] = [];
    rows.forEach((r, j) => {
      const id = read.id[r]!;
      for (let t = tagFrom.get(id) ?? tags.passage.length; t < tags.passage.length && tags.passage[t] === id; t++) {
        tagTheme.push(intern(tags.theme[t]!));
        tagBy.push(intern(tags.taggedBy[t]!));
      }
      tagStart[j + 1] = tagTheme.length;
    });
    slices.set(note, {
      rowid: Float64Array.from(rows, (r) => read.rowid[r]!),
      id: rows.map((r) => read.id[r]!),
      start: Int32Array.from(rows, (r) => read.start[r]!),
      end: Int32Array.from(rows, (r) => read.end[r]!),
      detached: Uint8Array.from(rows, (r) => read.detached[r]!),
      keyQuote: Uint8Array.from(rows, (r) => read.keyQuote[r]!),
      participant: rows.map((r) => intern(read.participant[r]!)),
      createdBy: rows.map((r) => intern(read.createdBy[r]!)),
      tagStart,
      tagTheme,
      tagBy,
      ints: null,
    });
  }
  return slices;
}

/**
 * SQLite's BINARY order of two strings (their UTF-8 bytes), which is code point order. JavaScript's `<`
 * compares UTF-16 units, which differs only where a surrogate meets a unit from U+E000 up.
 */
export function compareBinary(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
    if (surrogate(x) !== surrogate(y) && Math.max(x, y) >= 0xd800) return surrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function indexOf(ids: string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

function readDimensions(db: Database.Database): Dimensions {
  const themes = themeParentRows(db);
  const themeIds = themes.map(([id]) => id);
  const themeIndex = indexOf(themeIds);
  const parent = themes.map(([, p]) => (p === null ? -1 : (themeIndex.get(p) ?? -1)));
  const up = parent.map((_, t) => {
    const chain: number[] = [];
    for (let at = t; at >= 0 && !chain.includes(at); at = parent[at]!) chain.push(at);
    return chain;
  });
  const upStart = new Int32Array(up.length + 1);
  up.forEach((chain, t) => (upStart[t + 1] = upStart[t]! + chain.length));
  const participants = participantRows(db);
  const engagements = engagementRows(db);
  const engagementIndex = indexOf(engagements.map(([id]) => id));
  const notes = notesInViewOrder(db);
  return {
    themeIds,
    themeIndex,
    up,
    upStart,
    upList: Int32Array.from(up.flat()),
    participantIds: participants.map(([id]) => id),
    participantIndex: indexOf(participants.map(([id]) => id)),
    staffGroup: participants.map(([, g]) => g),
    engagementIds: engagements.map(([id]) => id),
    engagementIndex,
    engagementType: engagements.map(([, t]) => t),
    organisation: engagements.map(([, , o]) => o),
    noteIds: notes.map(([id]) => id),
    noteEngagement: Int32Array.from(notes, ([, e]) => engagementIndex.get(e) ?? -1),
    noteByRowid: new Map(notes.map(([, , rowid], i) => [rowid, i])),
    noteIndex: indexOf(notes.map(([id]) => id)),
  };
}

/** A note's passages as integers against these small tables; made once per note and kept until either changes. */
function intsOf(slice: NoteSlice, dims: Dimensions, reviewers: Map<string, number>): NoteInts {
  if (slice.ints?.dims === dims) return slice.ints;
  const reviewer = (id: string) => {
    let r = reviewers.get(id);
    if (r === undefined) reviewers.set(id, (r = reviewers.size));
    return r;
  };
  const n = slice.id.length;
  const themes: number[] = [];
  const taggedBy: number[] = [];
  const tagCount = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    for (let t = slice.tagStart[j]!; t < slice.tagStart[j + 1]!; t++) {
      const theme = dims.themeIndex.get(slice.tagTheme[t]!);
      if (theme === undefined) continue; // a tag of a theme gone: the foreign key makes it impossible
      themes.push(theme);
      taggedBy.push(reviewer(slice.tagBy[t]!));
      tagCount[j]!++;
    }
  }
  return (slice.ints = {
    dims,
    participant: Int32Array.from(slice.participant, (p) => (p === '' ? -1 : (dims.participantIndex.get(p) ?? -1))),
    start: slice.start,
    end: slice.end,
    detached: slice.detached,
    keyQuote: slice.keyQuote,
    createdBy: Int32Array.from(slice.createdBy, reviewer),
    tagCount,
    theme: Int32Array.from(themes),
    taggedBy: Int32Array.from(taggedBy),
  });
}

/** A note's slice with its integers, or null for a note with no passages. */
type NotePart = { slice: NoteSlice; ints: NoteInts } | null;

function partOf(slices: Map<string, NoteSlice>, noteId: string, dims: Dimensions, reviewers: Map<string, number>): NotePart {
  const slice = slices.get(noteId);
  return slice ? { slice, ints: intsOf(slice, dims, reviewers) } : null;
}

const passageCount = (part: NotePart) => part?.slice.id.length ?? 0;
const tagCountOf = (part: NotePart) => part?.ints.theme.length ?? 0;

function allocate(dims: Dimensions, reviewers: Map<string, number>, count: number, tagCount: number): Passages {
  return {
    count,
    rowid: new Float64Array(count),
    id: new Array<string>(count),
    note: new Int32Array(count),
    engagement: new Int32Array(count),
    participant: new Int32Array(count),
    start: new Int32Array(count),
    end: new Int32Array(count),
    detached: new Uint8Array(count),
    keyQuote: new Uint8Array(count),
    createdBy: new Int32Array(count),
    themeStart: new Int32Array(count + 1),
    theme: new Int32Array(tagCount),
    taggedBy: new Int32Array(tagCount),
    reviewerIndex: reviewers,
    themeCount: new Int32Array(dims.themeIds.length),
    noteStart: new Int32Array(dims.noteIds.length + 1),
  };
}

/** Write a note's passages at passage i and tag k; returns where the next note starts. */
function fillNote(out: Passages, dims: Dimensions, note: number, part: NotePart, i: number, k: number): [number, number] {
  out.noteStart[note] = i;
  if (!part) return [i, k];
  const { slice, ints } = part;
  const n = slice.id.length;
  out.participant.set(ints.participant, i);
  out.start.set(ints.start, i);
  out.end.set(ints.end, i);
  out.detached.set(ints.detached, i);
  out.keyQuote.set(ints.keyQuote, i);
  out.createdBy.set(ints.createdBy, i);
  out.note.fill(note, i, i + n);
  out.engagement.fill(dims.noteEngagement[note]!, i, i + n);
  out.theme.set(ints.theme, k);
  out.taggedBy.set(ints.taggedBy, k);
  out.rowid.set(slice.rowid, i);
  for (let j = 0; j < n; j++) {
    out.id[i + j] = slice.id[j]!;
    out.themeStart[i + j] = k;
    k += ints.tagCount[j]!;
  }
  return [i + n, k];
}

/** Notes a .. b-1 copied from an index of the same small tables, at passage i and tag k (typed arrays copy as memory). */
function copyNotes(out: Passages, old: Passages, a: number, b: number, i: number, k: number): [number, number] {
  const from = old.noteStart[a]!;
  const to = old.noteStart[b]!;
  const tagFrom = old.themeStart[from]!;
  const tagTo = old.themeStart[to]!;
  for (const column of ['rowid', 'note', 'engagement', 'participant', 'start', 'end', 'detached', 'keyQuote', 'createdBy'] as const) {
    (out[column] as Int32Array).set((old[column] as Int32Array).subarray(from, to), i);
  }
  out.theme.set(old.theme.subarray(tagFrom, tagTo), k);
  out.taggedBy.set(old.taggedBy.subarray(tagFrom, tagTo), k);
  for (let j = from; j < to; j++) {
    out.id[i + j - from] = old.id[j]!;
    out.themeStart[i + j - from] = old.themeStart[j]! - tagFrom + k;
  }
  for (let note = a; note < b; note++) out.noteStart[note] = old.noteStart[note]! - from + i;
  return [i + to - from, k + tagTo - tagFrom];
}

function finish(out: Passages, dims: Dimensions): Passages {
  out.themeStart[out.count] = out.theme.length;
  out.noteStart[dims.noteIds.length] = out.count;
  for (let t = 0; t < out.theme.length; t++) out.themeCount[out.theme[t]!]!++;
  return out;
}

/** Every note's passages copied into one set of arrays, in view order: after a write, only changed notes are converted again. */
function flatten(dims: Dimensions, slices: Map<string, NoteSlice>, reviewers: Map<string, number>): Passages {
  const parts = dims.noteIds.map((id) => partOf(slices, id, dims, reviewers));
  const out = allocate(
    dims,
    reviewers,
    parts.reduce((n, part) => n + passageCount(part), 0),
    parts.reduce((n, part) => n + tagCountOf(part), 0),
  );
  let at: [number, number] = [0, 0];
  parts.forEach((part, note) => (at = fillNote(out, dims, note, part, ...at)));
  return finish(out, dims);
}

/**
 * The index with only these notes' passages read again (a write that changed notes, not the small tables):
 * the other notes' stretches are copied as memory, not converted again — at four times review scale a
 * write's first answer was otherwise a whole flatten. A new object, so an answer already holding the old
 * index is not changed under it.
 */
function withNotesReplaced(old: Passages, dims: Dimensions, notes: number[], slices: Map<string, NoteSlice>, reviewers: Map<string, number>): Passages {
  const changed = [...new Set(notes)].sort((x, y) => x - y).map((note) => ({ note, part: partOf(slices, dims.noteIds[note]!, dims, reviewers) }));
  let count = old.count;
  let tagCount = old.theme.length;
  for (const { note, part } of changed) {
    const from = old.noteStart[note]!;
    const to = old.noteStart[note + 1]!;
    count += passageCount(part) - (to - from);
    tagCount += tagCountOf(part) - (old.themeStart[to]! - old.themeStart[from]!);
  }
  const out = allocate(dims, reviewers, count, tagCount);
  let at: [number, number] = [0, 0];
  let next = 0;
  for (const { note, part } of changed) {
    at = copyNotes(out, old, next, note, ...at);
    at = fillNote(out, dims, note, part, ...at);
    next = note + 1;
  }
  copyNotes(out, old, next, dims.noteIds.length, ...at);
  return finish(out, dims);
}

/** Theme id → passages tagged with it directly (as listThemes counts). */
export function themePassageCounts(ix: AnalysisIndex): Map<string, number> {
  return new Map(ix.dims.themeIds.map((id, t) => [id, ix.passages.themeCount[t]!]));
}

/**
 * How many distinct passages carry each theme or any theme below it (issue 11: a parent shows its branch's
 * roll-up). A passage tagged with two sub-themes of one parent counts once for the parent: each ancestor is
 * stamped with the last passage it counted.
 */
export function branchPassageCounts(ix: AnalysisIndex): Map<string, number> {
  const { up, themeIds } = ix.dims;
  const { count, themeStart, theme } = ix.passages;
  const counts = new Int32Array(themeIds.length);
  const lastCounted = new Int32Array(themeIds.length).fill(-1);
  for (let i = 0; i < count; i++) {
    for (let k = themeStart[i]!; k < themeStart[i + 1]!; k++) {
      for (const a of up[theme[k]!]!) {
        if (lastCounted[a] === i) continue;
        lastCounted[a] = i;
        counts[a]!++;
      }
    }
  }
  return new Map(themeIds.map((id, t) => [id, counts[t]!]));
}
