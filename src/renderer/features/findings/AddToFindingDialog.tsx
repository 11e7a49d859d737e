import { useEffect, useState } from 'react';
import { findingLabel } from '../../../shared/domain/finding';
import { useMutation, useQuery } from '../../api/queries';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { evidencePicker, findingNavigation } from './links';

/** Add passages to a finding, or start a new finding from them: opened from any passage list. */
export function AddToFindingDialog() {
  const [passageIds, setPassageIds] = useState<string[] | null>(null);
  const [themeIds, setThemeIds] = useState<string[]>([]);
  const open = passageIds !== null;
  const { data: findings = [] } = useQuery('findings.list', { includeSubthemes: true }, { enabled: open });
  const add = useMutation('findings.addPassages', { errorShownHere: true });
  const create = useMutation('findings.create', { errorShownHere: true });
  const [choice, setChoice] = useState<string>('new');
  const [statement, setStatement] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { reset: resetAdd } = add;
  const { reset: resetCreate } = create;
  useEffect(
    () =>
      evidencePicker.subscribe(({ passageIds: ids, themeIds: themes }) => {
        setChoice('new');
        setStatement('');
        setDone(null);
        resetAdd();
        resetCreate();
        setThemeIds(themes ?? []);
        setPassageIds(ids);
      }),
    [resetAdd, resetCreate],
  );

  const close = () => setPassageIds(null);
  const submit = async () => {
    if (!passageIds) return;
    if (choice === 'new') {
      const result = await create.run({ statement, passageIds, themeIds });
      if (result.ok) setDone(`Added to new finding ${findingLabel(result.value.number)}.`);
      if (result.ok) findingNavigation.emit({ findingId: result.value.id });
      if (result.ok) close();
    } else {
      const result = await add.run({ id: choice, passageIds });
      if (result.ok) {
        setDone(`Added to ${findingLabel(result.value.number)}.`);
        close();
      }
    }
  };

  return (
    <Dialog title={`Add ${passageIds && passageIds.length > 1 ? `${passageIds.length} passages` : 'passage'} to a finding`} open={open} onClose={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="finding-choice">
          <legend>Finding</legend>
          <label className="choice">
            <input type="radio" name="finding" value="new" checked={choice === 'new'} onChange={() => setChoice('new')} />
            A new finding
          </label>
          {choice === 'new' && (
            <div className="field">
              <label htmlFor="new-finding-statement">Statement</label>
              <textarea
                id="new-finding-statement"
                rows={3}
                value={statement}
                autoFocus
                onChange={(e) => setStatement(e.target.value)}
                placeholder="Radiographers need structured training before AI triage is introduced."
              />
            </div>
          )}
          {findings.map((f) => (
            <label key={f.id} className="choice">
              <input type="radio" name="finding" value={f.id} checked={choice === f.id} onChange={() => setChoice(f.id)} />
              <span>
                <strong>{findingLabel(f.number)}</strong> {f.statement}
              </span>
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={create.error ?? add.error} />
        {done && <p role="status">{done}</p>}
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.pending || add.pending}>
            Add
          </button>
        </div>
      </form>
    </Dialog>
  );
}
