import type Database from 'better-sqlite3';
import {
  analysisTick,
  changedSince,
  engagementRows,
  notesInViewOrder,
  participantRows,
  passageRows,
  tagRows,
  themeParentRows,
  type PassageIndexRow,
  type TagIndexRow,
} from '../store/analysisIndex';

/**
 * Every passage of the workspace as a few typed arrays in memory (issue 8): what the matrix, co-occurrence,
 * the theme view and search's place filters count and filter, with integers for themes, participants,
 * engagements and notes. At review scale the SQL behind those screens — joins over 40,000 passages and
 * 50,000 tags — is itself slower than their targets; a loop over these arrays is a few milliseconds.
 *
 * One index per open database, built on first use. Before each use it asks the change clock (migration
 * 0010's triggers) what changed since it last looked and re-reads only that: the passages and tags of the
 * notes that changed, and the small tables (themes, participants, engagements, note order) when one did.
 * Inside a transaction it is not trusted (a rollback would leave it ahead of the file): a fresh one is built
 * and thrown away.
 *
 * Passages are kept in the theme view's order — notes in the order evidence was gathered, then within a note
 * attached before detached, by place, by id — so a filtered view is a scan, not a sort.
 */

interface NoteSlice {
  passages: PassageIndexRow[];
  tags: Map<string, TagIndexRow[]>;
}

/** The small tables, as integers. */
export interface Dimensions {
  themeIds: string[];
  themeIndex: Map<string, number>;
  /** Per theme: itself and its ancestors (a damaged, cyclic tree stops where it repeats). */
  up: number[][];
  participantIds: string[];
  participantIndex: Map<string, number>;
  staffGroup: string[];
  engagementIds: string[];
  engagementIndex: Map<string, number>;
  engagementType: string[];
  organisation: string[];
  /** Note ids in view order, and each note's engagement. */
  noteIds: string[];
  noteEngagement: Int32Array;
}

/** Every passage, in view order, column by column. Themes are in CSR form: passage i's are theme[themeStart[i] .. themeStart[i+1]). */
export interface Passages {
  count: number;
  rowid: Float64Array;
  id: string[];
  note: Int32Array;
  engagement: Int32Array;
  /** -1: no speaker linked. */
  participant: Int32Array;
  start: Int32Array;
  end: Int32Array;
  detached: Uint8Array;
  keyQuote: Uint8Array;
  createdBy: Int32Array;
  themeStart: Int32Array;
  theme: Int32Array;
  taggedBy: Int32Array;
  /** Reviewer ids (created_by, tagged_by) as integers. */
  reviewerIndex: Map<string, number>;
  /** How many passages carry each theme directly. */
  themeCount: Int32Array;
}

export interface AnalysisIndex {
  dims: Dimensions;
  passages: Passages;
}

class LiveIndex {
  private tick = -1;
  private slices = new Map<string, NoteSlice>();
  private dims: Dimensions | null = null;
  private flat: Passages | null = null;

  constructor(private readonly db: Database.Database) {}

  current(): AnalysisIndex {
    const tick = analysisTick(this.db);
    if (this.tick < 0 || tick < this.tick) this.rebuild();
    else if (tick > this.tick) this.refresh(changedSince(this.db, this.tick));
    this.tick = tick;
    this.dims ??= readDimensions(this.db);
    this.flat ??= flatten(this.dims, this.slices);
    return { dims: this.dims, passages: this.flat };
  }

  private rebuild(): void {
    this.slices = slicesOf(passageRows(this.db, null), tagRows(this.db, null));
    this.dims = null;
    this.flat = null;
  }

  private refresh(changed: string[]): void {
    if (changed.length === 0) return;
    if (changed.includes('*')) this.dims = null;
    const notes = changed.filter((id) => id !== '*');
    if (notes.length) {
      const fresh = slicesOf(passageRows(this.db, notes), tagRows(this.db, notes));
      for (const id of notes) {
        const slice = fresh.get(id);
        if (slice) this.slices.set(id, slice);
        else this.slices.delete(id);
      }
    }
    this.flat = null;
  }
}

