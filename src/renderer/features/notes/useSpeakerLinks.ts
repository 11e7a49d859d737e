import { useCallback, useState } from 'react';
import type { NoteSpeaker } from '../../../shared/contract/speakers';
import type { Passage } from '../../../shared/domain/passage';
import { useMutation } from '../../api/queries';
import { withChangedPassages } from '../passages/changedPassages';

/** Who a code is linked to, as the link and unlink say it. */
export interface LinkTarget {
  id: string;
  code: string;
}

/** What is announced after a link or an unlink: whose the turns are now. */
export function linkAnnouncement(code: string, participant: LinkTarget | null): string {
  return participant
    ? `Speaker ${code} in this note is linked to ${participant.code}: the passages of those turns are theirs.`
    : `Speaker ${code} in this note is unlinked: an unknown speaker again, and the passages of those turns are nobody’s.`;
}

/**
 * Linking a note's speaker code to a participant, or unlinking it so its turns are an unknown speaker's
 * again (issue 11: a link made by hand, or when the code first appeared, could not be undone). Both are
 * `speakers.link` (a null participant unlinks); the passages of those turns come back in the answer and
 * go into the open note's list, which it keeps current itself (keptCurrentHere). Each is announced.
 */
export function useSpeakerLinks(
  noteId: string,
  speakers: readonly NoteSpeaker[] | undefined,
  setPassages: (update: (passages: Passage[]) => Passage[]) => void,
) {
  const link = useMutation('speakers.link').run;
  const [announcement, setAnnouncement] = useState('');
  const isLinked = useCallback((code: string | null) => code !== null && Boolean(speakers?.find((s) => s.code === code)?.participant), [speakers]);
  const setLink = useCallback(
    async (code: string, participant: LinkTarget | null) => {
      const linked = await link({ noteId, code, participantId: participant?.id ?? null });
      if (!linked.ok) return; // the failure notice says why
      setPassages((list) => withChangedPassages(list, linked.value.changedPassages));
      setAnnouncement(linkAnnouncement(code, participant));
    },
    [link, noteId, setPassages],
  );
  return { isLinked, setLink, announcement };
}
