// The core at the sizes issue 12 names: a codebook of 10,000 themes and a 10 MB note. Each step a reviewer takes —
// open, list the codebook, tag, search, save, reopen — must still work, through the real dispatcher on a real file.
// Timings are printed beside the load, never asserted (ENGINEERING.md: a timed assertion is flaky on shared machines).
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ThemeListItem } from '../../shared/domain/theme';
import type { SearchResult, ThemeViewResult } from '../../shared/domain/analysis';
import { splitDocument } from '../../shared/note/blocks';
import { insertTheme } from './store/themes';
import { fuzzCore } from './testing/contractFuzz';
import { tempFolders } from './testing/tempWorkspace';

const THEMES = 10_000;
const NOTE_BYTES = 10 * 1024 * 1024;
const folders = tempFolders();
afterAll(() => folders.cleanup());

const WORDS = ['training', 'radiographers', 'triage', 'genomics', 'literacy', 'workforce', 'digital', 'time', 'é', '🙂', 'AI'];
/** A paragraph of about `chars` characters of review prose, different for each `seed`. */
function prose(seed: number, chars: number): string {
  const words: string[] = [];
  for (let i = 0, length = 0; length < chars; i++) {
    const word = WORDS[(seed * 7 + i * 13) % WORDS.length]!;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

const text = (t: string) => ({ detail: 0, format: 0, mode: 'normal', style: '', text: t, type: 'text', version: 1 });
const paragraph = (children: object[]) => ({ children, direction: null, format: '', indent: 0, type: 'paragraph', version: 1, textFormat: 0, textStyle: '' });
const mark = (id: string, t: string) => ({ children: [text(t)], ids: [id], direction: null, format: '', indent: 0, type: 'mark', version: 1 });
/** A note's document (Lexical JSON) of paragraphs; the last one's sentence carries `last`. */
function noteDocument(paragraphs: string[], last: object[]): string {
  const children = [...paragraphs.map((p) => paragraph([text(p)])), paragraph(last)];
  return JSON.stringify({ root: { children, direction: null, format: '', indent: 0, type: 'root', version: 1 } });
}

async function timed<T>(label: string, figures: string[], step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await step();
  figures.push(`${label} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return value;
}

/** A core acting as Ada, with a new workspace open; every call must succeed. */
async function openAtScale(name: string) {
  const core = fuzzCore(folders.make('fieldnotes-settings-'), folders.make());
  const must = async <T>(method: Parameters<typeof core.invoke>[0], input: unknown): Promise<T> => {
    const result = await core.invoke(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  await must('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  const path = join(folders.make(), `${name}.fieldnotes`);
  await must('workspace.create', { path, name });
  const engagement = await must<{ id: string }>('engagements.create', { title: 'Moorfields Eye Hospital', type: 'site_visit', date: '2018-06-19' });
  const note = await must<{ id: string; revision: number }>('notes.create', { engagementId: engagement.id, title: 'A day of interviews' });
  return { core, must, path, note };
}

const report = (what: string, figures: string[]) => console.log(`at scale (${what}; load ${loadavg()[0]!.toFixed(1)}): ${figures.join(', ')}`);
const QUOTE = 'Radiographers need structured training before moorfieldsxyz triage';

describe('at scale (issue 12)', () => {
  it('10,000 themes: listed, tagged with, shown in the theme view, and all there after reopening', async () => {
    const { core, must, path, note } = await openAtScale('codebook-at-scale');
    const figures: string[] = [];
    try {
      const [reviewer] = await must<{ id: string }[]>('analysis.reviewers', {});
      // 100 top-level themes of 99 sub-themes each: the codebook a long review, or an imported NVivo project, grows to.
      await timed('written', figures, async () => {
        const db = core.session.workspace!.db;
        const now = new Date().toISOString();
        const row = (id: string, parentId: string | null, name: string) => ({ id, parentId, name, code: null, colour: '#1F77B4', definition: '', exclusions: '' });
        db.transaction(() => {
          for (let t = 0; t < THEMES / 100; t++) {
            const parentId = randomUUID();
            insertTheme(db, row(parentId, null, `Theme ${t}`), t, reviewer!.id, now);
            for (let c = 0; c < 99; c++) insertTheme(db, row(randomUUID(), parentId, `Theme ${t}.${c}`), c, reviewer!.id, now);
          }
        })();
      });
      const listed = await timed('themes.list', figures, () => must<ThemeListItem[]>('themes.list', {}));
      expect(listed).toHaveLength(THEMES);
      const chosen = listed[listed.length - 1]!;
      const passageId = randomUUID();
      await timed('tagged', figures, () =>
        must('notes.save', {
          id: note.id,
          document: noteDocument([], [text('P014: '), mark(passageId, QUOTE), text(' is introduced.')]),
          baseRevision: note.revision,
          createPassages: [{ id: passageId, themeIds: [chosen.id] }],
        }),
      );
      const relisted = await timed('themes.list after', figures, () => must<ThemeListItem[]>('themes.list', {}));
      expect(relisted.find((t) => t.id === chosen.id)?.passageCount).toBe(1);
      expect(relisted.find((t) => t.id === chosen.parentId)?.branchPassageCount).toBe(1);
      await must('workspace.close', {});
      await timed('reopened', figures, () => must('workspace.open', { path }));
      expect((await must<ThemeListItem[]>('themes.list', {})).map((t) => t.id)).toEqual(listed.map((t) => t.id));
      const view = await timed('themes.view', figures, () => must<ThemeViewResult>('themes.view', { themeIds: [chosen.parentId] }));
      expect(view.passages.map((p) => [p.passageId, p.quotedText])).toEqual([[passageId, QUOTE]]);
    } finally {
      report(`${THEMES} themes`, figures);
      core.close();
    }
  }, 60_000);

  it('a 10 MB note: saved, tagged at its end, typed in, searched, and whole after reopening', async () => {
    const { core, must, path, note } = await openAtScale('note-at-scale');
    const figures: string[] = [];
    try {
      const theme = await must<{ id: string }>('themes.create', { name: 'Education and training' });
      const paragraphs = Array.from({ length: Math.ceil(NOTE_BYTES / 2150) }, (_, i) => prose(i, 2000));
      const plain = noteDocument(paragraphs, [text(`P014: ${QUOTE} is introduced.`)]);
      expect(plain.length).toBeGreaterThan(NOTE_BYTES);
      let { revision } = await timed('saved whole', figures, () => must<{ revision: number }>('notes.save', { id: note.id, document: plain, baseRevision: note.revision }));
      const total = paragraphs.length + 1;

      // From here on only the blocks that changed are sent, as the live autosave does (issue 11).
      // A sentence at the very end of the note is tagged: the passage lies past ten million characters.
      const passageId = randomUUID();
      const lastBlock = splitDocument(noteDocument([], [text('P014: '), mark(passageId, QUOTE), text(' is introduced.')])).blocks[0]!;
      const saved = await timed('tagged', figures, () =>
        must<{ revision: number; changedPassages: { id: string; quotedText: string }[] }>('notes.save', {
          id: note.id,
          patch: { start: total - 1, removed: 1, blocks: [lastBlock], total },
          baseRevision: revision,
          createPassages: [{ id: passageId, themeIds: [theme.id] }],
        }),
      );
      expect(saved.changedPassages.map((p) => [p.id, p.quotedText])).toEqual([[passageId, QUOTE]]);
      // A word typed in the first paragraph: the passage ten megabytes further on moves, its text unchanged.
      const typed = JSON.stringify(paragraph([text(`Morning. ${paragraphs[0]}`)]));
      revision = (await timed('typed', figures, () => must<{ revision: number }>('notes.save', { id: note.id, patch: { start: 0, removed: 1, blocks: [typed], total }, baseRevision: saved.revision }))).revision;

      const found = await timed('search', figures, () => must<SearchResult>('search.query', { query: 'moorfieldsxyz' }));
      expect(found.hits.map((h) => h.source.noteId)).toEqual([note.id]);
      await must('workspace.close', {});
      await timed('reopened (full integrity check)', figures, () => must('workspace.open', { path }));
      const reopened = await timed('notes.get', figures, () => must<{ document: string; revision: number }>('notes.get', { id: note.id }));
      const blocks = splitDocument(reopened.document).blocks;
      expect([reopened.revision, blocks.length, blocks[0], blocks[total - 1]]).toEqual([revision, total, typed, lastBlock]);
      const view = await must<ThemeViewResult>('themes.view', { themeIds: [theme.id] });
      expect(view.passages.map((p) => [p.passageId, p.quotedText])).toEqual([[passageId, QUOTE]]);
      figures.unshift(`file ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB`);
    } finally {
      report(`a ${(NOTE_BYTES / 1024 / 1024).toFixed(0)} MB note`, figures);
      core.close();
    }
  }, 60_000);
});
