import { useCallback } from 'react';
import type { EngagementTypeInfo } from '../../../shared/domain/engagement';
import { useQuery } from '../../api/queries';

const NONE: EngagementTypeInfo[] = [];

/** The workspace's engagement types (refreshed when one is added, by the core's announcement). */
export function useEngagementTypes() {
  const { data: types = NONE, refetch } = useQuery('engagementTypes.list', {});
  const labelOf = useCallback((id: string) => types.find((t) => t.id === id)?.label ?? id, [types]);
  return { types, reload: refetch, labelOf };
}
