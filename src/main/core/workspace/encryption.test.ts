// Encryption at rest: without the passphrase the file, its -wal and its
// backups reveal nothing (no "SQLite format 3" header, none of the notes,
// names or themes in their bytes); a wrong passphrase is a sentence and leaves
// the file as it was; search works; encrypt later, change, remove.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NewParticipant } from '../../../shared/domain/participant';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { listBackups } from '../backup/backups';
import { createEngagement } from '../services/engagements';
import { createNote, saveNote } from '../services/notes';
import { createParticipant } from '../services/participants';
import { search } from '../services/search';
import { createTheme } from '../services/themes';
import { sha256, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { keyForFile, newKey } from './encryption';
import { createWorkspace, inspectWorkspace, openWorkspace, type Workspace } from './workspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const SECRETS = ['Philippa Wetherspoon', 'glaucoma waiting list', 'Workforce resilience'] as const;

/** What binutils' `strings` finds of the secrets in a file: any of them, as written or lower-cased (the search index). */
function revealed(path: string): string[] {
  const found = spawnSync('strings', ['-n', '4', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(found.status, 'strings (binutils) runs').toBe(0);
  // The raw bytes too: `strings` splits a run at a byte it does not print, and a secret could straddle one.
  const text = `${found.stdout}\n${readFileSync(path).toString('latin1')}`;
  return SECRETS.filter((s) => text.includes(s) || text.includes(s.toLowerCase()) || text.includes(s.split(' ')[0]!.toLowerCase()));
}

function fill(w: Workspace): void {
  const engagement = createEngagement(w.db, { title: 'Moorfields visit', type: 'site_visit', date: '2024-03-01' }, TEST_REVIEWER.id);
  createParticipant(w.db, NewParticipant.parse({ staffGroup: 'nurse', realName: SECRETS[0] }), TEST_REVIEWER.id);
  createTheme(w.db, { name: SECRETS[2], parentId: null }, TEST_REVIEWER.id);
  const note = createNote(w.db, engagement.id, undefined, TEST_REVIEWER.id);
  const document = blocksToDocument([{ kind: 'paragraph', runs: [{ text: `The ${SECRETS[1]} has doubled since spring.` }] }]);
  saveNote(w.db, { id: note.id, document, baseRevision: note.revision }, TEST_REVIEWER.id);
}

describe('an encrypted workspace', () => {
  it('reveals nothing without the passphrase: header, file, -wal, backups', async () => {
    const folder = folders.make();
    const path = join(folder, 'secret.fieldnotes');
    const key = await newKey('correct horse battery staple');
    const w = createWorkspace(path, { name: 'Secret review', createdBy: TEST_REVIEWER }, { key, backups: {} });
    fill(w);
    expect(existsSync(`${path}-wal`)).toBe(true);
    const walFindings = revealed(`${path}-wal`);
    expect(search(w.db, { query: 'glaucoma' }).total).toBe(1); // search works encrypted
    w.backupNow('test');
    w.close();

    const header = readFileSync(path).subarray(0, 16).toString('latin1');
    expect(header).not.toBe('SQLite format 3\0');
    const backups = listBackups(path);
    expect(backups.length).toBeGreaterThan(0);
    const findings = {
      file: revealed(path),
      wal: walFindings,
      backups: backups.flatMap((b) => revealed(b.path)),
      beside: readdirSync(folder).filter((n) => !n.startsWith('secret.fieldnotes')),
    };
    console.log(
      `strings on the encrypted workspace (secrets ${JSON.stringify(SECRETS)}): found in the file ${JSON.stringify(findings.file)}, its -wal ${JSON.stringify(findings.wal)}, ` +
        `${backups.length} backup(s) ${JSON.stringify(findings.backups)}, other files beside it ${JSON.stringify(findings.beside)}; header ${JSON.stringify(header.slice(0, 6))}…, not "SQLite format 3"`,
    );
    expect(findings).toEqual({ file: [], wal: [], backups: [], beside: [] });

    // With the passphrase: everything is there, and check works.
    const reopened = openWorkspace(path, { key: await keyForFile(path, 'correct horse battery staple') });
    expect(reopened.db.prepare('SELECT real_name FROM participants').pluck().get()).toBe(SECRETS[0]);
    reopened.close();
    expect(inspectWorkspace(path, await keyForFile(path, 'correct horse battery staple')).integrity).toEqual(['ok']);
  });

  it('asks for the passphrase, refuses a wrong one with a sentence, and changes nothing', async () => {
    const path = join(folders.make(), 'locked.fieldnotes');
    createWorkspace(path, { name: 'Locked', createdBy: TEST_REVIEWER }, { key: await newKey('right one') }).close();
    const before = sha256(path);
    expect(() => openWorkspace(path)).toThrow(expect.objectContaining({ code: 'PASSPHRASE_NEEDED' }));
    const wrong = await keyForFile(path, 'wrong one');
    expect(() => openWorkspace(path, { key: wrong })).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/does not open "locked\.fieldnotes".*not been changed/) }));
    expect(() => inspectWorkspace(path, wrong)).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(sha256(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['locked.fieldnotes']);
    let message = '';
    try {
      openWorkspace(path, { key: wrong });
    } catch (e) {
      message = (e as Error).message;
    }
    console.log(`a wrong passphrase: "${message}"; the file's sha256 before and after: ${before === sha256(path) ? 'the same' : 'CHANGED'}; nothing made beside it`);
  });

  it('encrypt later, change the passphrase, remove it; plain backups do not outlive encryption', async () => {
    const path = join(folders.make(), 'later.fieldnotes');
    const w = createWorkspace(path, { name: 'Later', createdBy: TEST_REVIEWER }, { backups: {} });
    fill(w);
    w.backupNow('plain');
    expect(listBackups(path).some((b) => revealed(b.path).length > 0)).toBe(true);
    w.setKey(await newKey('first'));
    w.close();
    expect(revealed(path)).toEqual([]);
    expect(listBackups(path).flatMap((b) => revealed(b.path))).toEqual([]);

    const second = openWorkspace(path, { key: await keyForFile(path, 'first') });
    second.setKey(await newKey('second'));
    second.close();
    expect(() => openWorkspace(path, { key: undefined })).toThrow(expect.objectContaining({ code: 'PASSPHRASE_NEEDED' }));
    const third = openWorkspace(path, { key: await keyForFile(path, 'second') });
    third.setKey(null);
    third.close();
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const plain = openWorkspace(path);
    expect(plain.db.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(1);
    plain.close();
  });
});
