// Uploads, imports and attachments through the one door every host uses (createCore().invoke),
// on real workspace files in temp folders.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/domain/files';
import type { NoteSummary } from '../../../shared/domain/note';
import { documentText } from '../../../shared/note/text';
import { PART_BLOCKS } from '../import/importNotes';
import type { Core } from '../index';
import { coreWithEngagement, countRows, failure, queryClosed, upload, value } from '../testing/coreFiles';
import { handmadeDocx, handmadePdf, PNG_1X1, programBytes } from '../testing/fileFixtures';
import { tempFolders } from '../testing/tempWorkspace';
import { noteTextSql } from '../store/noteBlocks';

const folders = tempFolders();
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  folders.cleanup();
});

const ourUploadFolders = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`fieldnotes-uploads-${process.pid}-`));

async function importFile(core: Core, engagementId: string, fileName: string, bytes: Uint8Array) {
  const uploadId = await upload(core, fileName, bytes, 'import');
  return core.invoke('imports.note', { uploadId, engagementId });
}

describe('imports.note', () => {
  it('imports .docx, .txt (UTF-16), .md and .pdf as notes that survive closing and reopening', async () => {
    const { core, path, engagementId } = await coreWithEngagement(folders, cores);
    const docx = handmadeDocx([
      { style: 'Heading1', runs: [{ text: 'Moorfields visit' }] },
      { runs: [{ text: 'Machine learning ' }, { text: 'reads', bold: true }, { text: ' scans.' }] },
      { list: 'bullet', text: 'Training time' },
    ]);
    const transcript = Buffer.from('\uFEFFP014: I would use it tomorrow.\r\nP015: Not without training.\r\n', 'utf16le');
    const md = Buffer.from('# Roundtable\n\n- genomics\n- digital literacy\n');
    const pdf = handmadePdf([[{ text: 'Written submission', size: 18 }, { text: '' }, { text: 'Protected learning time matters.' }]]);

    const results: NoteSummary[] = [];
    for (const [name, bytes] of [['Visit notes.docx', docx], ['Interview P014.txt', transcript], ['Roundtable.md', md], ['Submission.pdf', pdf]] as const) {
      const { notes } = await value<{ notes: NoteSummary[] }>(core, 'imports.note', {
        uploadId: await upload(core, name, bytes, 'import'),
        engagementId,
      });
      results.push(...notes);
    }
    expect(results.map((n) => [n.title, n.source, n.revision])).toEqual([
      ['Visit notes', 'import:docx', 0],
      ['Interview P014', 'import:txt', 0],
      ['Roundtable', 'import:md', 0],
      ['Submission', 'import:pdf', 0],
    ]);
    expect(results.map((n) => n.wordCount)).toEqual([8, 10, 4, 6]);
    expect(ourUploadFolders().flatMap((f) => readdirSync(join(tmpdir(), f)))).toEqual([]); // every upload used up

    const note = await value<{ document: string }>(core, 'notes.get', { id: results[1]!.id });
    expect(documentText(note.document).plainText).toBe('P014: I would use it tomorrow.\n\nP015: Not without training.');
    core.close();

    const rows = queryClosed<{ title: string; position: number; plain_text: string; created_by: string }>(
      path,
      `SELECT title, position, ${noteTextSql('notes.id')} AS plain_text, created_by, updated_by FROM notes ORDER BY position`,
    );
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.plain_text).toBe('Moorfields visit\n\nMachine learning reads scans.\n\nTraining time');
    expect(rows[2]!.plain_text).toBe('Roundtable\n\ngenomics\ndigital literacy');
    expect(new Set(rows.map((r) => r.created_by)).size).toBe(1);
  });

  it.each([
    ['cut short.docx', () => handmadeDocx([{ runs: [{ text: 'x'.repeat(500) }] }]).subarray(0, 300), /damaged/],
    ['broken.pdf', () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R'), /damaged/],
    ['setup.txt', () => programBytes(), /a program/],
    ['legacy.txt', () => Buffer.from([0x93, 0x67, 0x69, 0x66, 0x74, 0x94]), /not valid UTF-8/],
    ['empty.txt', () => Buffer.alloc(0), /it is empty/],
    ['scan.pdf', () => handmadePdf([[{ text: '' }]]), /no text/],
    ['slides.pptx', () => Buffer.from('not really'), /imports Word/],
  ])('refuses %s with a message naming it, and adds no note', async (name, bytes, reason) => {
    const { core, engagementId } = await coreWithEngagement(folders, cores);
    await importFile(core, engagementId, 'Kept.txt', Buffer.from('A note that was there before.'));
    const before = await countRows(core, 'notes');
    const result = await importFile(core, engagementId, name, bytes());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UNSUPPORTED_FILE');
    expect(result.error.message).toContain(`"${name}" could not be imported: `);
    expect(result.error.message).toMatch(reason);
    expect(await countRows(core, 'notes')).toBe(before);
    expect(ourUploadFolders().flatMap((f) => readdirSync(join(tmpdir(), f)))).toEqual([]);
  });

  it('imports a transcript of two and a half parts (1.2 MB, two upload chunks) in one transaction, as parts that keep every word', async () => {
    const { core, engagementId } = await coreWithEngagement(folders, cores);
    const turn = 'P014: Radiographers need structured training before AI triage is introduced, and time to learn.\n';
    // Parts are cut by block count here (PART_BLOCKS turns); the cut by characters and the all-or-nothing of a
    // failing third part are importNotes.test.ts's. 5 MB (11 parts) took
    // 9–23 s on two shared cores and went through the same paths.
    const text = turn.repeat(2.5 * PART_BLOCKS);
    const result = await importFile(core, engagementId, 'Long day.txt', Buffer.from(text));
    if (!result.ok) throw new Error(result.error.message);
    const { notes } = result.value as { notes: NoteSummary[] };
    expect(notes.map((n) => n.title)).toEqual(['Long day (part 1 of 3)', 'Long day (part 2 of 3)', 'Long day (part 3 of 3)']);
    const words = notes.reduce((n, note) => n + note.wordCount, 0);
    expect(words).toBe(14 * text.split('\n').filter(Boolean).length);
  }, 120_000);

  it('refuses without a workspace, and for an engagement that does not exist', async () => {
    const { core } = await coreWithEngagement(folders, cores);
    const uploadId = await upload(core, 'a.txt', Buffer.from('hello'), 'import');
    expect(await failure(core, 'imports.note', { uploadId, engagementId: 'no-such' }, 'NOT_FOUND')).toMatch(/engagement no longer exists/);
    await value(core, 'workspace.close');
    await failure(core, 'imports.note', { uploadId: 'x', engagementId: 'y' }, 'NO_WORKSPACE');
  });
});

