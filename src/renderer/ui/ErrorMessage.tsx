import type { RpcError } from '../../shared/rpc/result';

/** An error a person can act on, announced to screen readers. */
export function ErrorMessage({ error }: { error: RpcError | string | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}
