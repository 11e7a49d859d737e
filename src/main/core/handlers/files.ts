import type { fileMethods } from '../../../shared/contract/files';
import { MAX_CHUNK_BYTES } from '../../../shared/domain/files';
import {
  addAttachment,
  attachmentData,
  attachmentFileName,
  AttachmentReader,
  listAttachments,
  removeAttachment,
} from '../files/attachments';
import { saveAs } from '../files/saveAs';
import { uploadsFor } from '../files/uploads';
import { importNotes } from '../import/importNotes';
import type { DomainHandlers, HandlerContext } from './context';

export function fileHandlers(ctx: HandlerContext): DomainHandlers<typeof fileMethods> {
  // Uploads belong to the core's session, so the core's close() deletes them (see discardUploads).
  const uploads = uploadsFor(ctx.session);
  const reader = new AttachmentReader();
  const db = () => ctx.requireWorkspace().db;
  return {
    'uploads.begin': (input) => ({ uploadId: uploads.begin(input), maxChunkBytes: MAX_CHUNK_BYTES }),
    'uploads.chunk': ({ uploadId, index, dataBase64 }) => uploads.chunk(uploadId, index, dataBase64),
    'uploads.cancel': ({ uploadId }) => {
      uploads.discard(uploadId);
      return null;
    },

    'imports.note': async ({ uploadId, engagementId }) => {
      const reviewer = ctx.requireReviewer();
      db(); // no workspace: refuse before the upload is used up
      const file = uploads.take(uploadId, 'import');
      try {
        ctx.requireWorkspace().backupNow('before import');
      } catch (error) {
        ctx.options.log?.('backup before import failed', error); // the import itself is not refused for it
      }
      return { notes: await importNotes(db, file, engagementId, reviewer.id) };
    },

    'attachments.add': ({ uploadId, engagementId }) => {
      const reviewer = ctx.requireReviewer();
      const workspace = db();
      return addAttachment(workspace, uploads.take(uploadId, 'attachment'), engagementId, reviewer.id);
    },
    'attachments.list': ({ engagementId }) => listAttachments(db(), engagementId),
    'attachments.remove': ({ id }) => {
      removeAttachment(db(), id);
      reader.forget(id);
      return null;
    },
    'attachments.read': ({ id, offset, length }) => {
      const { bytes, size } = reader.read(db(), id, offset, length);
      return { dataBase64: bytes.toString('base64'), size };
    },
    // The one file-out path (files/saveAs.ts): the desktop's save dialog decides where, never the page.
    'attachments.export': ({ id, path, overwrite }) => {
      const workspace = db();
      return saveAs(ctx.options, attachmentFileName(workspace, id), { path, overwrite }, () => attachmentData(workspace, id));
    },
  };
}
