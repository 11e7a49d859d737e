import { useCallback, useId } from 'react';
import { useMutation } from '../../api/queries';
import { commandRegistry } from '../../commands/registry';

/** How a new workspace's codebook starts (issue 11: offered when the workspace is created). */
export type CodebookStart = 'topol' | 'empty' | 'qdc';

const CHOICES: { value: CodebookStart; label: string; hint: string }[] = [
  // Empty first and chosen unless changed: nothing is added to a workspace the person did not ask for.
  { value: 'empty', label: 'An empty codebook', hint: 'Add your own themes as you go; the Topol template stays on offer in Themes.' },
  { value: 'topol', label: 'The Topol template', hint: '32 themes in four branches (Technology, Ethics, Principles, Workforce), each with a definition.' },
  { value: 'qdc', label: 'Import a codebook (.qdc)', hint: 'From NVivo, ATLAS.ti, MAXQDA or another workspace: you choose the file next.' },
];

export function CodebookStartField({ value, onChange }: { value: CodebookStart; onChange: (value: CodebookStart) => void }) {
  const id = useId();
  return (
    <fieldset className="field codebook-start">
      <legend>Start the codebook with</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="codebook-start-choice">
          <input type="radio" name={id} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>
            {choice.label}
            <span className="hint">{choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The workspace exists: start its codebook as chosen. A failure to apply the template loses nothing — the
 * Themes area offers it again — so it goes to the failure notice rather than blocking the new workspace.
 */
export function useStartCodebook(): (choice: CodebookStart) => Promise<void> {
  const applyTemplate = useMutation('codebook.applyTemplate').run;
  return useCallback(
    async (choice: CodebookStart) => {
      if (choice === 'topol') {
        await applyTemplate({ template: 'topol' });
      } else if (choice === 'qdc') {
        commandRegistry.runWhenRegistered('go.themes');
        commandRegistry.runWhenRegistered('codebook.import');
      }
    },
    [applyTemplate],
  );
}
