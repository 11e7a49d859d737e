import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { codePointLength } from '../../../shared/note/anchors';
import { join } from 'node:path';
import { freshWorkspace, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { theme } from '../testing/themeFixtures';
import { defineAttribute, engagement, participant, taggedNote } from '../testing/refiFixtures';
import { updatePassage } from '../services/passages';
import { exportQdpx } from './exportProject';
import { importProject } from './importProject';
import { readQdpx } from './readQdpx';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const piece = fc.constantFrom('Radiographers', ' need ', 'training', '.', ' ', '😀', 'é', 'ça va', 'Łódź', '\n', '\r\n', '\n\n', '日本語', '𝔘𝔫𝔦', '“quoted”', '&<>');
const sourceText = fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join('')).filter((t) => /\S/.test(t));
const name = fc.constantFrom('Ethics', 'Équité', 'AI & robots', 'Безопасность', '数字', 'Training 🎓', 'Safety');
const workspaceShape = fc.record({
  themes: fc.uniqueArray(name, { minLength: 1, maxLength: 5 }),
  nested: fc.boolean(),
  notes: fc.array(
    fc.record({
      text: sourceText,
      passages: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), theme: fc.nat(), memo: fc.constantFrom('', 'Why? 😀', 'Mémo\nline') }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  people: fc.array(fc.record({ staffGroup: fc.constantFrom('nurse', 'doctor', 'patient_public'), region: fc.constantFrom('', 'London', 'Wales'), consent: fc.constantFrom('anonymous', 'attributed', 'none'), band: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) }), { maxLength: 3 }),
});

/** What must survive: themes by path, passages by text and theme paths, memos, participants by fields. */
function content(db: Database.Database) {
  const themes = db.prepare('SELECT id, parent_id, name, colour, definition FROM themes').all() as { id: string; parent_id: string | null; name: string; colour: string; definition: string }[];
  const byId = new Map(themes.map((t) => [t.id, t]));
  const path = (id: string): string => {
    const t = byId.get(id)!;
    return t.parent_id ? `${path(t.parent_id)}/${t.name}` : t.name;
  };
  const passages = (db.prepare('SELECT id, quoted_text, memo FROM passages').all() as { id: string; quoted_text: string; memo: string }[]).map((p) => ({
    text: p.quoted_text.replace(/\r\n?/g, '\n'),
    memo: p.memo,
    themes: (db.prepare('SELECT theme_id FROM passage_themes WHERE passage_id = ?').pluck().all(p.id) as string[]).map(path).sort(),
  }));
  const people = db
    .prepare(
      `SELECT p.code, p.staff_group, p.region, p.consent, p.real_name,
         (SELECT group_concat(a.name || '=' || v.value) FROM participant_attribute_values v JOIN participant_attributes a ON a.id = v.attribute_id WHERE v.participant_id = p.id) AS attrs
       FROM participants p ORDER BY p.code`,
    )
    .all();
  return {
    themes: themes.map((t) => ({ path: path(t.id), colour: t.colour, definition: t.definition })).sort((a, b) => a.path.localeCompare(b.path)),
    passages: passages.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    people,
  };
}

describe('a .qdpx export imports back as the same workspace', () => {
  it('themes, passages (text and themes), memos and participants survive, over non-ASCII, emoji, CRLF and overlapping passages', async () => {
    await fc.assert(
      fc.asyncProperty(workspaceShape, async (shape) => {
        // Two empty workspaces per run, copied rather than created (creating both was most of a run's time).
        const source = freshWorkspace(join(folders.make(), 'source.fieldnotes'), 'Round trip');
        const db = source.db;
        const themeIds: string[] = [];
        shape.themes.forEach((n, i) => themeIds.push(theme(db, n, shape.nested && i > 0 ? themeIds[0]! : null)));
        const band = defineAttribute(db, { name: 'Band', kind: 'number' }, TEST_REVIEWER.id).id;
        const engagementId = engagement(db);
        shape.people.forEach((p, i) =>
          participant(db, { staffGroup: p.staffGroup, region: p.region, consent: p.consent, realName: `Person ${i}`, attributes: p.band ? { [band]: p.band } : {} }),
        );
        shape.notes.forEach((note, n) => {
          const length = codePointLength(note.text);
          const passages = note.passages
            .map((p, i) => {
              const x = p.a % (length + 1);
              const y = p.b % (length + 1);
              return { id: `0000000${n}-0000-4000-8000-00000000000${i}`, start: Math.min(x, y), end: Math.max(x, y), themeIds: [themeIds[p.theme % themeIds.length]!], memo: p.memo };
            })
            // A passage is words someone selected: not empty, not only line ends (which no mark can hold).
            .filter((p) => /[^\r\n]/.test([...note.text].slice(p.start, p.end).join('')) && !/^[\r\n]|[\r\n]$/.test([...note.text].slice(p.start, p.end).join('')));
          const noteId = taggedNote(db, engagementId, `Note ${n}`, note.text, passages);
          void noteId;
          for (const p of passages) if (p.memo) updatePassage(db, { id: p.id, memo: p.memo });
        });
        const before = content(db);
        const exported = exportQdpx(db, 'test', { omitNotForQuotation: false, includeRealNames: true, qualifyNames: false });
        const target = freshWorkspace(join(folders.make(), 'imported.fieldnotes'), 'Imported');
        importProject(target.db, await readQdpx(Buffer.from(exported.bytes), 'round.qdpx'), TEST_REVIEWER.id);
        const after = content(target.db);
        source.close();
        target.close();
        expect(after.themes).toEqual(before.themes);
        expect(after.passages).toEqual(before.passages);
        expect(after.people).toEqual(before.people);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
