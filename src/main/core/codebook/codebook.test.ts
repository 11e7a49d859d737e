import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { createCore } from '../index';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { REFI, theme, themeWorkspace, xmllint } from '../testing/themeFixtures';
import { createTheme, listThemes } from '../services/themes';
import { applyTemplate, exportQdc, importQdc, previewQdc } from './codebook';
import { readQdc } from './qdcReader';
import { sharedNames } from './names';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** The .qde inside a sample .qdpx (NVivo calls it project.qde, ATLAS.ti Project.qde). */
function sampleProject(name: string): string {
  const files = unzipSync(readFileSync(join(REFI, 'samples', name)));
  const qde = Object.keys(files).find((path) => /\.qde$/i.test(path))!;
  return strFromU8(files[qde]!);
}

/** The project's <CodeBook> element, cut out as text: what a .qdc of the same codebook would hold. */
const codeBookOf = (project: string) => project.slice(project.indexOf('<CodeBook'), project.indexOf('</CodeBook>') + '</CodeBook>'.length);

const shape = (db: Parameters<typeof listThemes>[0]) =>
  listThemes(db).map((t) => ({ depth: t.depth, name: t.name, colour: t.colour, definition: t.definition, exclusions: t.exclusions, code: t.code }));

describe('the Topol template', () => {
  it('adds 32 themes in four branches, each with a one-sentence definition and a colour of its own', () => {
    const { db } = themeWorkspace(folders);
    expect(applyTemplate(db, TEST_REVIEWER.id)).toEqual({ added: 32, merged: 0 });
    const themes = listThemes(db);
    expect(themes.filter((t) => t.depth === 0).map((t) => t.name)).toEqual(['Technology', 'Ethics', 'Principles', 'Workforce']);
    const childrenOf = (name: string) => {
      const parent = themes.find((t) => t.name === name)!;
      return themes.filter((t) => t.parentId === parent.id).map((t) => t.name);
    };
    expect(childrenOf('Technology')).toEqual(['Genomics', 'Digital medicine', 'Artificial intelligence and robotics']);
    expect(childrenOf('Artificial intelligence and robotics')).toHaveLength(5);
    expect(childrenOf('Digital medicine')).toContain('Internet of Things');
    expect(childrenOf('Ethics')).toEqual(['Patient safety', 'Data governance', 'Respect for human dignity', 'Accountability', 'Equity and bias']);
    expect(childrenOf('Principles')).toEqual(['Patients as partners', 'Evidence and evaluation of technology', 'The gift of time']);
    expect(childrenOf('Workforce')).toHaveLength(7);
    for (const t of themes) {
      expect(t.definition).toMatch(/^[A-Z][^.]*[^.]\.$/); // one sentence
      expect(t.name[0]).toBe(t.name[0]!.toUpperCase());
    }
    const branchColour = new Set(themes.filter((t) => t.depth === 0).map((t) => t.colour));
    expect(branchColour.size).toBe(4);
    // Siblings never share a colour, nor a theme its parent's: overlapping passages of one branch stay apart.
    for (const parent of themes) {
      const children = themes.filter((t) => t.parentId === parent.id);
      expect(new Set(children.map((c) => c.colour)).size, parent.name).toBe(Math.min(children.length, 9));
      for (const child of children) expect(child.colour, child.name).not.toBe(parent.colour);
    }
  });

  it('applied again, or over themes of the same name, adds only what is missing and keeps what is there', () => {
    const { db } = themeWorkspace(folders);
    const workforce = createTheme(db, { name: 'workforce', definition: 'Our own words.', colour: '#123456' }, TEST_REVIEWER.id);
    theme(db, 'Site-specific', workforce.id);
    expect(applyTemplate(db, TEST_REVIEWER.id)).toEqual({ added: 31, merged: 1 });
    expect(applyTemplate(db, TEST_REVIEWER.id)).toEqual({ added: 0, merged: 32 });
    const kept = listThemes(db).find((t) => t.id === workforce.id)!;
    expect(kept).toMatchObject({ name: 'workforce', definition: 'Our own words.', colour: '#123456', childCount: 8 });
    expect(listThemes(db)).toHaveLength(33);
  });
});

