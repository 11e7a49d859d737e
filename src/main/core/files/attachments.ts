import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fileExtension, MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/domain/files';
import { FieldnotesError } from '../../../shared/rpc/result';
import { describeContents, imageExtensions, imageMediaTypes, isPdf, sniffImage } from './sniff';
import { tooLarge, type ReceivedFile } from './uploads';
import { attachmentData, attachmentSize, attachmentSlice, deleteAttachment, insertAttachment } from '../store/attachments';
import { requireEngagement } from '../store/engagements';

/** Common types by extension, for when the browser did not say. */
const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  zip: 'application/zip',
};

/**
 * The media type to record, from the contents where they can tell. A file
 * that calls itself an image (by extension or type) must really be one: a
 * flip-chart "photo" that is something else would only fail later, in a
 * preview or in the report.
 */
export function attachmentMediaType(file: Pick<ReceivedFile, 'fileName' | 'mediaType' | 'bytes'>): string {
  const extension = fileExtension(file.fileName);
  const claimed = file.mediaType.split(';')[0]!.trim().toLowerCase();
  const image = sniffImage(file.bytes);
  if (!image && (imageExtensions.has(extension) || claimed.startsWith('image/'))) {
    throw new FieldnotesError(
      'UNSUPPORTED_FILE',
      `"${file.fileName}" is not an image file: ${describeContents(file.bytes)}. Choose the photo itself, or give the file the extension of what it really is.`,
    );
  }
  if (image) return imageMediaTypes[image];
  if (isPdf(file.bytes)) return 'application/pdf';
  if (claimed && claimed !== 'application/octet-stream') return claimed;
  return TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

export function addAttachment(db: Database.Database, file: ReceivedFile, engagementId: string, reviewerId: string): Attachment {
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(file.fileName, file.bytes.length, 'attachment');
  if (file.bytes.length === 0) {
    throw new FieldnotesError('UNSUPPORTED_FILE', `"${file.fileName}" is empty, so there is nothing to attach.`);
  }
  const attachment: Attachment = {
    id: randomUUID(),
    engagementId,
    fileName: file.fileName,
    mediaType: attachmentMediaType(file),
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    createdAt: new Date().toISOString(),
    createdBy: reviewerId,
  };
  db.transaction(() => {
    requireEngagement(db, engagementId);
    insertAttachment(db, attachment, file.bytes);
  })();
  return attachment;
}

export { attachmentData, attachmentFileName, listAttachments } from '../store/attachments';

export function removeAttachment(db: Database.Database, id: string): void {
  deleteAttachment(db, id);
}

/** Blobs at least this large are kept in memory between reads of one preview or download. */
const CACHE_FROM_BYTES = 8 * 1024 * 1024;
const CACHE_FOR_MS = 20_000;

/**
 * Reads attachments in slices for the renderer. SQLite (through
 * better-sqlite3, which has no incremental blob I/O) loads a whole blob to
 * take a slice of it, so reading a 200 MB file in 4 MB slices would load it
 * fifty times; the reader keeps the last large blob for a few seconds instead.
 */
export class AttachmentReader {
  private cached: { db: Database.Database; id: string; data: Buffer; timer: NodeJS.Timeout } | null = null;

  read(db: Database.Database, id: string, offset: number, length: number): { bytes: Buffer; size: number } {
    const cached = this.cached;
    if (cached && cached.db === db && cached.id === id) {
      cached.timer.refresh();
      return { bytes: cached.data.subarray(offset, offset + length), size: cached.data.length };
    }
    const size = attachmentSize(db, id);
    if (size < CACHE_FROM_BYTES || offset + length >= size) {
      return { bytes: offset >= size ? Buffer.alloc(0) : attachmentSlice(db, id, offset, length), size };
    }
    const data = attachmentData(db, id);
    this.forget();
    const timer = setTimeout(() => this.forget(), CACHE_FOR_MS);
    timer.unref();
    this.cached = { db, id, data, timer };
    return { bytes: data.subarray(offset, offset + length), size: data.length };
  }

  /** Drop the kept blob (after a removal, on close, or when it has not been read for a while). */
  forget(id?: string): void {
    if (!this.cached || (id !== undefined && this.cached.id !== id)) return;
    clearTimeout(this.cached.timer);
    this.cached = null;
  }
}
