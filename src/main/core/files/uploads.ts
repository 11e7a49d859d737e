import { createCipheriv, createDecipheriv, randomBytes, randomUUID, type CipherGCM } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract/methods';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatBytes,
  MAX_CHUNK_BYTES,
  uploadLimits,
  type UploadPurpose,
} from '../../../shared/domain/files';
import { FieldnotesError } from '../../../shared/rpc/result';

/** A file received in full, ready for one import or attachment. */
export interface ReceivedFile {
  fileName: string;
  mediaType: string;
  purpose: UploadPurpose;
  bytes: Buffer;
}

interface Upload {
  fileName: string;
  mediaType: string;
  purpose: UploadPurpose;
  size: number;
  received: number;
  nextIndex: number;
  path: string;
  fd: number | null;
  touched: number;
  /** Each upload is sealed with its own key, held in memory only (below). */
  key: Buffer;
  iv: Buffer;
  cipher: CipherGCM;
  /** Set once the last part is in: proves the file read back is the one written. */
  tag: Buffer | null;
}

const FOLDER_PREFIX = 'fieldnotes-uploads-';
/** An upload nobody has touched for this long was abandoned (a reload, a closed window). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
/** More at once than any person sends; a bound on open files and temp space. */
const MAX_OPEN_UPLOADS = 16;

/**
 * Folders of live stores in this process, removed on exit if nobody closed them. Module-level on purpose: the
 * one exit hook must reach every session's store, including one whose window never closed.
 */
const liveFolders = new Set<string>();
let exitHookInstalled = false;

export const tooLarge = (fileName: string, size: number, purpose: UploadPurpose) =>
  new FieldnotesError('TOO_LARGE', `"${fileName}" is too large ${tooLargeAdvice[purpose](formatBytes(size))}`);

const tooLargeAdvice: Record<UploadPurpose, (size: string) => string> = {
  import: (size) => `to import (${size}); a file imported as notes can be at most ${formatBytes(uploadLimits.import)}. Split it into smaller files, then import those.`,
  attachment: (size) => `to attach (${size}); an attachment can be at most ${formatBytes(uploadLimits.attachment)}. Make it smaller (compress or split it), then try again.`,
  project: (size) => `to import (${size}); a project can be at most ${formatBytes(uploadLimits.project)}. Export it again without its media (pictures, audio, video), which Fieldnotes does not carry.`,
  mergePack: (size) => `to merge (${size}); a merge pack can be at most ${formatBytes(uploadLimits.mergePack)}. Ask for a pack without large attachments.`,
};

const gone = () =>
  new FieldnotesError('NOT_FOUND', 'That upload is no longer in progress (it finished, was cancelled or the app restarted). Add the file again.');

