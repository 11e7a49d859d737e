import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_CHUNK_BYTES, MAX_IMPORT_BYTES } from '../../../shared/domain/files';
import { FieldnotesError } from '../../../shared/rpc/result';
import { UploadStore } from './uploads';

const stores: UploadStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));
const newStore = () => {
  const store = new UploadStore();
  stores.push(store);
  return store;
};

const b64 = (text: string) => Buffer.from(text).toString('base64');

function thrown(fn: () => unknown): FieldnotesError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldnotesError);
    return error as FieldnotesError;
  }
  throw new Error('expected an error');
}

describe('UploadStore', () => {
  it('keeps the file encrypted while it arrives: `strings` finds none of it in the temp folder, and a changed file is refused', () => {
    const store = newStore();
    const secret = 'Interview with Philippa Wetherspoon about the glaucoma waiting list. ';
    const text = secret.repeat(40);
    const id = store.begin({ fileName: 'transcript.txt', size: Buffer.byteLength(text), mediaType: 'text/plain', purpose: 'import' });
    const half = text.slice(0, 1200);
    store.chunk(id, 0, b64(half));
    const file = join(store.temporaryFolder!, id);
    const found = spawnSync('strings', ['-n', '6', file], { encoding: 'utf8' });
    expect(found.status, 'strings (binutils) runs').toBe(0);
    const readable = found.stdout.split('\n').filter((l) => /Wetherspoon|glaucoma|Interview|waiting/i.test(l));
    console.log(`strings on an upload in progress: ${found.stdout.split('\n').filter(Boolean).length} runs of 6+ printable bytes, ${readable.length} with the transcript's words`);
    expect(readable).toEqual([]);
    store.chunk(id, 1, b64(text.slice(1200)));
    expect(store.take(id, 'import').bytes.toString()).toBe(text);

    const other = store.begin({ fileName: 'tampered.txt', size: 5, mediaType: 'text/plain', purpose: 'import' });
    store.chunk(other, 0, b64('hello'));
    writeFileSync(join(store.temporaryFolder!, other), 'HELLO');
    expect(thrown(() => store.take(other, 'import')).message).toMatch(/was changed on disk/);
  });

  it('receives chunks in order into a private temp file and hands the whole file over once', () => {
    const store = newStore();
    const id = store.begin({ fileName: 'notes.txt', size: 11, mediaType: 'text/plain', purpose: 'import' });
    expect(store.chunk(id, 0, b64('hello '))).toEqual({ received: 6, complete: false });
    expect(store.chunk(id, 1, b64('world'))).toEqual({ received: 11, complete: true });
    const folder = store.temporaryFolder!;
    expect(folder.startsWith(tmpdir())).toBe(true);
    expect(readdirSync(folder)).toEqual([id]);
    const file = store.take(id, 'import');
    expect(file).toMatchObject({ fileName: 'notes.txt', mediaType: 'text/plain', purpose: 'import' });
    expect(file.bytes.toString()).toBe('hello world');
    expect(readdirSync(folder)).toEqual([]); // used up: the temp file is gone
    expect(thrown(() => store.take(id, 'import')).code).toBe('NOT_FOUND');
  });

  it('refuses chunks out of order, repeated or after the end, naming the file', () => {
    const store = newStore();
    const id = store.begin({ fileName: 'interview.docx', size: 4, mediaType: '', purpose: 'import' });
    const skipped = thrown(() => store.chunk(id, 1, b64('ab')));
    expect(skipped.code).toBe('INVALID_INPUT');
    expect(skipped.message).toMatch(/Part 2 of "interview.docx" arrived out of order \(expected part 1\)/);
    store.chunk(id, 0, b64('ab'));
    expect(thrown(() => store.chunk(id, 0, b64('ab'))).message).toMatch(/out of order/);
    const tooMuch = thrown(() => store.chunk(id, 1, b64('abc')));
    expect(tooMuch.message).toMatch(/sent more than the 4 bytes it announced/);
    expect(store.size).toBe(0); // discarded
  });

  it('refuses anything more once a file has arrived in full', () => {
    const store = newStore();
    const id = store.begin({ fileName: 'done.txt', size: 2, mediaType: '', purpose: 'import' });
    store.chunk(id, 0, b64('ok'));
    expect(thrown(() => store.chunk(id, 1, '')).message).toMatch(/"done.txt" has already arrived in full/);
  });

  it('refuses an oversized chunk', () => {
    const store = newStore();
    const id = store.begin({ fileName: 'big.mp4', size: MAX_CHUNK_BYTES + 10, mediaType: '', purpose: 'attachment' });
    const error = thrown(() => store.chunk(id, 0, Buffer.alloc(MAX_CHUNK_BYTES + 1).toString('base64')));
    expect(error.message).toMatch(/larger than 4 MB/);
  });

  it('refuses files over the limit up front: 50 MB to import, 200 MB to attach', () => {
    const store = newStore();
    const importing = thrown(() => store.begin({ fileName: 'huge.pdf', size: 80 * 1024 * 1024, mediaType: '', purpose: 'import' }));
    expect(importing.code).toBe('TOO_LARGE');
    expect(importing.message).toBe(
      '"huge.pdf" is too large to import (80 MB); a file imported as notes can be at most 50 MB. Split it into smaller files, then import those.',
    );
    expect(thrown(() => store.begin({ fileName: 'just over.pdf', size: MAX_IMPORT_BYTES + 1, mediaType: '', purpose: 'import' })).code).toBe(
      'TOO_LARGE',
    );
    const attaching = thrown(() =>
      store.begin({ fileName: 'workshop.mp4', size: 250 * 1024 * 1024, mediaType: 'video/mp4', purpose: 'attachment' }),
    );
    expect(attaching.message).toBe(
      '"workshop.mp4" is too large to attach (250 MB); an attachment can be at most 200 MB. Make it smaller (compress or split it), then try again.',
    );
    expect(store.begin({ fileName: 'ok.mp4', size: MAX_ATTACHMENT_BYTES, mediaType: '', purpose: 'attachment' })).toBeTruthy();
    expect(store.size).toBe(1);
  });

  it('will not hand over an unfinished upload, or one begun for a larger purpose', () => {
    const store = newStore();
    const unfinished = store.begin({ fileName: 'half.txt', size: 10, mediaType: '', purpose: 'import' });
    store.chunk(unfinished, 0, b64('12345'));
    expect(thrown(() => store.take(unfinished, 'import')).message).toMatch(/"half.txt" has not finished arriving \(5 bytes of 10 bytes\)/);
    const photo = store.begin({ fileName: 'photo.png', size: MAX_IMPORT_BYTES + 1, mediaType: '', purpose: 'attachment' });
    expect(thrown(() => store.take(photo, 'import')).code).toBe('TOO_LARGE');
  });

  it('cancel and close delete the temp files; cancelling twice is fine', () => {
    const store = newStore();
    const a = store.begin({ fileName: 'a.txt', size: 3, mediaType: '', purpose: 'import' });
    const b = store.begin({ fileName: 'b.txt', size: 3, mediaType: '', purpose: 'import' });
    store.chunk(a, 0, b64('abc'));
    const folder = store.temporaryFolder!;
    store.discard(a);
    store.discard(a);
    expect(readdirSync(folder)).toEqual([b]);
    store.close();
    expect(existsSync(folder)).toBe(false);
    expect(thrown(() => store.chunk(b, 0, b64('abc'))).code).toBe('NOT_FOUND');
  });

  it('sweeps away the upload folder of a process that died, and leaves live ones alone', () => {
    // A pid that existed and is gone: a child that has already exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const crashed = join(tmpdir(), `fieldnotes-uploads-${dead.stdout}-test`);
    const live = join(tmpdir(), `fieldnotes-uploads-${process.ppid}-test-live`);
    for (const folder of [crashed, live]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'left-behind'), 'personal data');
    }
    try {
      const store = newStore();
      store.begin({ fileName: 'x.txt', size: 1, mediaType: '', purpose: 'import' });
      expect(existsSync(crashed)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      spawnSync('rm', ['-rf', crashed, live]);
    }
  });
});
