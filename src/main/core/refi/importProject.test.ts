import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { REFI, themeWorkspace } from '../testing/themeFixtures';
import { importProject } from './importProject';
import { readQdpx } from './readQdpx';
import { noteTextSql } from '../store/noteBlocks';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const sample = (name: string) => readFileSync(join(REFI, 'samples', name));

async function importBytes(bytes: Uint8Array, name = 'test.qdpx') {
  const workspace = themeWorkspace(folders);
  const prepared = await readQdpx(Buffer.from(bytes), name);
  return { workspace, db: workspace.db, report: importProject(workspace.db, prepared, TEST_REVIEWER.id) };
}

const counts = (db: ReturnType<typeof themeWorkspace>['db']) =>
  Object.fromEntries(
    ['themes', 'notes', 'passages', 'participants', 'engagements', 'passage_themes'].map((table) => [
      table,
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  );

describe('importing NVivo 12’s real export', () => {
  it('takes its 152 codes, 2 sources and 303 coded passages, 300 of them on word boundaries, on exactly the text NVivo coded', async () => {
    const { db, report } = await importBytes(sample('nvivo12-windows.qdpx'), 'nvivo12-windows.qdpx');
    expect(report.themes.added).toBe(152);
    expect(report.counts).toMatchObject({ notes: 2, passages: 303, participants: 0, memos: 0 });
    expect(report.alignment.total).toBe(303);
    expect(report.alignment.aligned).toBeGreaterThanOrEqual(295);
    expect(report.remarks.join(' ')).toMatch(/UTF-16 code units, CRLF as two characters/);
    expect(counts(db)).toMatchObject({ themes: 152, notes: 2, passages: 303 });

    // NVivo quotes no text, so the truth is its own file read its way: UTF-16 units, BOM removed, CRLF kept.
    const files = unzipSync(sample('nvivo12-windows.qdpx'));
    const raw = Buffer.from(files['Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt']!).toString('utf8').replace(/^\uFEFF/, '');
    const nvivo = (start: number, end: number) => raw.slice(start, end).replace(/\r\n/g, '\n');
    const texts = new Set((db.prepare('SELECT quoted_text FROM passages').all() as { quoted_text: string }[]).map((r) => r.quoted_text));
    for (const [start, end] of [[3137, 3284], [10148, 10186]] as const) expect(texts).toContain(nvivo(start, end));
    for (const pinned of [
      'Az oltás erősebb, le is győzi az immunrendszert.',
      'A vezér már 12 éve oltja a lakosságot ~ neki bejött az oltás.',
      'Nekem azt mondta az orvos hogy pont fordítva van. Éppen a hepatitisz oltás okozhat májbetegséget, söt májrákot is',
    ]) {
      expect(texts).toContain(pinned);
    }
    // The code of selection 7154a758 is "piros", under "2. Attitűd szint az oltáshoz".
    const tagged = db
      .prepare(
        `SELECT t.name FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id JOIN themes t ON t.id = pt.theme_id WHERE p.quoted_text = ?`,
      )
      .all(nvivo(3137, 3284)) as { name: string }[];
    expect(tagged.map((t) => t.name)).toContain('piros');
  }, 60_000);
});

describe('importing ATLAS.ti 8’s real export', () => {
  it('takes its codes and notes, and reports the media, sets, graph and missing sources it cannot carry', async () => {
    const { db, report } = await importBytes(sample('atlasti8-macos.qdpx'), 'atlasti8-macos.qdpx');
    expect(report.themes.added).toBe(14);
    expect(report.counts).toMatchObject({ passages: 0, participants: 0, memos: 2 });
    const notes = (db.prepare(`SELECT title, ${noteTextSql('notes.id')} AS plain_text FROM notes ORDER BY title`).all() as { title: string; plain_text: string }[]);
    expect(notes.map((n) => n.title)).toEqual(['Memo: My favorite Coke ad', 'Memo: Research Plan']);
    expect(notes[1]!.plain_text).toContain('This is a great project');
    const said = report.notCarried.join('\n');
    expect(said).toMatch(/2 PDF documents/);
    expect(said).toMatch(/1 picture/);
    expect(said).toMatch(/1 audio recording/);
    expect(said).toMatch(/2 videos/);
    expect(said).toMatch(/4 coded PDF regions/);
    expect(said).toMatch(/2 coded video selections/);
    expect(said).toMatch(/1 graph/);
    expect(said).toMatch(/1 link/);
    expect(said).toMatch(/4 sets of codes/);
    expect(said).toMatch(/sets of sources none of whose sources could be imported: “Mabel”/);
    expect(said).toMatch(/8 text sources referenced by the project but missing from the archive/);
  });
});

const qde = (body: string, origin = 'Test') =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="${origin}">${body}</Project>`;
const codebook = '<CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="A" isCodable="true" color="#abc"/></Codes></CodeBook>';
const source = (start: number, end: number, extra = '') =>
  `<Sources><TextSource guid="00000000-0000-4000-8000-0000000000a1" name="Interview.txt" plainTextPath="internal://a1.txt">${extra}<PlainTextSelection guid="00000000-0000-4000-8000-0000000000b1" startPosition="${start}" endPosition="${end}"><Coding guid="00000000-0000-4000-8000-0000000000c1"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection></TextSource></Sources>`;

describe('tolerating what real exports do', () => {
  it('reads Project.qde or a project-named .qde, Sources/, a BOM with CRLF, #RGB colours and memos as Description', async () => {
    const text = '\uFEFFFirst line\r\nSecond 😀 line\r\n';
    const body = codebook + source(0, 10).replace('<Coding', '<Description>A memo as description</Description><Coding');
    for (const [qdeName, folder] of [['Project.qde', 'Sources'], ['My study.qde', 'sources']] as const) {
      const { db, report } = await importBytes(zipSync({ [qdeName]: strToU8(qde(body)), [`${folder}/a1.txt`]: strToU8(text) }));
      expect(report.counts).toMatchObject({ notes: 1, passages: 1, memos: 1 });
      const passage = db.prepare('SELECT quoted_text, memo FROM passages').get() as { quoted_text: string; memo: string };
      expect(passage).toEqual({ quoted_text: 'First line', memo: 'A memo as description' });
      expect((db.prepare('SELECT colour FROM themes').get() as { colour: string }).colour).toBe('#AABBCC');
      expect((db.prepare(`SELECT ${noteTextSql('notes.id')} AS plain_text FROM notes`).get() as { plain_text: string }).plain_text).toBe('First line\nSecond 😀 line\n');
    }
  });

  it('reports a source referenced but missing, and imports the rest', async () => {
    const { report } = await importBytes(zipSync({ 'project.qde': strToU8(qde(codebook + source(0, 4))) }));
    expect(report.counts.notes).toBe(0);
    expect(report.themes.added).toBe(1);
    expect(report.notCarried.join(' ')).toMatch(/1 text source referenced by the project but missing/);
  });
});

describe('hostile or broken input: a sentence, and nothing imported', () => {
  const refused = async (bytes: Uint8Array, message: RegExp) => {
    const workspace = themeWorkspace(folders);
    await expect(
      (async () => importProject(workspace.db, await readQdpx(Buffer.from(bytes), 'x.qdpx'), TEST_REVIEWER.id))(),
    ).rejects.toThrow(message);
    expect(counts(workspace.db)).toMatchObject({ themes: 0, notes: 0, passages: 0, participants: 0, engagements: 0 });
  };

  it('not a zip', () => refused(strToU8('just some text'), /not a zip archive/));
  it('a zip without a project', () => refused(zipSync({ 'readme.txt': strToU8('hi') }), /no REFI-QDA project file/));
  it('invalid XML', () => refused(zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users>') }), /not well-formed/));
  it('a DOCTYPE with entities', () =>
    refused(
      zipSync({ 'project.qde': strToU8('<!DOCTYPE p [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>') }),
      /document type/,
    ));
  it('deeply nested XML', () => refused(zipSync({ 'project.qde': strToU8(qde('<x>'.repeat(100_000) + '</x>'.repeat(100_000))) }), /nested more than 64 levels/));
  it('positions outside the text, after the themes were already added in the same transaction', () =>
    refused(zipSync({ 'project.qde': strToU8(qde(codebook + source(5, 500))), 'sources/a1.txt': strToU8('short') }), /outside the text of “Interview.txt” \(5 characters\)/));
  it('a zip bomb: inflated bytes are counted, not declared sizes trusted', async () => {
    const workspace = themeWorkspace(folders);
    const bomb = zipSync({ 'project.qde': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(readQdpx(Buffer.from(bomb), 'b.qdpx', { entries: 100, totalBytes: 1024 * 1024, entryBytes: 1024 * 1024 })).rejects.toThrow(/zip bomb/);
    expect(counts(workspace.db).themes).toBe(0);
  });
  it('too many entries', async () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`sources/${i}.txt`, strToU8('x')]));
    await expect(readQdpx(Buffer.from(zipSync(many)), 'm.qdpx', { entries: 20, totalBytes: 1e9, entryBytes: 1e9 })).rejects.toThrow(/more than 20 files/);
  });
  it.each([['../evil.txt'], ['/etc/passwd'], ['C:/Windows/evil.txt'], ['sources\\evil.txt']])('an entry named %s', (name) =>
    refused(zipSync({ 'project.qde': strToU8(qde('')), [name]: strToU8('x') }), /points outside the archive|name/));
});
