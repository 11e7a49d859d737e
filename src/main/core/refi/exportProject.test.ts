import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { theme, themeWorkspace } from '../testing/themeFixtures';
import { defineAttribute, engagement, linkEngagement, participant, taggedNote, validateQdpx } from '../testing/refiFixtures';
import { createFinding, listFindings, getFinding } from '../services/findings';
import { updatePassage } from '../services/passages';
import { listThemes, updateTheme } from '../services/themes';
import { importProject } from './importProject';
import { readQdpx } from './readQdpx';
import { exportQdpx, type QdpxExportOptions } from './exportProject';

const folders = tempFolders();
afterEach(() => folders.cleanup());

/** Where a piece of a text sits, in code points. */
export const at = (text: string, piece: string) => {
  const start = [...text.slice(0, text.indexOf(piece))].length;
  return { start, end: start + [...piece].length };
};

const defaults: QdpxExportOptions = { omitNotForQuotation: false, includeRealNames: false, qualifyNames: false };

function reviewWorkspace() {
  const workspace = themeWorkspace(folders, 'Topol review');
  const db = workspace.db;
  const ethics = theme(db, 'Ethics');
  const safety = theme(db, 'Patient safety', ethics);
  const ai = theme(db, 'AI & robotics');
  updateTheme(db, { id: ai, definition: 'Machine learning <and> robots', colour: '#ABC' as never });
  const moorfields = engagement(db);
  const band = defineAttribute(db, { name: 'Band', kind: 'number' }, TEST_REVIEWER.id).id;
  const nurse = participant(db, { realName: 'Mary Seacole', role: 'Ward sister', region: 'London', consent: 'anonymous', attributes: { [band]: 7 } });
  const quiet = participant(db, { realName: 'Florence N', staffGroup: 'doctor', consent: 'none' });
  linkEngagement(db, nurse, moorfields);
  const text = 'P001: The scans 😀 are read by AI.\n\nP002: I would not quote that — “ça va”.\nLine two.\n\nLater Mary Seacole told us more.';
  const noteId = taggedNote(db, moorfields, 'Ward round', text, [
    { id: '11111111-1111-4111-8111-111111111111', ...at(text, 'The scans 😀 are read by AI.'), themeIds: [ai, safety], memo: 'Emoji before this: positions in code points.' },
    { id: '22222222-2222-4222-8222-222222222222', ...at(text, 'I would not quote that — “ça va”.'), themeIds: [safety] },
    { id: '33333333-3333-4333-8333-333333333333', ...at(text, 'told us more.'), themeIds: [ai] },
  ]);
  updatePassage(db, { id: '22222222-2222-4222-8222-222222222222', participantId: quiet, keyQuote: true });
  const finding = createFinding(
    db,
    { statement: 'Staff need structured training before AI reads scans.', themeIds: [ai, safety], passageIds: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'], status: 'agreed' },
    TEST_REVIEWER.id,
  ).id;
  return { workspace, db, ids: { ethics, safety, ai, nurse, quiet, noteId, finding }, text };
}

describe('exporting a workspace as .qdpx', () => {
  it('is valid against Project.xsd (xmllint), with each note as UTF-8 text without BOM, LF, and positions in code points', () => {
    const { db, ids, text } = reviewWorkspace();
    const result = exportQdpx(db, '0.1.0', defaults);
    expect(result.fileName).toBe('Topol review project.qdpx');
    const check = validateQdpx(folders, result.bytes);
    expect(check.stderr).toMatch(/validates/);
    expect(check.status).toBe(0);
    const qde = readFileSync(join(check.folder, 'project.qde'), 'utf8');
    const bytes = readFileSync(join(check.folder, 'sources', `${ids.noteId}.txt`));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    // Recorded real names come out of the text; positions follow.
    expect(bytes.toString('utf8')).toBe(text.replace('Mary Seacole', '[P001]'));
    expect(qde).toMatch(/name="told us more\." startPosition="(\d+)"/);
    const moved = Number(/name="told us more\." startPosition="(\d+)"/.exec(qde)![1]);
    expect([...bytes.toString('utf8')].slice(moved, moved + 13).join('')).toBe('told us more.');
    expect(qde).toContain(`plainTextPath="internal://${ids.noteId}.txt"`);
    // "The scans 😀 are read by AI." starts at code point 6; the emoji counts one.
    const selection = /<PlainTextSelection guid="11111111[^>]*>/.exec(qde)![0];
    expect(selection).toMatch(/startPosition="6" endPosition="33"/);
    expect([...text].slice(6, 33).join('')).toBe('The scans 😀 are read by AI.');
    expect(qde).toContain('name="AI &amp; robotics"');
    expect(qde).toContain('Machine learning &lt;and&gt; robots');
    expect(qde).toMatch(/<Note guid="[0-9a-f-]{36}" name="Memo: [^"]*">\s*<PlainTextContent>Emoji before this/);
    expect(qde).toMatch(/<NoteRef targetGUID="[0-9a-f-]{36}"\/>/);
    expect(qde).toMatch(/<Case guid="[0-9a-f-]{36}" name="P001">/);
    expect(qde).toContain('<TextValue>Ward sister</TextValue>');
    expect(qde).toContain('<FloatValue>7</FloatValue>');
    expect(qde).toMatch(/<Set guid="[0-9a-f-]{36}" name="Moorfields Eye Hospital">\s*<Description>Type: Site visit\nDate: 2018-06-19/);
    expect(qde).toContain('<User guid=');
    expect(result.counts).toMatchObject({ themes: 3, sources: 1, passages: 3, memos: 1, participants: 2, sets: 1, findings: 1 });
  });

  it('never writes real names unless asked, and leaves out passages not for quotation when asked', () => {
    const { db } = reviewWorkspace();
    const plain = validateQdpx(folders, exportQdpx(db, '0.1.0', defaults).bytes);
    const qde = readFileSync(join(plain.folder, 'project.qde'), 'utf8');
    expect(qde).not.toContain('Mary Seacole');
    expect(qde).not.toContain('Florence');
    const named = exportQdpx(db, '0.1.0', { ...defaults, includeRealNames: true });
    const namedQde = readFileSync(join(validateQdpx(folders, named.bytes).folder, 'project.qde'), 'utf8');
    expect(namedQde).toContain('<TextValue>Mary Seacole</TextValue>');
    expect(readFileSync(join(validateQdpx(folders, named.bytes).folder, 'sources', `${db.prepare('SELECT id FROM notes').pluck().get()}.txt`), 'utf8')).toContain('Mary Seacole');
    const careful = exportQdpx(db, '0.1.0', { ...defaults, omitNotForQuotation: true });
    const carefulCheck = validateQdpx(folders, careful.bytes);
    expect(carefulCheck.status).toBe(0);
    const carefulQde = readFileSync(join(carefulCheck.folder, 'project.qde'), 'utf8');
    expect(carefulQde).not.toContain('22222222-2222-4222-8222-222222222222');
    expect(careful.counts.passages).toBe(2);
    expect(careful.leftOut.join(' ')).toMatch(/1 passage of participants not for quotation \(or running into their turns\) was left out/);
  });

  it('writes the same GUIDs on every export of the same workspace', () => {
    const { db } = reviewWorkspace();
    const guids = () => {
      const qde = readFileSync(join(validateQdpx(folders, exportQdpx(db, '0.1.0', defaults).bytes).folder, 'project.qde'), 'utf8');
      return [...qde.matchAll(/(?:guid|GUID)="([^"]+)"/g)].map((m) => m[1]);
    };
    const first = guids();
    expect(first.length).toBeGreaterThan(20);
    expect(guids()).toEqual(first);
  });

  it('warns of names shared under different parents and qualifies them when asked', () => {
    const { db, ids } = reviewWorkspace();
    theme(db, 'Patient safety', ids.ai);
    const result = exportQdpx(db, '0.1.0', defaults);
    expect(result.sharedNames).toEqual([{ name: 'Patient safety', paths: ['Ethics › Patient safety', 'AI & robotics › Patient safety'] }]);
    const qualified = exportQdpx(db, '0.1.0', { ...defaults, qualifyNames: true });
    const check = validateQdpx(folders, qualified.bytes);
    expect(check.status).toBe(0);
    const qde = readFileSync(join(check.folder, 'project.qde'), 'utf8');
    expect(qde).toContain('name="Ethics::Patient safety"');
    expect(qde).toContain('name="AI &amp; robotics::Patient safety"');
    expect(qde).toContain('name="Ethics"');
  });

  it('carries findings as Notes linked to their passages and themes (valid against Project.xsd), and back as findings', async () => {
    const { db, ids } = reviewWorkspace();
    // The second supporting passage is of a participant not for quotation: it stays out, and so does its link.
    const result = exportQdpx(db, '0.1.0', { ...defaults, omitNotForQuotation: true });
    const check = validateQdpx(folders, result.bytes);
    expect(check.status).toBe(0);
    const qde = readFileSync(join(check.folder, 'project.qde'), 'utf8');
    expect(qde).toMatch(new RegExp(`<Note guid="${ids.finding}" name="F1: Staff need structured training before AI reads scans\\.">\\s*<Description>Fieldnotes finding F1\\nStatus: Agreed</Description>`));
    expect(qde).toMatch(new RegExp(`<Link guid="[0-9a-f-]{36}" name="Reported under" direction="OneWay" originGUID="${ids.finding}" targetGUID="${ids.ai}"/>`));
    expect(qde).toMatch(new RegExp(`name="Supported by" direction="OneWay" originGUID="${ids.finding}" targetGUID="11111111-1111-4111-8111-111111111111"`));
    expect(qde).not.toContain('targetGUID="22222222-2222-4222-8222-222222222222"');
    expect(result.counts).toMatchObject({ findings: 1, memos: 1 });
    expect(result.leftOut.join(' ')).toMatch(/1 supporting passage of findings is not in the file/);

    const target = themeWorkspace(folders, 'Analyst copy');
    const report = importProject(target.db, await readQdpx(Buffer.from(result.bytes), 'round.qdpx'), TEST_REVIEWER.id);
    expect(report.counts).toMatchObject({ findings: 1, memos: 1 });
    expect(report.notCarried.join(' ')).not.toMatch(/link/);
    const back = getFinding(target.db, listFindings(target.db)[0]!.id);
    const names = new Map(listThemes(target.db).map((t) => [t.id, t.name]));
    expect(back).toMatchObject({ statement: 'Staff need structured training before AI reads scans.', status: 'agreed' });
    expect(back.themeIds.map((id) => names.get(id))).toEqual(['AI & robotics', 'Patient safety']);
    expect(back.passages.map((p) => [p.state, p.quotedText])).toEqual([['attached', 'The scans 😀 are read by AI.']]);
  });
});
