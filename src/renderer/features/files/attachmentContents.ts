import type { Attachment } from '../../../shared/domain/files';
import { MAX_CHUNK_BYTES, previewableImageTypes } from '../../../shared/domain/files';
import type { Result } from '../../../shared/rpc/result';
import { useRead } from '../../api/queries';

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

type ReadChunk = ReturnType<typeof useRead<'attachments.read'>>;

/** Read an attachment's chunks for a screen; a failure is the screen's to show. */
export const useReadChunk = (): ReadChunk => useRead('attachments.read', { errorShownHere: true });

/** An attachment's contents as a Blob, read from the core in chunks (the renderer has no file access). */
export async function readAttachmentBlob(
  read: ReadChunk,
  attachment: Attachment,
  onProgress?: (read: number, total: number) => void,
): Promise<Result<Blob>> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  while (offset < attachment.size) {
    const result = await read({ id: attachment.id, offset, length: MAX_CHUNK_BYTES });
    if (!result.ok) return result;
    const bytes = fromBase64(result.value.dataBase64);
    if (bytes.length === 0) break; // the stored file is shorter than listed: stop rather than loop
    parts.push(bytes);
    offset += bytes.length;
    onProgress?.(offset, attachment.size);
  }
  return { ok: true, value: new Blob(parts, { type: attachment.mediaType }) };
}

export const canPreview = (attachment: Attachment): boolean => previewableImageTypes.includes(attachment.mediaType);

const KINDS: Record<string, string> = {
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'image/heif': 'HEIC photo',
  'image/avif': 'AVIF image',
  'image/bmp': 'BMP image',
  'image/tiff': 'TIFF image',
  'image/svg+xml': 'SVG drawing',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint slides',
  'text/plain': 'Text',
  'text/markdown': 'Markdown',
  'text/csv': 'CSV table',
};

/** "image/png" → "PNG image"; other types by their family and extension. */
export function describeType(attachment: Attachment): string {
  const known = KINDS[attachment.mediaType];
  if (known) return known;
  const extension = /\.([^.]+)$/.exec(attachment.fileName)?.[1]?.toUpperCase();
  const family = attachment.mediaType.split('/')[0];
  const noun = family === 'audio' ? 'audio' : family === 'video' ? 'video' : 'file';
  return extension ? `${extension} ${noun}` : noun[0]!.toUpperCase() + noun.slice(1);
}
