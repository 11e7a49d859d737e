import { reportFailure, useUnshownFailure } from '../api/queries';

/**
 * The failure no screen shows in place (see api/queries.tsx): a person sees
 * every failure, and dismisses it when read.
 */
export function FailureNotice() {
  const failure = useUnshownFailure();
  if (!failure) return null;
  return (
    <div className="failure-notice" role="alert">
      <p>{failure.message}</p>
      <button type="button" onClick={() => reportFailure(null)}>
        Dismiss
      </button>
    </div>
  );
}
