import { useCallback, useEffect, useState } from 'react';
import type { EngagementTypeInfo } from '../../../shared/domain/engagement';
import { api } from '../../api/client';

/** The workspace's engagement types, with a way to add one. */
export function useEngagementTypes() {
  const [types, setTypes] = useState<EngagementTypeInfo[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void api()
      .call('engagementTypes.list', {})
      .then((r) => current && r.ok && setTypes(r.value));
    return () => {
      current = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const labelOf = useCallback((id: string) => types.find((t) => t.id === id)?.label ?? id, [types]);
  return { types, reload, labelOf };
}
