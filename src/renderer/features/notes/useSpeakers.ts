import { useEffect, useState } from 'react';
import { staffGroupLabels } from '../../../shared/domain/participant';
import { api } from '../../api/client';
import type { SpeakerOption } from '../passages/PassageBar';

/** Participants who can be a speaker: those of this engagement first, then everyone else. */
export function useSpeakers(engagementId: string): SpeakerOption[] {
  const [speakers, setSpeakers] = useState<SpeakerOption[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all([api().call('participants.list', { engagementId }), api().call('participants.list', {})]).then(([here, all]) => {
      if (!current || !here.ok || !all.ok) return;
      const hereIds = new Set(here.value.map((p) => p.id));
      const ordered = [...here.value, ...all.value.filter((p) => !hereIds.has(p.id))];
      setSpeakers(
        ordered.map((p) => ({
          id: p.id,
          code: p.code,
          consent: p.consent,
          description: [staffGroupLabels[p.staffGroup], p.role].filter(Boolean).join(', ') + (hereIds.has(p.id) ? '' : ' (not at this engagement)'),
        })),
      );
    });
    return () => {
      current = false;
    };
  }, [engagementId]);
  return speakers;
}
