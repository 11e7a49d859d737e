import type Database from 'better-sqlite3';
import type { Attachment } from '../../../shared/domain/files';
import { FieldnotesError } from '../../../shared/rpc/result';

/** The `attachments` table: files attached to an engagement, their contents kept in the workspace. */

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

const attachmentFromRow = (row: AttachmentRow): Attachment => ({
  id: row.id,
  engagementId: row.engagement_id,
  fileName: row.file_name,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export const attachmentMissing = (): FieldnotesError =>
  new FieldnotesError('NOT_FOUND', 'That attachment no longer exists. It may have been removed in another window.');

export function insertAttachment(db: Database.Database, attachment: Attachment, data: Uint8Array): void {
  db.prepare(
    `INSERT INTO attachments(${COLUMNS}, data)
     VALUES (@id, @engagement_id, @file_name, @media_type, @size, @sha256, @created_at, @created_by, @data)`,
  ).run({
    id: attachment.id,
    engagement_id: attachment.engagementId,
    file_name: attachment.fileName,
    media_type: attachment.mediaType,
    size: attachment.size,
    sha256: attachment.sha256,
    created_at: attachment.createdAt,
    created_by: attachment.createdBy,
    data,
  });
}

export function listAttachments(db: Database.Database, engagementId: string): Attachment[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM attachments WHERE engagement_id = ? ORDER BY created_at, file_name`)
    .all(engagementId) as AttachmentRow[];
  return rows.map(attachmentFromRow);
}

/** The name an attachment was added under, to suggest when saving a copy. */
export function attachmentFileName(db: Database.Database, id: string): string {
  const row = db.prepare('SELECT file_name FROM attachments WHERE id = ?').get(id) as { file_name: string } | undefined;
  if (!row) throw attachmentMissing();
  return row.file_name;
}

export function attachmentSize(db: Database.Database, id: string): number {
  const row = db.prepare('SELECT size FROM attachments WHERE id = ?').get(id) as { size: number } | undefined;
  if (!row) throw attachmentMissing();
  return row.size;
}

/** `length` bytes from `offset` (empty past the end). SQLite's substr counts blob bytes from 1. */
export function attachmentSlice(db: Database.Database, id: string, offset: number, length: number): Buffer {
  const row = db.prepare('SELECT substr(data, ?, ?) AS chunk FROM attachments WHERE id = ?').get(offset + 1, length, id) as
    | { chunk: Buffer | null }
    | undefined;
  if (!row) throw attachmentMissing();
  return row.chunk ?? Buffer.alloc(0);
}

/** An attachment's whole contents. */
export function attachmentData(db: Database.Database, id: string): Buffer {
  const row = db.prepare('SELECT data FROM attachments WHERE id = ?').get(id) as { data: Buffer } | undefined;
  if (!row) throw attachmentMissing();
  return row.data;
}

export function deleteAttachment(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM attachments WHERE id = ?').run(id).changes === 0) throw attachmentMissing();
}
