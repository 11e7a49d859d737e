import { useMemo } from 'react';
import { staffGroupLabels } from '../../../shared/domain/participant';
import { useQuery } from '../../api/queries';
import type { SpeakerOption } from '../passages/PassageBar';

/** Participants who can be a speaker: those of this engagement first, then everyone else. */
export function useSpeakers(engagementId: string): SpeakerOption[] {
  const here = useQuery('participants.list', { engagementId }).data;
  const all = useQuery('participants.list', {}).data;
  return useMemo(() => {
    if (!here || !all) return [];
    const hereIds = new Set(here.map((p) => p.id));
    const ordered = [...here, ...all.filter((p) => !hereIds.has(p.id))];
    return ordered.map((p) => ({
      id: p.id,
      code: p.code,
      consent: p.consent,
      description: [staffGroupLabels[p.staffGroup], p.role].filter(Boolean).join(', ') + (hereIds.has(p.id) ? '' : ' (not at this engagement)'),
    }));
  }, [here, all]);
}