describe('uploads through the core', () => {
  it('refuses chunks out of order and files over the limit, and cancels cleanly', async () => {
    const { core } = await coreWithEngagement(folders, cores);
    expect(
      await failure(core, 'uploads.begin', { fileName: 'recording.mp4', size: 300 * 1024 * 1024, mediaType: 'video/mp4', purpose: 'attachment' }, 'TOO_LARGE'),
    ).toMatch(/"recording.mp4" is too large to attach \(300 MB\).*at most 200 MB/);
    const { uploadId } = await value<{ uploadId: string }>(core, 'uploads.begin', { fileName: 'a.txt', size: 6, mediaType: '', purpose: 'import' });
    expect(await failure(core, 'uploads.chunk', { uploadId, index: 1, dataBase64: 'YWJj' }, 'INVALID_INPUT')).toMatch(/out of order/);
    await failure(core, 'uploads.chunk', { uploadId, index: 0, dataBase64: 'not base64!' }, 'INVALID_INPUT');
    await value(core, 'uploads.chunk', { uploadId, index: 0, dataBase64: 'YWJj' });
    expect(await value(core, 'uploads.cancel', { uploadId })).toBeNull();
    await failure(core, 'uploads.chunk', { uploadId, index: 1, dataBase64: 'YWJj' }, 'NOT_FOUND');
  });

  it("the core's close() deletes uploads in progress", async () => {
    const { core } = await coreWithEngagement(folders, cores);
    const before = new Set(ourUploadFolders());
    await value(core, 'uploads.begin', { fileName: 'half.docx', size: 10, mediaType: '', purpose: 'import' });
    const mine = ourUploadFolders().filter((f) => !before.has(f));
    expect(mine).toHaveLength(1);
    core.close();
    expect(existsSync(join(tmpdir(), mine[0]!))).toBe(false);
  });
});

