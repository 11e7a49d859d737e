import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { baseName, formatBytes, type Attachment } from '../../../shared/domain/files';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useQuery } from '../../api/queries';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { canPreview, describeType } from './attachmentContents';
import { AttachmentPreviewDialog, RemoveAttachmentDialog } from './AttachmentDialogs';
import { FileProgressList } from './FileProgressList';
import { useUploadFile } from './uploadFile';
import { useFileQueue, type FileJob } from './useFileQueue';
import { useSaveFile } from './useSaveFile';
import '../../styles/files.css';

const addedFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * An engagement's attachments — photos of flip charts, slides, any file —
 * stored inside the workspace: the list with name, type, size and date;
 * Add files…; a preview for photos; Save a copy; Remove after asking.
 */
/** `headed={false}` where a surrounding panel already names it (the engagement drawer): the heading stays for screen readers. */
export function AttachmentsPanel({ engagementId, headed = true }: { engagementId: string; headed?: boolean }) {
  const list = useQuery('attachments.list', { engagementId }, { errorShownHere: true });
  const attachments = list.data ?? null;
  const [error, setError] = useState<RpcError | null>(null);
  const [previewing, setPreviewing] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAddAfterRemoval = useRef(false);
  const headingId = useId();
  const uploadFile = useUploadFile();
  const add = useMutation('attachments.add', { errorShownHere: true }).run;
  const exportCopy = useMutation('attachments.export', { errorShownHere: true }).run;

  useEffect(() => {
    if (!focusAddAfterRemoval.current || removing) return;
    // After a removal the row and its button are gone (and the closing dialog handed focus back to that
    // button): move focus somewhere that still exists.
    focusAddAfterRemoval.current = false;
    addButton.current?.focus();
  }, [attachments, removing]);

  const job = useCallback<FileJob>(
    async (file, report) => {
      const sent = await uploadFile(file, 'attachment', ({ sent: done, total }) => report({ phase: 'sending', sent: done, total }));
      if (!sent.ok) return sent;
      report({ phase: 'reading' });
      const added = await add({ uploadId: sent.value.uploadId, engagementId });
      if (!added.ok) return added;
      return { ok: true, value: `Attached "${file.name}".` };
    },
    [engagementId, uploadFile, add],
  );
  const queue = useFileQueue(job);

  const saveFile = useSaveFile();
  // The core writes the copy (the one file-out path); nothing is downloaded by the page.
  const saveCopy = (attachment: Attachment) =>
    saveFile.save({
      title: `Save a copy of ${attachment.fileName}`,
      suggestedName: attachment.fileName,
      write: (target) => {
        setSaving(`Saving a copy of "${attachment.fileName}"…`);
        return exportCopy({ id: attachment.id, ...target }).finally(() => setSaving(null));
      },
      onSaved: ({ path }) => setSaving(`Saved a copy as "${baseName(path)}".`),
      onError: setError,
    });

  return (
    <section className="files-attachments" aria-labelledby={headingId}>
      <header className="files-attachments-header">
        <h2 id={headingId} className={headed ? undefined : 'visually-hidden'}>
          Attachments
        </h2>
        <button ref={addButton} type="button" onClick={() => input.current?.click()}>
          Add files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Files to attach"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length) queue.add(files);
          }}
        />
      </header>
      <FileProgressList statuses={queue.statuses} onDismiss={queue.dismiss} verb="Attaching" />
      <ErrorMessage error={error ?? list.error} />
      <p className="files-saving" role="status">
        {saving}
      </p>
      {attachments && attachments.length === 0 && (
        <p className="empty">No attachments yet. Add photos of flip charts, slides or any other file with <strong>Add files…</strong> (up to 200 MB each).</p>
      )}
      {attachments && attachments.length > 0 && (
        <table className="list-table files-table">
          <caption className="visually-hidden">Attachments of this engagement, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col" className="files-numeric">
                Size
              </th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="files-name">
                  {a.fileName}
                </th>
                <td>{describeType(a)}</td>
                <td className="files-numeric">{formatBytes(a.size)}</td>
                <td>
                  <time dateTime={a.createdAt}>{addedFormat.format(new Date(a.createdAt))}</time>
                </td>
                <td className="files-actions">
                  {canPreview(a) && (
                    <button type="button" className="quiet" onClick={() => setPreviewing(a)}>
                      Open<span className="visually-hidden"> {a.fileName}</span>
                    </button>
                  )}
                  <button type="button" className="quiet" onClick={() => saveCopy(a)}>
                    Save a copy<span className="visually-hidden"> of {a.fileName}</span>
                  </button>
                  <button type="button" className="quiet files-danger-quiet" onClick={() => setRemoving(a)}>
                    Remove<span className="visually-hidden"> {a.fileName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AttachmentPreviewDialog
        attachment={previewing}
        onClose={() => setPreviewing(null)}
        onSaveCopy={(a) => {
          setPreviewing(null);
          saveCopy(a);
        }}
      />
      {saveFile.dialog}
      <RemoveAttachmentDialog
        attachment={removing}
        onClose={() => setRemoving(null)}
        onRemoved={() => {
          focusAddAfterRemoval.current = true;
          setRemoving(null);
        }}
      />
    </section>
  );
}
