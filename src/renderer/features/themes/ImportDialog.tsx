import { useId, useState } from 'react';
import { MAX_QDC_CHARS, type CodebookAddResult, type QdcPreview } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ImportedThemeList } from './ImportedThemeList';
import { readXmlFile } from './useCodebook';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (result: CodebookAddResult) => void;
}

const themesWord = (n: number) => `${n} theme${n === 1 ? '' : 's'}`;

/** Choose a .qdc, see what it would add, then add it. */
export function ImportDialog({ open, onClose, onImported }: Props) {
  return (
    <Dialog title="Import a codebook" open={open} onClose={onClose} className="theme-import-dialog">
      <ImportBody onClose={onClose} onImported={onImported} />
    </Dialog>
  );
}

function ImportBody({ onClose, onImported }: Omit<Props, 'open'>) {
  const previewQdc = useMutation('codebook.previewQdc', { errorShownHere: true }).run;
  const importQdc = useMutation('codebook.importQdc', { errorShownHere: true }).run;
  const id = useId();
  const [xml, setXml] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<QdcPreview | null>(null);
  const [error, setError] = useState<RpcError | string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setXml(null);
    setError(null);
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_QDC_CHARS * 2) {
      setError('That file is larger than 20 MB, too large for a codebook. Check it is a .qdc file.');
      return;
    }
    setBusy(true);
    const text = await readXmlFile(file);
    const result = await previewQdc({ xml: text });
    setBusy(false);
    if (result.ok) {
      setXml(text);
      setPreview(result.value);
    } else {
      setError(result.error);
    }
  };

  const importIt = async () => {
    if (!xml) return;
    setBusy(true);
    const result = await importQdc({ xml });
    setBusy(false);
    if (result.ok) onImported(result.value);
    else setError(result.error);
  };

  return (
    <div className="theme-import">
      <div className="field">
        <label htmlFor={`${id}-file`}>Codebook file (.qdc)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".qdc,.xml,application/xml,text/xml"
          aria-describedby={`${id}-hint`}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        <p id={`${id}-hint`} className="hint">
          A REFI-QDA codebook from Fieldnotes, NVivo, ATLAS.ti, MAXQDA or QualCoder. You will see what it adds before anything
          changes; themes whose name already exists at the same place are merged, not duplicated.
        </p>
      </div>
      {busy && !preview && <p className="hint" role="status">Reading {fileName}…</p>}
      <ErrorMessage error={error} />
      {preview && (
        <section className="theme-import-preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>
            {preview.added === 0
              ? `Nothing new: all ${themesWord(preview.merged)} of this codebook are already here.`
              : `${themesWord(preview.added)} will be added${preview.merged ? `; ${preview.merged} already here will be merged` : ''}.`}
          </h3>
          {preview.origin && <p className="hint">Made by {preview.origin}.</p>}
          {preview.notes.length > 0 && (
            <ul className="theme-import-notes">
              {preview.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <ImportedThemeList items={preview.items} focusable />
        </section>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!preview || preview.added === 0 || busy} onClick={() => void importIt()}>
          {preview && preview.added > 0 ? `Import ${themesWord(preview.added)}` : 'Import'}
        </button>
      </div>
    </div>
  );
}
