import { useState } from 'react';

/**
 * What opening did that the reviewer should hear about — a recovery log
 * checked and applied, a log set aside, a backup restored, indexes rebuilt —
 * said once above the screen until dismissed.
 */
export function OpenNotice({ notice }: { notice: string | null }) {
  const [dismissed, setDismissed] = useState(false);
  if (!notice || dismissed) return null;
  return (
    <div className="open-notice" role="status">
      <p>{notice}</p>
      <button type="button" className="quiet" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
