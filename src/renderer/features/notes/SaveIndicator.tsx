import { useEffect, useRef } from 'react';
import type { SaveStatus } from './autosave';

type Quiet = Exclude<SaveStatus, { kind: 'failed' }>;

const QUIET_TEXT: Record<Quiet['kind'], string> = { saved: 'Saved', saving: 'Saving…', pending: 'Editing' };

/**
 * Small and quiet while all is well; a failure is announced and says what
 * happens next. The quiet states are not a live region: announcing "Saved"
 * twice a second would drown a screen reader.
 *
 * The quiet states are written straight to the page by `watch`, not rendered (issue 11): while the caret
 * is in the note, every React commit anywhere makes React walk the whole note's DOM to save and restore the
 * selection (react-dom's getSelectionInformation), 20–80 ms in a 200,000-word note — and these states
 * change several times a second while someone types.
 */
export function SaveIndicator({ status, watch }: { status: SaveStatus; watch?: (listener: (status: SaveStatus) => void) => () => void }) {
  const quiet = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!watch) return;
    return watch((next) => {
      const element = quiet.current;
      if (!element?.firstChild || next.kind === 'failed') return;
      element.firstChild.nodeValue = QUIET_TEXT[next.kind];
      element.dataset.status = next.kind;
    });
  }, [watch]);
  if (status.kind === 'failed') {
    return (
      <span className="save-indicator failed">
        {/* Announced once: the countdown beside it changes every second and stays out of the alert. */}
        <span role="alert">Not saved — {status.message} Your text is kept here.</span> Retrying in {Math.ceil(status.retryInMs / 1000)} s.
      </span>
    );
  }
  return (
    <span ref={quiet} className="save-indicator" data-status={status.kind}>
      {QUIET_TEXT[status.kind]}
    </span>
  );
}
