import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NewParticipant } from '../../shared/domain/participant';
import { packBytes } from '../core/merge/packs';
import { actAs } from '../core/services/reviewer';
import { createNote, deleteNote, renameNote } from '../core/services/notes';
import { createParticipant } from '../core/services/participants';
import { analysisWorkspace, OTHER_REVIEWER } from '../core/testing/analysisFixtures';
import { fullReview } from '../core/testing/teamFixtures';
import { sha256, tempFolders, TEST_REVIEWER, withRawDb } from '../core/testing/tempWorkspace';
import { openWorkspace } from '../core/workspace/workspace';
import { runCli } from './run';

const folders = tempFolders();
afterEach(() => folders.cleanup());

async function cli(argv: string[], confirm?: (q: string) => Promise<boolean>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { FIELDNOTES_HOME: folders.make('fieldnotes-home-') }, confirm });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Both files' bytes, -wal included: what "changes nothing" is held to. */
const bytesOf = (...paths: string[]) => paths.flatMap((p) => [sha256(p), existsSync(`${p}-wal`) ? sha256(`${p}-wal`) : 'no wal']);

/** A review on one laptop, copied to a second, where a colleague meets a new person, writes a note and renames another. */
function twoLaptops() {
  const folder = folders.make('fieldnotes merge cli ');
  const w = analysisWorkspace(folders);
  const review = fullReview(w);
  const here = join(folder, 'secretariat.fieldnotes');
  const theirs = join(folder, 'grace.fieldnotes');
  w.db.prepare('VACUUM INTO ?').run(here);
  w.db.prepare('VACUUM INTO ?').run(theirs);
  w.close();
  const b = openWorkspace(theirs);
  actAs(b.db, OTHER_REVIEWER, 'laptop-b');
  createParticipant(b.db, NewParticipant.parse({ staffGroup: 'midwife', engagementId: review.engagements.leeds }), OTHER_REVIEWER.id);
  const note = createNote(b.db, review.engagements.leeds, 'Grace’s notes', OTHER_REVIEWER.id);
  const pack = join(folder, 'grace for merging.fieldnotes');
  writeFileSync(pack, packBytes(b.db));
  b.close();
  return { folder, here, pack, note, review };
}

