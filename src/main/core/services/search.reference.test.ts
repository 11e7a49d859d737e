import { describe, expect, it } from 'vitest';
import { COMMON_WORD } from '../../../../bench/workspace/vocabulary';
import type { AnalysisFilter } from '../../../shared/domain/analysis';
import { splitDocument } from '../../../shared/note/blocks';
import { getNote, plainTexts } from '../store/notes';
import { referenceReads } from '../testing/searchReference';
import { generatedWorkspaceForFile } from '../testing/generatedWorkspace';
import type { Workspace } from '../workspace/workspace';
import { analysisIndex } from './analysisIndex';
import { saveNoteBlocks } from './noteBlocks';
import { updateParticipant } from './participants';
import { updatePassage } from './passages';
import { search } from './search';
import { linkSpeaker } from './speakers';

/**
 * Search's fast page reads (one pass for the page, marks kept between queries, staff groups read per note)
 * give exactly the hits, snippets and places of the plain reads (testing/searchReference.ts), on a generated
 * workspace and after writes search follows: typing in a note, key quotes, a speaker relinked, a
 * speaking participant's staff group changed. The same open database throughout, so the fast side answers from what
 * it kept where it still may.
 */
let workspace: Workspace;
let reviewer: string;
generatedWorkspaceForFile('search', { seed: 5, scale: 0.01 }, (opened, reviewerId) => {
  workspace = opened;
  reviewer = reviewerId;
}, () => workspace);

const FILTERS: AnalysisFilter[] = [
  {},
  { staffGroups: ['nurse', 'doctor'] },
  { keyQuotesOnly: true },
  { engagementTypes: ['workshop'] },
  { staffGroups: ['nurse', 'allied_health_professional'], keyQuotesOnly: true },
];

/** Queries of one word, two words, a prefix and a phrase, taken from the workspace's own text. */
function queries(): string[] {
  const third = workspace.db.prepare(`SELECT id FROM notes ORDER BY rowid LIMIT 1 OFFSET 3`).pluck().get() as string;
  const text = plainTexts(workspace.db, [third]).get(third)!;
  const words = (text.match(/\p{L}{6,}/gu) ?? []).slice(0, 40);
  return [COMMON_WORD, `${COMMON_WORD} ${words[7]}`, `${words[3]!.slice(0, 4)}*`, `"${words[10]} ${words[11]}"`, words[20]!];
}

function expectSameAsReference(): void {
  for (const query of queries()) {
    for (const filters of FILTERS) {
      for (const page of [{ offset: 0, limit: 50 }, { offset: 10, limit: 20 }]) {
        const input = { query, filters, ...page };
        // Twice: the second answers from the marks kept by the first.
        const fast = [search(workspace.db, input), search(workspace.db, input)];
        const reference = search(workspace.db, input, referenceReads);
        expect(fast[0], `${query} ${JSON.stringify(filters)}`).toEqual(reference);
        expect(fast[1]).toEqual(reference);
      }
    }
  }
}

describe('search, fast and plain', () => {
  it('finds the same hits, snippets and places', () => {
    // Something to find: the workspace's own words, under every filter, on both pages.
    expect(search(workspace.db, { query: COMMON_WORD, filters: { staffGroups: ['nurse', 'doctor'] } }).total).toBeGreaterThan(0);
    expect(search(workspace.db, { query: COMMON_WORD, filters: { keyQuotesOnly: true } }).total).toBeGreaterThan(0);
    expectSameAsReference();
  }, 60_000);

  it('and after writes', () => {
    const db = workspace.db;
    const hit = search(db, { query: COMMON_WORD, filters: {} }).hits[0]!;
    const note = hit.source.noteId;
    const current = getNote(db, note);
    const blocks = splitDocument(current.document).blocks;
    const typed = JSON.parse(blocks[1]!) as { children: unknown[] };
    typed.children.unshift({ type: 'text', text: `More ${COMMON_WORD} first. `, detail: 0, format: 0, mode: 'normal', style: '', version: 1 });
    saveNoteBlocks(db, { id: note, patch: { start: 1, removed: 1, blocks: [JSON.stringify(typed)], total: blocks.length }, baseRevision: current.revision }, reviewer);
    expectSameAsReference();

    // Paragraphs no term matches, read by their lengths alone (store/search.ts): astral characters (two UTF-16
    // units, one code point) and a NUL (where SQLite's length() stops) before the matches, so every later
    // place's offset depends on counting them right.
    const paragraph = (text: string) => JSON.stringify({ ...typed, children: [{ ...(typed.children[0] as object), text }] });
    const saved = getNote(db, note);
    saveNoteBlocks(
      db,
      {
        id: note,
        patch: { start: 0, removed: 0, blocks: [paragraph('Emoji 😀😀 and 𝒜 first.'), paragraph(`A NUL \u0000 here, then more.`)], total: splitDocument(saved.document).blocks.length + 2 },
        baseRevision: saved.revision,
      },
      reviewer,
    );
    expect(getNote(db, note).document).toContain('\\u0000');
    expectSameAsReference();

    const passages = db.prepare('SELECT id FROM passages WHERE key_quote = 0 ORDER BY rowid LIMIT 5').pluck().all() as string[];
    for (const id of passages) updatePassage(db, { id, keyQuote: true });
    const speaker = db.prepare('SELECT note_id, code FROM note_speakers WHERE participant_id IS NOT NULL ORDER BY note_id LIMIT 1').get() as { note_id: string; code: string };
    const nurse = db.prepare(`SELECT id FROM participants WHERE staff_group = 'nurse' ORDER BY id LIMIT 1`).pluck().get() as string;
    linkSpeaker(db, { noteId: speaker.note_id, code: speaker.code, participantId: nurse }, reviewer);
    const speaking = db
      .prepare(`SELECT pa.id FROM participants pa JOIN note_speakers ns ON ns.participant_id = pa.id WHERE pa.staff_group <> 'nurse' ORDER BY pa.id LIMIT 1`)
      .pluck()
      .get() as string;
    updateParticipant(db, { id: speaking, staffGroup: 'nurse' });
    analysisIndex(db);
    expectSameAsReference();
  }, 60_000);
});
