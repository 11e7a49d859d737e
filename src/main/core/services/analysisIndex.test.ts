import { describe, expect, it } from 'vitest';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import type { Dimension } from '../../../shared/domain/matrix';
import { referenceCooccurrence, referenceMatrixTallies, referenceOverlappingRowids, referenceSpans, referenceThemeViewRowids } from '../testing/analysisReference';
import { ID_RANGES } from '../store/analysisIndex';
import { generatedWorkspaceForFile } from '../testing/generatedWorkspace';
import { openWorkspace, type Workspace } from '../workspace/workspace';
import { analysisIndex, buildInBackground, compareBinary, isBuildingInBackground, type AnalysisIndex } from './analysisIndex';
import { matrixTallies, themeViewOrder, type MatrixTallies } from './analysisScan';
import { cooccurrence, cooccurrencePassages } from './cooccurrence';
import { updateEngagement, getEngagement } from './engagements';
import { deleteNote, getNote, saveNote } from './notes';
import { saveNoteBlocks } from './noteBlocks';
import { splitDocument } from '../../../shared/note/blocks';
import { updateParticipant } from './participants';
import { createPassageFromRange, deletePassage, tagPassage, untagPassage, updatePassage } from './passages';
import { listThemes, moveTheme } from './themes';
import { noteTextSql } from '../store/noteBlocks';

/**
 * The analysis index (issue 8) answers exactly as the SQL it replaced (testing/analysisReference.ts), on a
 * generated workspace, and keeps doing so after writes of every kind it follows — the same open database
 * throughout, so each comparison after a write is the index's incremental refresh, not a rebuild.
 */
let workspace: Workspace;
let reviewer: string;
generatedWorkspaceForFile('index', { seed: 3, scale: 0.02 }, (opened, reviewerId) => {
  workspace = opened;
  reviewer = reviewerId;
}, () => workspace);

const plain = (t: MatrixTallies) => ({
  cells: Object.fromEntries([...t.cells].map(([k, row]) => [k, Object.fromEntries(row)])),
  rowTotals: Object.fromEntries(t.rowTotals),
  columnTotals: Object.fromEntries(t.columnTotals),
});

