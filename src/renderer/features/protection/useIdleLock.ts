import { useEffect, useRef } from 'react';
import { useQuery } from '../../api/queries';
import { watchIdle } from './idleWatch';

/**
 * Lock an encrypted workspace after the idle time chosen in Backups
 * (protection.lockAfterMinutes). Locking saves the notes first (the caller's `lock`).
 */
export function useIdleLock(encrypted: boolean, lock: () => void | Promise<void>): void {
  const state = useQuery('protection.get', {}, { enabled: encrypted });
  const minutes = encrypted ? (state.data?.lockAfterMinutes ?? null) : null;
  const lockRef = useRef(lock);
  useEffect(() => {
    lockRef.current = lock;
  }, [lock]);
  useEffect(() => (minutes ? watchIdle(window, minutes * 60_000, () => void lockRef.current()) : undefined), [minutes]);
}
