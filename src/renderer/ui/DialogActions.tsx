import type { ReactNode } from 'react';

/**
 * A form's closing row: another way out if the form has one (`before`), Cancel, then the primary action that
 * submits the form (focused first where it is the next step).
 */
export function DialogActions({
  onCancel,
  submit,
  busy,
  autoFocus,
  before,
}: {
  onCancel: () => void;
  submit: string;
  busy?: boolean;
  autoFocus?: boolean;
  before?: ReactNode;
}) {
  return (
    <div className="actions">
      {before}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy} autoFocus={autoFocus}>
        {submit}
      </button>
    </div>
  );
}

/** The last step's one way on: "Done", focused, closing the dialog. */
export function DoneAction({ onDone }: { onDone: () => void }) {
  return (
    <div className="actions">
      <button type="button" className="primary" autoFocus onClick={onDone}>
        Done
      </button>
    </div>
  );
}