describe('fieldnotes merge', () => {
  it('previews without changing a byte, asks, then merges in one go after a backup; the same pack again has nothing to merge', async () => {
    const { here, pack, note } = twoLaptops();
    const before = bytesOf(here, pack);

    const dry = await cli(['merge', pack, '--into', here, '--dry-run']);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Merging "Analysis" from grace for merging.fieldnotes (worked on by Ada Lovelace, Grace Hopper) into secretariat.fieldnotes:');
    expect(dry.out).toMatch(/Participants +1 +0 +0 +0 +0/);
    expect(dry.out).toMatch(/Notes +1 +0/);
    expect(dry.out).toContain('Dry run: nothing was merged');
    expect(bytesOf(here, pack)).toEqual(before);

    // Not confirmed (no terminal to ask, or the person says no): nothing happens.
    const unasked = await cli(['merge', pack, '--into', here]);
    expect(unasked.code).toBe(1);
    expect(unasked.err).toContain('run again with --yes');
    const questions: string[] = [];
    const declined = await cli(['merge', pack, '--into', here], async (q) => (questions.push(q), false));
    expect(declined.code).toBe(1);
    expect(questions).toEqual(['Merge these into secretariat.fieldnotes? A backup is taken first. [y/N] ']);
    expect(bytesOf(here, pack)).toEqual(before);
    expect(existsSync(`${here}-backups`)).toBe(false);

    const merged = await cli(['merge', pack, '--into', here], async () => true);
    expect(merged.err).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/Merged: \d+ new\./);
    const backups = readdirSync(`${here}-backups`).filter((f) => f.endsWith('.fieldnotes'));
    expect(backups).toHaveLength(1);
    // The backup is the workspace as it was: without the colleague's note.
    const noteIn = (path: string) => withRawDb(path, (db) => db.prepare('SELECT title FROM notes WHERE id = ?').pluck().get(note.id));
    expect(noteIn(join(`${here}-backups`, backups[0]!))).toBeUndefined();
    expect(noteIn(here)).toBe('Grace’s notes');
    expect(sha256(pack)).toBe(before[2]);

    const again = await cli(['merge', pack, '--into', here, '--dry-run']);
    expect(again.out).toContain('Nothing to merge: everything in the pack is here already.');
  }, 60_000);

  it('merges with --yes and answers in JSON; a later change there comes in as changed', async () => {
    const { here, pack, note } = twoLaptops();
    expect((await cli(['merge', pack, '--into', here, '--yes'])).code).toBe(0);
    // The colleague renames their note and sends a new pack.
    const second = renamedInNextPack(pack, note.id);
    const run = await cli(['merge', second, '--into', here, '--dry-run', '--json']);
    const answer = JSON.parse(run.out) as { merged: boolean; preview: { counts: Record<string, number>; byTable: Record<string, Record<string, number>> } };
    expect(answer.merged).toBe(false);
    expect(answer.preview.byTable.notes).toEqual({ changed: 1 });
    expect((await cli(['merge', second, '--into', here, '--yes'])).code).toBe(0);
    expect(withRawDb(here, (db) => db.prepare('SELECT title FROM notes WHERE id = ?').pluck().get(note.id))).toBe('Grace’s notes, Leeds');
  }, 60_000);

  it('a note deleted here but renamed in the pack afterwards is kept and listed, or deleted with --delete-anyway', async () => {
    const { here, pack, note } = twoLaptops();
    expect((await cli(['merge', pack, '--into', here, '--yes'])).code).toBe(0);
    // The colleague renames their note; here, meanwhile, it is deleted.
    const second = renamedInNextPack(pack, note.id);
    const mine = openWorkspace(here);
    actAs(mine.db, TEST_REVIEWER, 'laptop-a');
    deleteNote(mine.db, note.id);
    mine.close();
    const copy = join(folders.make(), 'secretariat copy.fieldnotes');
    withRawDb(here, (db) => db.prepare('VACUUM INTO ?').run(copy));
    const titleIn = (path: string) => withRawDb(path, (db) => db.prepare('SELECT title FROM notes WHERE id = ?').pluck().get(note.id));

    const kept = await cli(['merge', second, '--into', here, '--yes']);
    expect(kept.code).toBe(0);
    expect(kept.out).toContain('(kept; add --delete-anyway to delete them):');
    expect(kept.out).toContain('Notes: "Grace’s notes, Leeds" (deleted here)');
    expect(titleIn(here)).toBe('Grace’s notes, Leeds');

    const gone = await cli(['merge', second, '--into', copy, '--yes', '--delete-anyway']);
    expect(gone.code).toBe(0);
    expect(gone.out).toContain('(deleted anyway, as --delete-anyway asks):');
    expect(titleIn(copy)).toBeUndefined();
  }, 60_000);

  it('refuses what is not a pack with a sentence naming it, and leaves the workspace as it was', async () => {
    const { folder, here } = twoLaptops();
    const notAPack = join(folder, 'minutes.fieldnotes');
    writeFileSync(notAPack, 'Minutes of the board meeting.\n');
    const before = bytesOf(here);
    const run = await cli(['merge', notAPack, '--into', here, '--yes']);
    expect(run.code).toBe(1);
    expect(run.err).toBe('fieldnotes: "minutes.fieldnotes" is not a Fieldnotes workspace (it is some other kind of file). It has not been changed.');
    expect(bytesOf(here)).toEqual(before);
    expect((await cli(['merge', notAPack])).err).toContain('--into WORKSPACE');
  }, 60_000);
});

const readPackFrom = (path: string) => withRawDb(path, (db) => db.serialize());

/** The colleague, back on their laptop (the first pack's copy), renames their note and sends the next pack. */
function renamedInNextPack(pack: string, noteId: string): string {
  const theirs = join(folders.make(), 'grace.fieldnotes');
  writeFileSync(theirs, readPackFrom(pack));
  const b = openWorkspace(theirs);
  actAs(b.db, OTHER_REVIEWER, 'laptop-b');
  renameNote(b.db, noteId, 'Grace’s notes, Leeds');
  const second = join(folders.make(), 'second pack.fieldnotes');
  writeFileSync(second, packBytes(b.db));
  b.close();
  return second;
}
