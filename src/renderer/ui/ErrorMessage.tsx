import { useEffect, useRef } from 'react';
import type { RpcError } from '../../shared/rpc/result';

/**
 * An error a person can act on, announced to screen readers, and brought into view: in a dialog taller than the
 * window it sits below the fields, where a refusal was said but not seen (issue 11).
 */
export function ErrorMessage({ error }: { error: RpcError | string | null }) {
  const text = !error ? null : typeof error === 'string' ? error : error.message;
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) shown.current?.scrollIntoView?.({ block: 'nearest' });
  }, [text]);
  if (!text) return null;
  return (
    <p ref={shown} className="error" role="alert">
      {text}
    </p>
  );
}