/**
 * Files on their way in from the renderer, kept as temporary files (mode
 * 0600, in a private folder under the system temp folder) rather than in
 * memory, so a 200 MB photo set never sits in the core as base64. The folder
 * goes on close, on exit, and — after a crash — when the next store starts.
 *
 * The temporary files are encrypted (AES-256-GCM, a fresh key per upload kept
 * only in this process's memory): an interview transcript on its way into an
 * encrypted workspace must not lie readable in /tmp after a crash (issue 12),
 * and a plain workspace's uploads gain the same for nothing.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private folder: string | null = null;

  begin(input: ParsedInput<'uploads.begin'>): string {
    if (input.size > uploadLimits[input.purpose]) throw tooLarge(input.fileName, input.size, input.purpose);
    this.dropAbandoned();
    if (this.uploads.size >= MAX_OPEN_UPLOADS) {
      throw new FieldnotesError('UNAVAILABLE', 'Too many files are being added at once. Wait for some to finish, then try again.');
    }
    const id = randomUUID();
    let path: string;
    let fd: number;
    try {
      path = join(this.ensureFolder(), id);
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      throw explainTempWrite(error, input.fileName);
    }
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    this.uploads.set(id, { ...input, received: 0, nextIndex: 0, path, fd, touched: Date.now(), key, iv, cipher, tag: null });
    return id;
  }

  chunk(uploadId: string, index: number, dataBase64: string): { received: number; complete: boolean } {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw gone();
    upload.touched = Date.now();
    if (index !== upload.nextIndex) {
      throw new FieldnotesError(
        'INVALID_INPUT',
        `Part ${index + 1} of "${upload.fileName}" arrived out of order (expected part ${upload.nextIndex + 1}). Add the file again.`,
      );
    }
    if (upload.fd === null) {
      throw new FieldnotesError('INVALID_INPUT', `"${upload.fileName}" has already arrived in full; nothing more can be added to it.`);
    }
    const bytes = Buffer.from(dataBase64, 'base64');
    if (bytes.length > MAX_CHUNK_BYTES) {
      throw new FieldnotesError('INVALID_INPUT', `A part of "${upload.fileName}" was larger than ${formatBytes(MAX_CHUNK_BYTES)}.`);
    }
    if (upload.received + bytes.length > upload.size) {
      this.discard(uploadId);
      throw new FieldnotesError(
        'INVALID_INPUT',
        `"${upload.fileName}" sent more than the ${formatBytes(upload.size)} it announced, so it was discarded. Add the file again.`,
      );
    }
    try {
      const sealed = upload.cipher.update(bytes);
      let written = 0;
      while (written < sealed.length) written += writeSync(upload.fd, sealed, written);
    } catch (error) {
      this.discard(uploadId);
      throw explainTempWrite(error, upload.fileName);
    }
    upload.received += bytes.length;
    upload.nextIndex++;
    const complete = upload.received === upload.size;
    if (complete) this.finish(upload);
    return { received: upload.received, complete };
  }

  /**
   * Hand over a complete upload and forget it: each upload feeds exactly one
   * import or attachment, whether that succeeds or is refused.
   */
  take(uploadId: string, purpose: UploadPurpose): ReceivedFile {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw gone();
    try {
      if (upload.size > uploadLimits[purpose]) throw tooLarge(upload.fileName, upload.size, purpose);
      if (upload.received !== upload.size) {
        throw new FieldnotesError(
          'INVALID_INPUT',
          `"${upload.fileName}" has not finished arriving (${formatBytes(upload.received)} of ${formatBytes(upload.size)}). Add the file again.`,
        );
      }
      const bytes = upload.size === 0 ? Buffer.alloc(0) : this.unseal(upload);
      return { fileName: upload.fileName, mediaType: upload.mediaType, purpose: upload.purpose, bytes };
    } finally {
      this.discard(uploadId);
    }
  }

  /** Forget an upload and delete its temporary file; nothing happens if it is already gone. */
  discard(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    this.closeFd(upload);
    rmSync(upload.path, { force: true });
  }

  /** Delete every upload in progress (the workspace they were meant for is closing). */
  discardAll(): void {
    for (const id of [...this.uploads.keys()]) this.discard(id);
  }

  /** Delete every upload in progress and the store's folder (core close). */
  close(): void {
    this.discardAll();
    if (this.folder) {
      liveFolders.delete(this.folder);
      rmSync(this.folder, { recursive: true, force: true });
      this.folder = null;
    }
  }

  /** How many uploads are in progress (for tests and diagnostics). */
  get size(): number {
    return this.uploads.size;
  }

  /** The temp folder, if one was made (for tests). */
  get temporaryFolder(): string | null {
    return this.folder;
  }

  private ensureFolder(): string {
    if (this.folder) return this.folder;
    sweepCrashedFolders();
    // The pid in the name lets a later process tell a crashed owner from a live one.
    this.folder = mkdtempSync(join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
    liveFolders.add(this.folder);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once('exit', () => {
        for (const folder of liveFolders) rmSync(folder, { recursive: true, force: true });
      });
    }
    return this.folder;
  }

  private dropAbandoned(): void {
    const cutoff = Date.now() - ABANDONED_AFTER_MS;
    for (const [id, upload] of this.uploads) if (upload.touched < cutoff) this.discard(id);
  }

  /** The last part is in: close the seal (GCM's tag) and the file. */
  private finish(upload: Upload): void {
    const rest = upload.cipher.final(); // empty for GCM, written for form's sake
    if (rest.length && upload.fd !== null) writeSync(upload.fd, rest);
    upload.tag = upload.cipher.getAuthTag();
    this.closeFd(upload);
  }

  private unseal(upload: Upload): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', upload.key, upload.iv);
    decipher.setAuthTag(upload.tag!);
    try {
      return Buffer.concat([decipher.update(readFileSync(upload.path)), decipher.final()]);
    } catch {
      throw new FieldnotesError('INVALID_INPUT', `"${upload.fileName}" was changed on disk while it arrived, so it was not used. Add the file again.`);
    }
  }

  private closeFd(upload: Upload): void {
    if (upload.fd === null) return;
    closeSync(upload.fd);
    upload.fd = null;
  }
}

function explainTempWrite(error: unknown, fileName: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new FieldnotesError(
      'DISK_FULL',
      `There is not enough free disk space to receive "${fileName}". Free some space, then add the file again.`,
    );
  }
  return error;
}

/** Remove upload folders left behind by a process that died (SIGKILL, power cut): they may hold personal data. */
export function sweepCrashedFolders(prefix = FOLDER_PREFIX): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // Another user's folder, or one being removed by someone else: not ours to worry about.
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's. Only "no such process" means it is safe to clean up.
    return (error as { code?: unknown }).code !== 'ESRCH';
  }
}
