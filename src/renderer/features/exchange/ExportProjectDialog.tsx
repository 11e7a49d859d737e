import { useEffect, useId, useRef, useState } from 'react';
import { baseName, formatBytes, projectFileName } from '../../../shared/domain/files';
import type { RpcError } from '../../../shared/rpc/result';
import { useMutation, useQuery } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSaveFile } from '../files/useSaveFile';
import { count as plural } from '../analysis/format';
import { SharedNamesWarning } from './SharedNamesWarning';

type Exported = { path: string; size: number; counts: Record<'themes' | 'sources' | 'passages' | 'memos' | 'participants' | 'sets' | 'findings', number>; leftOut: string[] };

/** Choose what the export carries (consent first), then save it through the one file-out path. */
export function ExportProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const saveFile = useSaveFile();
  return (
    <>
      <Dialog title="Export project (.qdpx)" open={open} onClose={onClose} className="exchange-dialog">
        <ExportBody onClose={onClose} save={saveFile.save} />
      </Dialog>
      {saveFile.dialog}
    </>
  );
}

function ExportBody({ onClose, save }: { onClose: () => void; save: ReturnType<typeof useSaveFile>['save'] }) {
  const id = useId();
  const { workspace } = useApp();
  const check = useQuery('refi.exportCheck', {}, { errorShownHere: true });
  const shared = check.data?.sharedNames ?? [];
  const [omitNotForQuotation, setOmit] = useState(true);
  const [includeRealNames, setRealNames] = useState(false);
  const [qualifyNames, setQualify] = useState(true);
  const [error, setError] = useState<RpcError | null>(null);
  const [done, setDone] = useState<Exported | null>(null);
  const exportProject = useMutation('refi.export', { errorShownHere: true }).run;

  if (done) return <ExportDone exported={done} onClose={onClose} />;

  const exportIt = () => {
    setError(null);
    // Only names that are shared are ever qualified (codebook/names.ts), so the choice holds before the check answers.
    const options = { omitNotForQuotation, includeRealNames, qualifyNames };
    let exported: Exported | null = null;
    save({
      title: 'Save the project as',
      suggestedName: projectFileName(workspace?.name ?? ''),
      write: async (target) => {
        const result = await exportProject({ options, ...target });
        if (result.ok) exported = result.value;
        return result.ok ? { ok: true, value: result.value && { path: result.value.path, size: result.value.size } } : result;
      },
      onSaved: () => exported && setDone(exported),
      onError: setError,
    });
  };

  return (
    <div className="exchange">
      <p className="dialog-lede">
        A REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder: the codebook, every note with its tagged passages and memos,
        participants by their pseudonym code with their attributes, engagements, and findings linked to the passages that support them.
      </p>
      <fieldset className="exchange-options">
        <legend>Consent</legend>
        <label>
          <input type="checkbox" checked={omitNotForQuotation} onChange={(e) => setOmit(e.target.checked)} aria-describedby={`${id}-omit`} />
          Leave out passages of participants who are not for quotation
        </label>
        <p className="hint" id={`${id}-omit`}>
          Their passages, and passages running into their turns, stay out of the file. Turn this off only for an analyst who may see everything.
        </p>
        <label>
          <input type="checkbox" checked={includeRealNames} onChange={(e) => setRealNames(e.target.checked)} aria-describedby={`${id}-names`} />
          Include participants’ real names
        </label>
        <p className="hint" id={`${id}-names`}>
          {includeRealNames
            ? 'Real names go into the file as a “Real name” variable and stay in the notes’ text as written. Anyone with the file can read them.'
            : 'Off: real names recorded for participants are replaced by their codes in every text, and no real name is written.'}
        </p>
      </fieldset>
      <SharedNamesWarning shared={shared} qualify={qualifyNames} onQualify={setQualify} />
      <ErrorMessage error={error ?? check.error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={exportIt}>
          Export…
        </button>
      </div>
    </div>
  );
}

function ExportDone({ exported, onClose }: { exported: Exported; onClose: () => void }) {
  const c = exported.counts;
  const done = useRef<HTMLButtonElement>(null);
  // The save form closes in the same commit and hands focus back to the Export button it came from, which is
  // gone: take it once that has happened.
  useEffect(() => {
    const frame = requestAnimationFrame(() => done.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div className="exchange">
      <p role="status" className="exchange-done">
        Saved “{baseName(exported.path)}” ({formatBytes(exported.size)}).
      </p>
      <ul className="exchange-counts">
        <li>{plural(c.themes, 'theme')}</li>
        <li>{plural(c.sources, 'note')} in {plural(c.sets, 'engagement')}</li>
        <li>{plural(c.passages, 'tagged passage')}</li>
        <li>{plural(c.memos, 'memo')}</li>
        <li>{plural(c.participants, 'participant')}</li>
        <li>{plural(c.findings, 'finding')}</li>
      </ul>
      {exported.leftOut.length > 0 && (
        <>
          <h3>Left out</h3>
          <ul className="exchange-list">
            {exported.leftOut.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p className="hint" title={exported.path}>
        {exported.path}
      </p>
      <div className="actions">
        <button type="button" className="primary" ref={done} onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
