import { FieldnotesError } from '../../../shared/rpc/result';
import type { fileMethods } from '../../../shared/contract/files';
import { MAX_CHUNK_BYTES } from '../../../shared/domain/files';
import {
  addAttachment,
  attachmentFileName,
  AttachmentReader,
  exportAttachment,
  listAttachments,
  removeAttachment,
} from '../files/attachments';
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
    // The renderer never names a file to write where a native dialog exists: a compromised page must not
    // be able to write anywhere the user can. Hosts without dialogs (loopback, tests) pass a path.
    'attachments.export': async ({ id, path, overwrite }) => {
      const dialogs = ctx.options.dialogs;
      if (dialogs) {
        const chosen = await dialogs.chooseSaveFile(attachmentFileName(db(), id));
        return chosen ? exportAttachment(db(), id, chosen, true) : null;
      }
      if (!path) throw new FieldnotesError('INVALID_INPUT', 'Say where to save the copy.');
      return exportAttachment(db(), id, path, overwrite);
    },
  };
}
