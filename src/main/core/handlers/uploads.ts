import type { uploadMethods } from '../../../shared/contract/uploads';
import { MAX_CHUNK_BYTES } from '../../../shared/domain/files';
import type { DomainHandlers, HandlerContext } from './context';

export function uploadHandlers(ctx: HandlerContext): DomainHandlers<typeof uploadMethods> {
  const { uploads } = ctx.session;
  return {
    'uploads.begin': (input) => ({ uploadId: uploads.begin(input), maxChunkBytes: MAX_CHUNK_BYTES }),
    'uploads.chunk': ({ uploadId, index, dataBase64 }) => uploads.chunk(uploadId, index, dataBase64),
    'uploads.cancel': ({ uploadId }) => {
      uploads.discard(uploadId);
      return null;
    },
  };
}
