import { useEffect, useState } from 'react';
import type { MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { AttributeDefinition, ParticipantFilters, ParticipantSummary } from '../../../shared/domain/participant';
import type { RpcError } from '../../../shared/rpc/result';
import { api } from '../../api/client';

export interface Loaded<T> {
  data: T | null;
  error: RpcError | null;
}

/**
 * Load one method's answer, again whenever `key` changes (a serialised input
 * plus a version the caller bumps after a change). Stale answers are dropped.
 */
function useCall<M extends MethodName>(method: M, key: string): Loaded<MethodOutput<M>> {
  const [state, setState] = useState<Loaded<MethodOutput<M>>>({ data: null, error: null });
  useEffect(() => {
    let current = true;
    const input = (JSON.parse(key) as { input: unknown }).input;
    void api()
      .call(method, input as never)
      .then((result) => {
        if (!current) return;
        setState(result.ok ? { data: result.value, error: null } : { data: null, error: result.error });
      });
    return () => {
      current = false;
    };
  }, [method, key]);
  return state;
}

const keyOf = (input: unknown, version: number) => JSON.stringify({ input, version });

export function useAttributes(version: number): Loaded<AttributeDefinition[]> {
  return useCall('attributes.list', keyOf({}, version));
}

export function useParticipantList(filters: ParticipantFilters, version: number): Loaded<ParticipantSummary[]> {
  return useCall('participants.list', keyOf(filters, version));
}

export function useEngagementParticipants(engagementId: string, version: number): Loaded<ParticipantSummary[]> {
  return useCall('participants.forEngagement', keyOf({ engagementId }, version));
}

export function useEngagementChoices(): { id: string; title: string }[] {
  const { data } = useCall('engagements.list', keyOf({}, 0));
  return (data ?? []).map((e) => ({ id: e.id, title: e.title }));
}

/** "Band: Band 6 · Years in post: 12", in the order the attributes are defined. */
export function describeAttributes(values: Record<string, string>, attributes: AttributeDefinition[]): string {
  return attributes
    .filter((a) => values[a.id] !== undefined)
    .map((a) => `${a.name}: ${values[a.id]}`)
    .join(' · ');
}
