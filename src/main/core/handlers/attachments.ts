import type { attachmentMethods } from '../../../shared/contract/attachments';
import {
  addAttachment,
  attachmentData,
  attachmentFileName,
  listAttachments,
  removeAttachment,
} from '../files/attachments';
import { saveAs } from '../files/saveAs';
import type { DomainHandlers, HandlerContext } from './context';

export function attachmentHandlers(ctx: HandlerContext): DomainHandlers<typeof attachmentMethods> {
  const { uploads } = ctx.session;
  const reader = ctx.session.attachments;
  const db = () => ctx.requireWorkspace().db;
  return {
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