describe('.qdc export', () => {
  it('is valid against the REFI-QDA Codebook schema, with escaping and every detail of a theme', () => {
    const { db } = themeWorkspace(folders, 'Topol: review / 2019');
    applyTemplate(db, TEST_REVIEWER.id);
    const odd = createTheme(
      db,
      { name: 'Quotes "&" <tags> — ’apostrophes’ 🙂', definition: 'Line one & two.\n\nLine <three>\t]]>', exclusions: 'Not "this".', code: 'Q&A' },
      TEST_REVIEWER.id,
    );
    createTheme(db, { name: 'Bare', parentId: odd.id }, TEST_REVIEWER.id);
    const { fileName, xml } = exportQdc(db, '0.1.0');
    expect(fileName).toBe('Topol review 2019 codebook.qdc');
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Fieldnotes 0.1.0">');
    expect(xml).toMatch(/<Code guid="[0-9a-f-]{36}" name="Technology" isCodable="true" color="#1F77B4">/);
    expect(xmllint(folders, xml)).toMatchObject({ status: 0 });
  });

  it('of an empty codebook is refused with a sentence', () => {
    const { db } = themeWorkspace(folders);
    expect(() => exportQdc(db, '0.1.0')).toThrow(/codebook is empty/);
  });

  it('round-trips into a fresh workspace: names, hierarchy, colours, definitions, exclusions and codes', () => {
    const source = themeWorkspace(folders).db;
    applyTemplate(source, TEST_REVIEWER.id);
    const ai = listThemes(source).find((t) => t.name === 'Automated image interpretation')!;
    createTheme(source, { name: 'Retinal scans', parentId: ai.id, colour: '#abcdef', code: 'AI-RET', exclusions: 'Not OCT.\nNor fundus photos.' }, TEST_REVIEWER.id);
    const { xml } = exportQdc(source, '0.1.0');
    const target = themeWorkspace(folders).db;
    const preview = previewQdc(target, xml);
    expect(preview).toMatchObject({ origin: 'Fieldnotes 0.1.0', added: 33, merged: 0, notes: [] });
    expect(listThemes(target)).toEqual([]); // the preview changed nothing
    expect(importQdc(target, xml, TEST_REVIEWER.id)).toEqual({ added: 33, merged: 0 });
    expect(shape(target)).toEqual(shape(source));
    // Importing it again merges everything by name and adds nothing.
    expect(previewQdc(target, xml)).toMatchObject({ added: 0, merged: 33 });
    expect(importQdc(target, xml, TEST_REVIEWER.id)).toEqual({ added: 0, merged: 33 });
  });
});