describe('attachments', () => {
  it('add, list, read back in chunks, export, remove', async () => {
    const { core, path, engagementId } = await coreWithEngagement(folders, cores);
    const photo = Buffer.concat([PNG_1X1, Buffer.alloc(300_000, 1)]); // a PNG with trailing bytes, to read in pieces
    const added = await value<Attachment>(core, 'attachments.add', {
      uploadId: await upload(core, 'Flip chart 1.jpg', photo, 'attachment', 'image/jpeg', 100_000),
      engagementId,
    });
    expect(added).toMatchObject({ fileName: 'Flip chart 1.jpg', mediaType: 'image/png', size: photo.length, engagementId });
    expect(added.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
    const slides = await value<Attachment>(core, 'attachments.add', {
      uploadId: await upload(core, 'Slides.pdf', handmadePdf([[{ text: 'Slide 1' }]]), 'attachment'),
      engagementId,
    });
    expect(slides.mediaType).toBe('application/pdf');
    expect(await value(core, 'attachments.list', { engagementId })).toEqual([added, slides]);

    const pieces: Buffer[] = [];
    for (let offset = 0; ; offset += 128 * 1024) {
      const { dataBase64, size } = await value<{ dataBase64: string; size: number }>(core, 'attachments.read', { id: added.id, offset, length: 128 * 1024 });
      expect(size).toBe(photo.length);
      if (!dataBase64) break;
      pieces.push(Buffer.from(dataBase64, 'base64'));
    }
    expect(Buffer.concat(pieces).equals(photo)).toBe(true);

    const target = join(folders.make(), 'Flip chart 1.png');
    expect(await value(core, 'attachments.export', { id: added.id, path: target })).toEqual({ path: target, size: photo.length });
    expect(readFileSync(target).equals(photo)).toBe(true);
    expect(await failure(core, 'attachments.export', { id: added.id, path: target }, 'FILE_EXISTS')).toMatch(/already a file/);
    writeFileSync(target, 'old');
    await value(core, 'attachments.export', { id: added.id, path: target, overwrite: true });
    expect(readFileSync(target).equals(photo)).toBe(true);
    expect(readdirSync(join(target, '..'))).toEqual(['Flip chart 1.png']); // no temporary file left
    await failure(core, 'attachments.export', { id: added.id, path: join(target, '..', 'missing', 'x.png') }, 'NOT_FOUND');

    expect(await value(core, 'attachments.remove', { id: added.id })).toBeNull();
    await failure(core, 'attachments.read', { id: added.id, offset: 0, length: 10 }, 'NOT_FOUND');
    await failure(core, 'attachments.remove', { id: added.id }, 'NOT_FOUND');
    core.close();
    expect(queryClosed<{ file_name: string }>(path, 'SELECT file_name FROM attachments')).toEqual([{ file_name: 'Slides.pdf' }]);
  });

  it('reads a large attachment back identically in 4 MB pieces, from any offset', async () => {
    const { core, engagementId } = await coreWithEngagement(folders, cores);
    const video = Buffer.alloc(9 * 1024 * 1024 + 123);
    for (let i = 0; i < video.length; i += 4096) video.writeUInt32BE(i, i); // every piece is different
    const added = await value<Attachment>(core, 'attachments.add', {
      uploadId: await upload(core, 'Workshop.mp4', video, 'attachment', 'video/mp4', 4 * 1024 * 1024),
      engagementId,
    });
    expect(added.mediaType).toBe('video/mp4');
    const read = async (offset: number, length: number) =>
      Buffer.from((await value<{ dataBase64: string }>(core, 'attachments.read', { id: added.id, offset, length })).dataBase64, 'base64');
    const pieces: Buffer[] = [];
    for (let offset = 0; offset < video.length; offset += 4 * 1024 * 1024) pieces.push(await read(offset, 4 * 1024 * 1024));
    expect(Buffer.concat(pieces).equals(video)).toBe(true);
    expect((await read(5_000_001, 77)).equals(video.subarray(5_000_001, 5_000_078))).toBe(true);
    expect(await read(video.length, 10)).toHaveLength(0);
    await value(core, 'attachments.remove', { id: added.id });
    await failure(core, 'attachments.read', { id: added.id, offset: 0, length: 10 }, 'NOT_FOUND'); // not served from memory
  });

  it.each([
    ['photo.jpg', 'image/jpeg', Buffer.from('These are my notes, not a photo.'), /"photo.jpg" is not an image file: its contents are text/],
    ['scan.png', '', programBytes(), /"scan.png" is not an image file: it is a program/],
    ['chart', 'image/webp', Buffer.from('%PDF-1.4 ...'), /"chart" is not an image file: it is a PDF document/],
    ['empty.heic', '', Buffer.alloc(0), /"empty.heic" is empty/],
  ])('refuses %s and stores nothing', async (name, mediaType, bytes, message) => {
    const { core, engagementId } = await coreWithEngagement(folders, cores);
    await value(core, 'attachments.add', { uploadId: await upload(core, 'real.png', PNG_1X1, 'attachment'), engagementId });
    const uploadId = await upload(core, name, bytes, 'attachment', mediaType);
    expect(await failure(core, 'attachments.add', { uploadId, engagementId }, 'UNSUPPORTED_FILE')).toMatch(message);
    expect(await countRows(core, 'attachments')).toBe(1);
  });

  it('attachments go with their engagement', async () => {
    const { core, path, engagementId } = await coreWithEngagement(folders, cores);
    await value(core, 'attachments.add', { uploadId: await upload(core, 'a.png', PNG_1X1, 'attachment'), engagementId });
    await value(core, 'engagements.delete', { id: engagementId });
    core.close();
    expect(queryClosed(path, 'SELECT id FROM attachments')).toEqual([]);
  });
});
