/** A form's closing row: Cancel, then the primary action that submits the form (focused first where it is the next step). */
export function DialogActions({ onCancel, submit, busy, autoFocus }: { onCancel: () => void; submit: string; busy?: boolean; autoFocus?: boolean }) {
  return (
    <div className="actions">
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
