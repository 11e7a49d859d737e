import { useCallback, useEffect, useRef } from 'react';
import { IMPORT_ACCEPT } from '../../../shared/domain/files';
import { useMutation } from '../../api/queries';
import { FileProgressList } from './FileProgressList';
import { unknownSpeakersSentence } from './importSummary';
import { useUploadFile } from './uploadFile';
import { useFileQueue, type FileJob } from './useFileQueue';
import '../../styles/files.css';

interface Props {
  engagementId: string;
  /** Called after each file that became notes, so the note list can refresh. */
  onImported: () => void;
}

/**
 * "Import notes…": choose .docx, .txt, .md or .pdf files; each is sent to
 * the core with a progress bar, read there ("Reading…"), and becomes one
 * note (or several parts, for very long files) — or is refused with a
 * message naming the file and the reason.
 */
export function ImportNotesButton({ engagementId, onImported }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const onImportedRef = useRef(onImported);
  useEffect(() => {
    onImportedRef.current = onImported;
  }, [onImported]);

  const uploadFile = useUploadFile();
  const importNote = useMutation('imports.note', { errorShownHere: true }).run;
  const job = useCallback<FileJob>(
    async (file, report) => {
      const sent = await uploadFile(file, 'import', ({ sent: done, total }) => report({ phase: 'sending', sent: done, total }));
      if (!sent.ok) return sent;
      report({ phase: 'reading' });
      const imported = await importNote({ uploadId: sent.value.uploadId, engagementId });
      if (!imported.ok) return imported;
      onImportedRef.current();
      const count = imported.value.notes.length;
      const notes = `Imported “${file.name}” as ${count === 1 ? 'a note' : `${count} notes (it is long, so it was split into parts)`}.`;
      return { ok: true, value: [notes, unknownSpeakersSentence(imported.value.speakers.unknown)].filter(Boolean).join(' ') };
    },
    [engagementId, uploadFile, importNote],
  );
  const queue = useFileQueue(job);

  return (
    <div className="files-import">
      <button type="button" onClick={() => input.current?.click()} aria-describedby="files-import-hint">
        Import notes…
      </button>
      <span id="files-import-hint" className="visually-hidden">
        Word (.docx), text (.txt), Markdown (.md) or PDF files, up to 50 MB each.
      </span>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        multiple
        hidden
        aria-label="Files to import as notes"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = ''; // choosing the same file again still fires a change
          if (files.length) queue.add(files);
        }}
      />
      <FileProgressList statuses={queue.statuses} onDismiss={queue.dismiss} verb="Importing" />
    </div>
  );
}