describe('.qdc import from other programs', () => {
  it('takes NVivo 12’s 152 codes with their hierarchy and descriptions', () => {
    const { db } = themeWorkspace(folders);
    const codeBook = codeBookOf(sampleProject('nvivo12-windows.qdpx'));
    const preview = previewQdc(db, codeBook);
    expect(preview).toMatchObject({ added: 152, merged: 0 });
    expect(importQdc(db, codeBook, TEST_REVIEWER.id)).toEqual({ added: 152, merged: 0 });
    const themes = listThemes(db);
    expect(themes).toHaveLength(152);
    const vaccine = themes.find((t) => t.name === '1. Oltás típusa')!;
    expect(vaccine).toMatchObject({ depth: 0, definition: 'COVID vay nem COVID', childCount: 2 });
    expect(themes.filter((t) => t.parentId === vaccine.id).map((t) => t.name)).toEqual(['COVID', 'Nem COVID']);
    const attitude = themes.find((t) => t.name === '2. Attitűd szint az oltáshoz')!;
    expect(attitude.definition).toBe('Erősen szkeptikus (piros)\nEnyhén szkeptikus, kétkedő (sárga)\nElfogadó (zöld)');
    expect(themes.filter((t) => t.parentId === attitude.id).map((t) => t.name)).toEqual(['piros', 'sárga', 'zöld']);
    // NVivo gives no colours: each theme takes a palette colour of its own, never its parent's.
    const attitudes = themes.filter((t) => t.parentId === attitude.id);
    expect(new Set(attitudes.map((t) => t.colour)).size).toBe(3);
    expect(attitudes.some((t) => t.colour === attitude.colour)).toBe(false);
    // 12 top-level codes, nested up to 3 levels below them (counted independently with Python's ElementTree).
    expect(themes.filter((t) => t.depth === 0)).toHaveLength(12);
    expect(Math.max(...themes.map((t) => t.depth))).toBe(3);
    // And the codebook we write from it is valid.
    expect(xmllint(folders, exportQdc(db, '0.1.0').xml).status).toBe(0);
  });

  it('takes ATLAS.ti 8’s 14 codes with their colours, descriptions and entities', () => {
    const { db } = themeWorkspace(folders);
    const project = sampleProject('atlasti8-macos.qdpx');
    expect(importQdc(db, codeBookOf(project), TEST_REVIEWER.id)).toEqual({ added: 14, merged: 0 });
    const themes = listThemes(db);
    expect(themes).toHaveLength(14);
    expect(themes.every((t) => t.depth === 0)).toBe(true); // ATLAS.ti 8 codebooks are flat ("Coke::diet Coke" is a name)
    expect(themes.find((t) => t.name === 'Coke')).toMatchObject({ colour: '#966450', definition: 'the breakfast of champions' });
    expect(themes.find((t) => t.name === 'Coke::diet Coke')).toMatchObject({ definition: 'non sucré' });
    expect(themes.find((t) => t.name === '"rushed"')).toMatchObject({ colour: '#F00082' });
    expect(themes.find((t) => t.name === 'milk')!.colour).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('reads a whole project’s codebook only when asked to (the project importer); the method refuses a .qde', () => {
    const project = sampleProject('nvivo12-windows.qdpx');
    expect(readQdc(project, { acceptProject: true }).codes).toHaveLength(12); // counted independently with Python's ElementTree
    expect(() => readQdc(project)).toThrow(/REFI-QDA project \(\.qde\), not a codebook/);
  });
});

describe('refusing what is not a codebook', () => {
  const cases: [string, string, RegExp][] = [
    ['unclosed element', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="A" isCodable="true"></Codes></CodeBook>', /not well-formed XML/],
    ['stray end tag', '<CodeBook><Codes><Code name="A" isCodable="true"/></Code></Codes></CodeBook>', /closing tag <\/Code>/],
    ['truncated file', '<CodeBook><Codes><Code name="A" isCodable="true"/>', /never closed/],
    ['text after the root', '<CodeBook><Codes/></CodeBook>trailing', /outside the document/],
    ['two roots', '<CodeBook><Codes/></CodeBook><CodeBook/>', /second top-level element/],
    ['plain text', 'Technology, Ethics, Workforce', /not well-formed XML/],
    ['a zip', 'PK\u0003\u0004rest', /zipped file/],
    ['another XML document', '<?xml version="1.0"?><html><body/></html>', /top element is <html>/],
    ['another namespace', '<CodeBook xmlns="urn:example"><Codes/></CodeBook>', /namespace “urn:example”/],
    ['no Codes', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', /no list of codes/],
    ['a project', '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', /REFI-QDA project/],
    ['an undeclared prefix', '<q:CodeBook><q:Codes/></q:CodeBook>', /prefix "q"/],
  ];
  it.each(cases)('%s, with a sentence and nothing added', async (_what, xml, message) => {
    const folder = folders.make();
    const core = createCore({ settingsFolder: join(folder, 'settings'), defaultFolder: folder, host: 'loopback', version: 'test' });
    await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await core.invoke('workspace.create', { path: join(folder, 'w.fieldnotes'), name: 'W' });
    for (const method of ['codebook.previewQdc', 'codebook.importQdc']) {
      const result = await core.invoke(method, { xml });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FILE', message: expect.stringMatching(message) } });
    }
    expect(await core.invoke('themes.list', {})).toEqual({ ok: true, value: [] });
    core.close();
  });

  it('an empty or oversized text is refused at the boundary', async () => {
    const folder = folders.make();
    const core = createCore({ settingsFolder: join(folder, 'settings'), defaultFolder: folder, host: 'loopback', version: 'test' });
    await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
    await core.invoke('workspace.create', { path: join(folder, 'w.fieldnotes'), name: 'W' });
    expect(await core.invoke('codebook.importQdc', { xml: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/empty/) } });
    const huge = `<CodeBook><Codes>${' '.repeat(20 * 1024 * 1024)}</Codes></CodeBook>`;
    expect(await core.invoke('codebook.previewQdc', { xml: huge })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/20 MB/) } });
    core.close();
  });

  it('a file whose second half is broken adds nothing from its first half', () => {
    const { db } = themeWorkspace(folders);
    const xml = '<CodeBook><Codes><Code name="Good" isCodable="true"/><Code name="Bad" isCodable="true"><Code></Codes></CodeBook>';
    expect(() => importQdc(db, xml, TEST_REVIEWER.id)).toThrow(/not well-formed/);
    expect(listThemes(db)).toEqual([]);
  });
});

describe('themes sharing a name under different parents', () => {
  it('are listed for a warning, and exported as Parent::Name when asked, still valid', () => {
    const { db } = themeWorkspace(folders);
    const ethics = theme(db, 'Ethics');
    const ai = theme(db, 'AI');
    theme(db, 'Safety', ethics);
    theme(db, 'Safety', ai);
    expect(sharedNames(listThemes(db))).toEqual([{ name: 'Safety', paths: ['Ethics › Safety', 'AI › Safety'] }]);
    expect(exportQdc(db, '0.1.0').xml.match(/name="Safety"/g)).toHaveLength(2);
    const { xml } = exportQdc(db, '0.1.0', true);
    expect(xml).toContain('name="Ethics::Safety"');
    expect(xml).toContain('name="AI::Safety"');
    expect(xmllint(folders, xml)).toMatchObject({ status: 0 });
  });
});
