import { createHash, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fileExtension, MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/domain/files';
import { FieldnotesError } from '../../../shared/rpc/result';
import { describeContents, imageExtensions, imageMediaTypes, isPdf, sniffImage } from './sniff';
import { tooLarge, type ReceivedFile } from './uploads';
import { requireEngagement } from '../store/engagements';

interface AttachmentRow {
  id: string;
  engagement_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string;
}

/** Every column but the contents: listing never reads the blobs. */
const COLUMNS = 'id, engagement_id, file_name, media_type, size, sha256, created_at, created_by';

const fromRow = (row: AttachmentRow): Attachment => ({
  id: row.id,
  engagementId: row.engagement_id,
  fileName: row.file_name,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const missing = () => new FieldnotesError('NOT_FOUND', 'That attachment no longer exists. It may have been removed in another window.');

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
  const row: AttachmentRow = {
    id: randomUUID(),
    engagement_id: engagementId,
    file_name: file.fileName,
    media_type: attachmentMediaType(file),
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    created_at: new Date().toISOString(),
    created_by: reviewerId,
  };
  db.transaction(() => {
    requireEngagement(db, engagementId);
    db.prepare(
      `INSERT INTO attachments(${COLUMNS}, data)
       VALUES (@id, @engagement_id, @file_name, @media_type, @size, @sha256, @created_at, @created_by, @data)`,
    ).run({ ...row, data: file.bytes });
  })();
  return fromRow(row);
}

export function listAttachments(db: Database.Database, engagementId: string): Attachment[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM attachments WHERE engagement_id = ? ORDER BY created_at, file_name`)
    .all(engagementId) as AttachmentRow[];
  return rows.map(fromRow);
}

/** The name an attachment was added under, to suggest when saving a copy. */
export function attachmentFileName(db: Database.Database, id: string): string {
  const row = db.prepare('SELECT file_name FROM attachments WHERE id = ?').get(id) as { file_name: string } | undefined;
  if (!row) throw new FieldnotesError('NOT_FOUND', 'That attachment no longer exists.');
  return row.file_name;
}

export function removeAttachment(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM attachments WHERE id = ?').run(id).changes === 0) throw missing();
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
    const row = db.prepare('SELECT size FROM attachments WHERE id = ?').get(id) as { size: number } | undefined;
    if (!row) throw missing();
    if (row.size < CACHE_FROM_BYTES || offset + length >= row.size) {
      // SQLite's substr counts blob bytes from 1.
      const slice = db.prepare('SELECT substr(data, ?, ?) AS chunk FROM attachments WHERE id = ?').get(offset + 1, length, id) as
        | { chunk: Buffer | null }
        | undefined;
      return { bytes: offset >= row.size || !slice?.chunk ? Buffer.alloc(0) : slice.chunk, size: row.size };
    }
    const { data } = db.prepare('SELECT data FROM attachments WHERE id = ?').get(id) as { data: Buffer };
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

/** An attachment's whole contents, to write a copy out (see saveAs). */
export function attachmentData(db: Database.Database, id: string): Buffer {
  const row = db.prepare('SELECT data FROM attachments WHERE id = ?').get(id) as { data: Buffer } | undefined;
  if (!row) throw missing();
  return row.data;
}