const live = new WeakMap<Database.Database, LiveIndex>();

/** The analysis index of this database, current with every committed write. */
export function analysisIndex(db: Database.Database): AnalysisIndex {
  if (db.inTransaction) return new LiveIndex(db).current();
  let index = live.get(db);
  if (!index) live.set(db, (index = new LiveIndex(db)));
  return index.current();
}

function slicesOf(rows: PassageIndexRow[], tags: TagIndexRow[]): Map<string, NoteSlice> {
  const byPassage = new Map<string, TagIndexRow[]>();
  for (const t of tags) {
    const list = byPassage.get(t[0]);
    if (list) list.push(t);
    else byPassage.set(t[0], [t]);
  }
  const out = new Map<string, NoteSlice>();
  for (const row of rows) {
    let slice = out.get(row[2]);
    if (!slice) out.set(row[2], (slice = { passages: [], tags: new Map() }));
    slice.passages.push(row);
    const mine = byPassage.get(row[1]);
    if (mine) slice.tags.set(row[1], mine);
  }
  return out;
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
  const participants = participantRows(db);
  const engagements = engagementRows(db);
  const engagementIndex = indexOf(engagements.map(([id]) => id));
  const notes = notesInViewOrder(db);
  return {
    themeIds,
    themeIndex,
    up,
    participantIds: participants.map(([id]) => id),
    participantIndex: indexOf(participants.map(([id]) => id)),
    staffGroup: participants.map(([, g]) => g),
    engagementIds: engagements.map(([id]) => id),
    engagementIndex,
    engagementType: engagements.map(([, t]) => t),
    organisation: engagements.map(([, , o]) => o),
    noteIds: notes.map(([id]) => id),
    noteEngagement: Int32Array.from(notes, ([, e]) => engagementIndex.get(e) ?? -1),
  };
}

function flatten(dims: Dimensions, slices: Map<string, NoteSlice>): Passages {
  let count = 0;
  let tagCount = 0;
  for (const id of dims.noteIds) {
    const slice = slices.get(id);
    if (!slice) continue;
    count += slice.passages.length;
    for (const tags of slice.tags.values()) tagCount += tags.length;
  }
  const reviewerIndex = new Map<string, number>();
  const reviewer = (id: string) => {
    let r = reviewerIndex.get(id);
    if (r === undefined) reviewerIndex.set(id, (r = reviewerIndex.size));
    return r;
  };
  const out: Passages = {
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
    reviewerIndex,
    themeCount: new Int32Array(dims.themeIds.length),
  };
  let i = 0;
  let k = 0;
  dims.noteIds.forEach((noteId, note) => {
    const slice = slices.get(noteId);
    if (!slice) return;
    for (const [rowid, id, , start, end, detached, participant, keyQuote, createdBy] of slice.passages) {
      out.rowid[i] = rowid;
      out.id[i] = id;
      out.note[i] = note;
      out.engagement[i] = dims.noteEngagement[note]!;
      out.participant[i] = participant === null ? -1 : (dims.participantIndex.get(participant) ?? -1);
      out.start[i] = start;
      out.end[i] = end;
      out.detached[i] = detached;
      out.keyQuote[i] = keyQuote;
      out.createdBy[i] = reviewer(createdBy);
      out.themeStart[i] = k;
      for (const [, themeId, taggedBy] of slice.tags.get(id) ?? []) {
        const t = dims.themeIndex.get(themeId);
        if (t === undefined) continue; // a tag of a theme gone: the foreign key makes it impossible
        out.theme[k] = t;
        out.taggedBy[k] = reviewer(taggedBy);
        out.themeCount[t]!++;
        k++;
      }
      i++;
    }
  });
  out.themeStart[i] = k;
  // Tags skipped above leave the arrays longer than used; nothing reads past themeStart[count].
  return out;
}

/** Theme id → passages tagged with it directly (as listThemes counts). */
export function themePassageCounts(ix: AnalysisIndex): Map<string, number> {
  return new Map(ix.dims.themeIds.map((id, t) => [id, ix.passages.themeCount[t]!]));
}
