import { formatBytes, uploadLimits, type UploadPurpose } from '../../../shared/domain/files';
import { useCallback } from 'react';
import type { Result } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';

/** Smaller than the core's 4 MB limit so a progress bar moves smoothly and memory stays low. */
const CHUNK_BYTES = 1024 * 1024;

export interface UploadProgress {
  /** Bytes sent so far. */
  sent: number;
  total: number;
}

/** One chunk of a File as base64, read natively (no Node, and no string building in JavaScript). */
function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Send a file the person chose to the core, chunk by chunk: the sandboxed
 * renderer has no paths to hand over, and base64 over IPC or HTTP is the
 * one way both hosts carry bytes. Returns the upload id for `imports.note`
 * or `attachments.add`, or the core's refusal. An oversized file is refused
 * before a byte is sent.
 */
export type UploadFile = (
  file: File,
  purpose: UploadPurpose,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) => Promise<Result<{ uploadId: string }>>;

/** `uploadFile` for a screen; its refusals are the file's row in the screen's progress list. */
export function useUploadFile(): UploadFile {
  const begin = useMutation('uploads.begin', { errorShownHere: true }).run;
  const chunk = useMutation('uploads.chunk', { errorShownHere: true }).run;
  const cancel = useMutation('uploads.cancel', { errorShownHere: true }).run;
  return useCallback((file, purpose, onProgress, signal) => uploadFile({ begin, chunk, cancel }, file, purpose, onProgress, signal), [begin, chunk, cancel]);
}

interface UploadCalls {
  begin: ReturnType<typeof useMutation<'uploads.begin'>>['run'];
  chunk: ReturnType<typeof useMutation<'uploads.chunk'>>['run'];
  cancel: ReturnType<typeof useMutation<'uploads.cancel'>>['run'];
}

async function uploadFile(
  call: UploadCalls,
  file: File,
  purpose: UploadPurpose,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<Result<{ uploadId: string }>> {
  const total = file.size;
  if (total > uploadLimits[purpose]) {
    // The core says the same; saying it here saves reading a file that will be refused.
    return {
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: `"${file.name}" is too large to ${purpose === 'attachment' ? 'attach' : purpose === 'mergePack' ? 'merge' : 'import'} (${formatBytes(total)}); the limit is ${formatBytes(uploadLimits[purpose])}.`,
      },
    };
  }
  const begun = await call.begin({ fileName: file.name, size: total, mediaType: file.type, purpose });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value;
  onProgress?.({ sent: 0, total });
  const cancel = async (message: string): Promise<Result<never>> => {
    await call.cancel({ uploadId });
    return { ok: false, error: { code: 'UNAVAILABLE', message } };
  };
  for (let index = 0, offset = 0; offset < total; index++, offset += CHUNK_BYTES) {
    if (signal?.aborted) return cancel(`Adding "${file.name}" was cancelled.`);
    let dataBase64: string;
    try {
      dataBase64 = await readBase64(file.slice(offset, offset + CHUNK_BYTES));
    } catch {
      return cancel(`"${file.name}" could not be read. It may have been moved or deleted while it was being added.`);
    }
    const sent = await call.chunk({ uploadId, index, dataBase64 });
    if (!sent.ok) {
      await call.cancel({ uploadId });
      return sent;
    }
    onProgress?.({ sent: sent.value.received, total });
  }
  return { ok: true, value: { uploadId } };
}
