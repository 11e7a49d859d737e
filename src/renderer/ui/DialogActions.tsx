/** A form's closing row: Cancel, then the primary action that submits the form. */
export function DialogActions({ onCancel, submit, busy }: { onCancel: () => void; submit: string; busy?: boolean }) {
  return (
    <div className="actions">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {submit}
      </button>
    </div>
  );
}
