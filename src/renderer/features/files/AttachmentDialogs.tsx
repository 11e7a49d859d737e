import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/domain/files';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { readAttachmentBlob, useReadChunk } from './attachmentContents';
import '../../styles/files.css';

/** A photo shown from a blob URL (the CSP allows img-src blob:), read from the core in chunks. */
export function AttachmentPreviewDialog({
  attachment,
  onClose,
  onSaveCopy,
}: {
  attachment: Attachment | null;
  onClose: () => void;
  /** Save a copy through the core's file-out path (see useSaveFile). */
  onSaveCopy: (attachment: Attachment) => void;
}) {
  return (
    <Dialog title={attachment ? attachment.fileName : 'Preview'} open={attachment !== null} onClose={onClose} className="files-preview-dialog">
      {attachment && <PreviewBody key={attachment.id} attachment={attachment} onClose={onClose} onSaveCopy={onSaveCopy} />}
    </Dialog>
  );
}

function PreviewBody({ attachment, onClose, onSaveCopy }: { attachment: Attachment; onClose: () => void; onSaveCopy: (attachment: Attachment) => void }) {
  const [image, setImage] = useState<{ url: string; blob: Blob } | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [percent, setPercent] = useState(0);
  const read = useReadChunk();

  useEffect(() => {
    let url: string | null = null;
    let current = true;
    // A stale read (the dialog closed or moved on) is dropped by `current`: the Blob is built here, not cached.
    void readAttachmentBlob(read, attachment, (done, total) => current && setPercent(Math.floor((done / total) * 100))).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(result.error);
      url = URL.createObjectURL(result.value);
      setImage({ url, blob: result.value });
    });
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment, read]);

  return (
    <div className="files-preview">
      <ErrorMessage error={error} />
      {!image && !error && (
        <div className="files-bar" role="progressbar" aria-label={`Loading ${attachment.fileName}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="files-bar-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {image && <img src={image.url} alt={`Preview of ${attachment.fileName}`} className="files-preview-image" />}
      <div className="actions">
        <button type="button" disabled={!image} onClick={() => onSaveCopy(attachment)}>
          Save a copy…
        </button>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}

/** "Remove photo.jpg?": removal deletes the only copy inside the workspace, so it asks first. */
export function RemoveAttachmentDialog({
  attachment,
  onClose,
  onRemoved,
}: {
  attachment: Attachment | null;
  onClose: () => void;
  onRemoved: () => void;
}) {
  return (
    <Dialog title="Remove attachment" open={attachment !== null} onClose={onClose}>
      {attachment && <RemoveBody attachment={attachment} onCancel={onClose} onRemoved={onRemoved} />}
    </Dialog>
  );
}

function RemoveBody({ attachment, onCancel, onRemoved }: { attachment: Attachment; onCancel: () => void; onRemoved: () => void }) {
  const removal = useMutation('attachments.remove', { errorShownHere: true });
  const remove = async () => {
    if ((await removal.run({ id: attachment.id })).ok) onRemoved();
  };
  return (
    <div>
      <p>
        Remove <strong>{attachment.fileName}</strong> from this engagement? It is deleted from the workspace; a copy saved elsewhere is not
        affected. This cannot be undone.
      </p>
      <ErrorMessage error={removal.error} />
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          Keep it
        </button>
        <button type="button" className="files-danger" onClick={remove} disabled={removal.pending}>
          Remove
        </button>
      </div>
    </div>
  );
}
