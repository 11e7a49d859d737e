import { useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/domain/files';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { readAttachmentBlob } from './attachmentContents';
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

  useEffect(() => {
    let url: string | null = null;
    let current = true;
    void readAttachmentBlob(attachment, (read, total) => current && setPercent(Math.floor((read / total) * 100))).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(result.error);
      url = URL.createObjectURL(result.value);
      setImage({ url, blob: result.value });
    });
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment]);

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
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    const result = await api().call('attachments.remove', { id: attachment.id });
    setBusy(false);
    if (result.ok) onRemoved();
    else setError(result.error);
  };
  return (
    <div>
      <p>
        Remove <strong>{attachment.fileName}</strong> from this engagement? It is deleted from the workspace; a copy saved elsewhere is not
        affected. This cannot be undone.
      </p>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onCancel} autoFocus>
          Keep it
        </button>
        <button type="button" className="files-danger" onClick={remove} disabled={busy}>
          Remove
        </button>
      </div>
    </div>
  );
}