function filterSets(): AnalysisFilter[] {
  const db = workspace.db;
  const someReviewer = db.prepare('SELECT created_by FROM passages ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
  return [
    {},
    { staffGroups: ['nurse', 'doctor'] },
    { keyQuotesOnly: true },
    { engagementTypes: ['workshop', 'site_visit'] },
    { organisation: 'hospital' },
    { from: '2018-03-01', to: '2018-09-30' },
    { reviewerIds: [someReviewer] },
    { staffGroups: ['allied_health_professional'], keyQuotesOnly: true, from: '2018-02-01' },
  ];
}

function dimensions(): Dimension[] {
  const attribute = workspace.db.prepare('SELECT id FROM participant_attributes ORDER BY id LIMIT 1').pluck().get() as string | undefined;
  return ['staffGroup', 'organisation', 'engagementType', 'engagement', 'participant', ...(attribute ? [`attribute:${attribute}` as Dimension] : [])];
}

const passageIdsOf = (db: Workspace['db'], rowids: Set<number>) =>
  db.prepare('SELECT id FROM passages WHERE rowid IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...rowids])) as string[];

/** Every comparison: matrix tallies, theme views (any, all, without sub-themes, a cell), co-occurrence. */
function expectSameAsReference(): void {
  const db = workspace.db;
  const themes = listThemes(db);
  const top = themes.filter((t) => t.depth === 0).map((t) => t.id);
  const tagged = themes.filter((t) => t.passageCount > 0).map((t) => t.id);
  const rowids = (input: Parameters<typeof themeViewOrder>[1]) => {
    const { ix, order } = themeViewOrder(db, input);
    return order.map((i) => ix.passages.rowid[i]);
  };
  for (const filters of filterSets()) {
    for (const dimension of dimensions()) {
      expect(plain(matrixTallies(db, filters, dimension)), `${dimension} ${JSON.stringify(filters)}`).toEqual(plain(referenceMatrixTallies(db, filters, dimension)));
    }
    const views = [
      { themeIds: [top[0]!] },
      { themeIds: top.slice(0, 3) },
      { themeIds: [tagged[0]!, tagged[1]!], mode: 'all' as const },
      { themeIds: [top[1]!], includeSubthemes: false },
      { themeIds: [top[0]!], cell: { dimension: 'staffGroup' as Dimension, value: 'nurse' } },
      { themeIds: [top[2]!], cell: { dimension: 'engagementType' as Dimension, value: 'workshop' } },
    ];
    for (const view of views) {
      const input = { ...view, filters };
      expect(rowids(input), JSON.stringify(input)).toEqual(referenceThemeViewRowids(db, input));
    }
    const grid = cooccurrence(db, { filters });
    const reference = referenceCooccurrence(
      grid.themes,
      referenceSpans(
        db,
        grid.themes.map((t) => t.id),
        filters,
      ),
    );
    expect(grid, JSON.stringify(filters)).toEqual(reference);
    // A cell's overlapping passages: the busiest pair of the grid.
    const busiest = [...grid.pairs].sort((x, y) => y.overlapping - x.overlapping)[0]!;
    const listed = cooccurrencePassages(db, { a: busiest.a, b: busiest.b, kind: 'overlapping', filters, limit: 100_000 });
    const expected = referenceOverlappingRowids(referenceSpans(db, [busiest.a, busiest.b], filters));
    expect(listed.counts.passages, JSON.stringify(filters)).toBe(expected.size);
    expect(new Set(listed.passages.map((p) => p.passageId)), JSON.stringify(filters)).toEqual(new Set(passageIdsOf(db, expected)));
  }
}

/**
 * The index as the open database holds it — refreshed after each write — is the index a fresh build makes of
 * the same file, passage by passage (ids, not the integers, which only number things in the order met). A
 * fresh build is held to the SQL by the test above, so this is the incremental refresh checked whole, at a
 * fraction of the reference's cost.
 */
function expectSameAsFreshBuild(): void {
  const db = workspace.db;
  const fresh = db.transaction(() => analysisIndex(db))(); // inside a transaction: built anew and thrown away
  expect(indexContents(analysisIndex(db))).toEqual(indexContents(fresh));
}

function indexContents(ix: AnalysisIndex) {
  const { dims, passages: p } = ix;
  const reviewerIds = [...p.reviewerIndex].sort((x, y) => x[1] - y[1]).map(([id]) => id);
  const rows = Array.from({ length: p.count }, (_, i) => {
    const themes: string[] = [];
    for (let k = p.themeStart[i]!; k < p.themeStart[i + 1]!; k++) themes.push(`${dims.themeIds[p.theme[k]!]} by ${reviewerIds[p.taggedBy[k]!]}`);
    return {
      id: p.id[i],
      rowid: p.rowid[i],
      note: dims.noteIds[p.note[i]!],
      engagement: dims.engagementIds[p.engagement[i]!],
      participant: p.participant[i]! < 0 ? null : dims.participantIds[p.participant[i]!],
      place: [p.start[i], p.end[i], p.detached[i]],
      keyQuote: p.keyQuote[i],
      createdBy: reviewerIds[p.createdBy[i]!],
      themes,
    };
  });
  return {
    themes: dims.themeIds.map((id, t) => ({ id, up: dims.up[t]!.map((u) => dims.themeIds[u]), passages: p.themeCount[t] })),
    participants: dims.participantIds.map((id, i) => [id, dims.staffGroup[i]]),
    engagements: dims.engagementIds.map((id, i) => [id, dims.engagementType[i], dims.organisation[i]]),
    notes: dims.noteIds.map((id, n) => [id, dims.engagementIds[dims.noteEngagement[n]!], p.noteStart[n], p.noteStart[n + 1]]),
    rows,
  };
}

describe('the analysis index', () => {
  it('answers as the SQL reference does on a generated workspace', () => {
    expectSameAsReference();
  }, 60_000);

  it('follows writes: tags, passages, speakers, key quotes, participants, the theme tree, notes and engagements', () => {
    const db = workspace.db;
    const themes = listThemes(db);
    const passage = (n: number) => db.prepare('SELECT id FROM passages ORDER BY rowid LIMIT 1 OFFSET ?').pluck().get(n) as string;
    const note = db.prepare(`SELECT id, ${noteTextSql('notes.id')} AS plain_text FROM notes ORDER BY word_count DESC LIMIT 1`).get() as { id: string; plain_text: string };

    // A new passage with two themes, through the note's save as the app does it.
    createPassageFromRange(db, { noteId: note.id, start: 0, end: 40, themeIds: [themes[0]!.id, themes[5]!.id] }, (document, baseRevision, creates) =>
      saveNote(db, { id: note.id, document, baseRevision, createPassages: creates }, reviewer),
    );
    expectSameAsFreshBuild();

    // Typing in the middle of the note as the editor saves it: one block, every passage after it moved.
    const current = getNote(db, note.id);
    const blocks = splitDocument(current.document).blocks;
    const middle = Math.floor(blocks.length / 2);
    const typed = JSON.parse(blocks[middle]!) as { children: unknown[] };
    typed.children.unshift({ type: 'text', text: 'Typed before the rest. ', detail: 0, format: 0, mode: 'normal', style: '', version: 1 });
    const patch = { start: middle, removed: 1, blocks: [JSON.stringify(typed)], total: blocks.length };
    saveNoteBlocks(db, { id: note.id, patch, baseRevision: current.revision }, reviewer);
    expectSameAsFreshBuild();

    tagPassage(db, passage(1), themes[3]!.id, reviewer);
    const untag = db.prepare('SELECT passage_id, theme_id FROM passage_themes ORDER BY passage_id LIMIT 1').get() as { passage_id: string; theme_id: string };
    untagPassage(db, untag.passage_id, untag.theme_id);
    deletePassage(db, passage(2));
    updatePassage(db, { id: passage(3), keyQuote: true });
    const someone = db.prepare('SELECT id FROM participants ORDER BY id LIMIT 1').pluck().get() as string;
    updatePassage(db, { id: passage(4), participantId: someone });
    expectSameAsFreshBuild(); // notes only: their stretches replaced, the rest copied
    updateParticipant(db, { id: someone, staffGroup: 'pharmacist' });
    expectSameAsFreshBuild(); // a small table: converted again whole

    // The tree changes under the rows: a branch moves under another theme; an engagement changes type, date and place.
    const [a, b] = themes.filter((t) => t.depth === 0);
    moveTheme(db, { id: b!.id, parentId: a!.id, position: 0 });
    const engagement = getEngagement(db, db.prepare('SELECT id FROM engagements ORDER BY id LIMIT 1').pluck().get() as string);
    updateEngagement(db, { ...engagement, type: 'workshop', date: '2018-12-31', organisation: 'Hospital of the north' } as never);
    expectSameAsFreshBuild();
    // Every answer, once, on the state all those writes left: the index as refreshed, held to the SQL.
    expectSameAsReference();

    deleteNote(db, note.id);
    expectSameAsFreshBuild();
  }, 60_000);
});

describe('the analysis index built in the background', () => {
  const step = () => new Promise((resolve) => setImmediate(resolve));
  const reopen = () => {
    const path = workspace.path;
    workspace.close();
    workspace = openWorkspace(path);
    return workspace.db;
  };

  it('answers as the reference after writes between its steps (a note read before a write is read again)', async () => {
    const db = reopen();
    buildInBackground(db);
    expect(isBuildingInBackground(db)).toBe(true);
    // Every tag (a step per id range) and then the passages of the notes up to the range of the first note are read.
    const firstNote = db.prepare('SELECT note_id FROM passages ORDER BY note_id LIMIT 1').pluck().get() as string;
    const range = ID_RANGES.findIndex((r) => firstNote >= r.from && (r.to === null || firstNote < r.to));
    for (let i = 0; i < ID_RANGES.length + range + 2; i++) await step();
    expect(isBuildingInBackground(db)).toBe(true);
    const early = db.prepare('SELECT id FROM passages WHERE note_id = ? ORDER BY id LIMIT 1').pluck().get(firstNote) as string;
    const theme = listThemes(db).find((t) => !(db.prepare('SELECT 1 FROM passage_themes WHERE passage_id = ? AND theme_id = ?').get(early, t.id)))!;
    tagPassage(db, early, theme.id, reviewer);
    updatePassage(db, { id: early, keyQuote: true });
    while (isBuildingInBackground(db)) await step();
    expectSameAsReference();
  }, 60_000);

  it('is finished at once by a request that comes before it is done', async () => {
    const db = reopen();
    buildInBackground(db);
    await step();
    expectSameAsReference();
    expect(isBuildingInBackground(db)).toBe(false);
  }, 60_000);
});

describe('compareBinary', () => {
  it('orders strings as SQLite does (UTF-8 bytes), surrogates after the units above them', () => {
    const db = workspace.db;
    const strings = ['a', 'B', 'é', '\uE000', '\uFFFD', '😀', 'a😀', 'a\uFFFF', '', 'ab', 'a-b', '\uD7FF', 'ｚ'];
    const bySqlite = db
      .prepare('SELECT value FROM json_each(?) ORDER BY value')
      .pluck()
      .all(JSON.stringify(strings)) as string[];
    expect([...strings].sort(compareBinary)).toEqual(bySqlite);
  });
});
