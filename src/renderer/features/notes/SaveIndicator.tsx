import type { SaveStatus } from './autosave';

/**
 * Small and quiet while all is well; a failure is announced and says what
 * happens next. The quiet states are not a live region: announcing "Saved"
 * twice a second would drown a screen reader.
 */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  if (status.kind === 'failed') {
    return (
      <span className="save-indicator failed">
        {/* Announced once: the countdown beside it changes every second and stays out of the alert. */}
        <span role="alert">Not saved — {status.message} Your text is kept here.</span> Retrying in {Math.ceil(status.retryInMs / 1000)} s.
      </span>
    );
  }
  const text = status.kind === 'saved' ? 'Saved' : status.kind === 'saving' ? 'Saving…' : 'Editing';
  return (
    <span className="save-indicator" data-status={status.kind}>
      {text}
    </span>
  );
}
