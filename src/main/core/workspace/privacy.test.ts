// Deleted means gone, and nothing leaks beside the file: removed names, notes
// and memos are not in the file's bytes (or its -wal) afterwards; every file
// Fieldnotes makes is readable by the reviewer only; a crash's leftovers are
// swept when the next core starts.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NewParticipant } from '../../../shared/domain/participant';
import { deleteNote } from '../services/notes';
import { deleteParticipant, createParticipant } from '../services/participants';
import { updatePassage } from '../services/passages';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { makeWorkspace, TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { CHECK_FOLDER_PREFIX } from './examine';
import { sweepLeftovers } from './leftovers';
import { createWorkspace, openWorkspace } from './workspace';

const folders = tempFolders();
afterEach(() => folders.cleanup());

const bytesOf = (path: string) => Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deleted means gone', () => {
  it('a deleted participant\'s real name, a deleted note and a cleared memo are not in the file or its log', async () => {
    const w = analysisWorkspace(folders);
    const path = w.workspace.path;
    const engagement = w.engagement();
    const person = createParticipant(w.db, NewParticipant.parse({ staffGroup: 'nurse', realName: 'Zebediah Quorncastle' }), TEST_REVIEWER.id);
    const note = w.note(engagement, ['The ward sister Xanthippe Drumbletree said the rota was unworkable.']);
    const kept = w.note(engagement, ['Another note, kept, about the Ophthalmology clinic.']);
    const theme = w.theme('Staffing');
    const passage = kept.tag('Ophthalmology clinic', [theme], { memo: 'Memo naming Quillon Farthingale' });
    w.close();
    // The search index keeps words lower-cased, one by one: look for those too.
    const secrets = ['Zebediah Quorncastle', 'Xanthippe Drumbletree', 'Quillon Farthingale', 'drumbletree', 'farthingale'];
    for (const secret of secrets) expect(bytesOf(path).includes(secret), `${secret} is written at first`).toBe(true);

    const again = openWorkspace(path, { checkpoint: { idleMs: 50, pollMs: 20 } });
    deleteParticipant(again.db, person.id);
    deleteNote(again.db, note.id);
    updatePassage(again.db, { id: passage, memo: '' });
    await sleep(300); // the checkpoint after the pause clears the log's copy
    for (const secret of secrets) expect(bytesOf(path).includes(secret), `${secret} while open`).toBe(false);
    again.close();
    for (const secret of secrets) expect(bytesOf(path).includes(secret), `${secret} after close`).toBe(false);
    expect(bytesOf(path).includes('Ophthalmology clinic')).toBe(true); // the check is not vacuous
  });
});

describe('files readable by the reviewer only', () => {
  it('a new workspace, its -wal and a migration backup are 0600', () => {
    const path = join(folders.make(), 'private.fieldnotes');
    const workspace = createWorkspace(path, { name: 'Private', createdBy: TEST_REVIEWER });
    workspace.db.prepare("INSERT INTO workspace_meta(key, value) VALUES ('x', 'y')").run();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    workspace.close();
  });
});

describe('a crash\'s leftovers', () => {
  it('old .creating-* files and dead processes\' check copies are removed; a live one is kept', () => {
    const folder = folders.make();
    makeWorkspace(join(folder, 'real.fieldnotes'));
    const stale = join(folder, 'Panel review.fieldnotes.creating-0a1b2c3d');
    const fresh = join(folder, 'Other.fieldnotes.creating-99887766');
    writeFileSync(stale, 'Ada Lovelace');
    writeFileSync(`${stale}-wal`, 'Ada Lovelace');
    writeFileSync(fresh, 'in progress');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(stale, old, old);
    utimesSync(`${stale}-wal`, old, old);
    const dead = join(tmpdir(), `${CHECK_FOLDER_PREFIX}999999999-test`);
    const live = join(tmpdir(), `${CHECK_FOLDER_PREFIX}${process.pid}-test`);
    mkdirSync(dead, { recursive: true });
    mkdirSync(live, { recursive: true });
    try {
      sweepLeftovers([folder]);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(`${stale}-wal`)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      expect(existsSync(join(folder, 'real.fieldnotes'))).toBe(true);
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      for (const f of [dead, live]) rmSync(f, { recursive: true, force: true });
    }
  });
});
