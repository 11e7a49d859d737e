import { useMemo } from 'react';
import type { AttributeDefinition, ParticipantFilters, ParticipantSummary } from '../../../shared/domain/participant';
import { useQuery, type Query } from '../../api/queries';

// Each follows the core's announcements to `participants` (and `attributes`): no screen counts versions itself.

export function useAttributes(): Query<AttributeDefinition[]> {
  return useQuery('attributes.list', {}, { errorShownHere: true });
}

export function useParticipantList(filters: ParticipantFilters): Query<ParticipantSummary[]> {
  return useQuery('participants.list', filters, { errorShownHere: true });
}

export function useEngagementParticipants(engagementId: string): Query<ParticipantSummary[]> {
  return useQuery('participants.forEngagement', { engagementId }, { errorShownHere: true });
}

/** Engagements to filter by: only what the filter bar shows. */
export function useEngagementChoices(): { id: string; title: string }[] {
  const { data } = useQuery('engagements.list', {});
  return useMemo(() => (data ?? []).map((e) => ({ id: e.id, title: e.title })), [data]);
}

/** "Band: Band 6 · Years in post: 12", in the order the attributes are defined. */
export function describeAttributes(values: Record<string, string>, attributes: AttributeDefinition[]): string {
  return attributes
    .filter((a) => values[a.id] !== undefined)
    .map((a) => `${a.name}: ${values[a.id]}`)
    .join(' · ');
}
