import { useCallback } from 'react';
import type { Passage } from '../../../shared/domain/passage';
import type { Result } from '../../../shared/rpc/result';
import { useMutation } from '../../api/queries';

/** What the tag picker answered: a theme of the codebook, or a name typed there. */
export type ThemeChoice = { id: string } | { create: string };

/** An existing passage, or a stretch of a note that is not open in the editor (a search hit's place). */
export type TagTarget = { passageId: string } | { noteId: string; start: number; end: number };

/**
 * Tag a passage (or make one from a stretch of a note) with the picker's choice, in one call: a name typed in
 * the picker is the core's to find or create together with the tag. The failure is the caller's to show (the
 * picker or the note says it), so it is not also sent to the failure notice.
 */
export function useTagWithTheme(): (target: TagTarget, choice: ThemeChoice) => Promise<Result<{ passage: Passage; themeId: string }>> {
  const tag = useMutation('passages.tag', { errorShownHere: true }).run;
  const fromRange = useMutation('passages.createFromRange', { errorShownHere: true }).run;
  const withNewTheme = useMutation('passages.tagWithNewTheme', { errorShownHere: true }).run;
  return useCallback(
    async (target, choice) => {
      if ('create' in choice) {
        const result = await withNewTheme({ name: choice.create, target });
        return result.ok ? { ok: true, value: { passage: result.value.passage, themeId: result.value.theme.id } } : result;
      }
      const result = 'passageId' in target ? await tag({ passageId: target.passageId, themeId: choice.id }) : await fromRange({ ...target, themeIds: [choice.id] });
      return result.ok ? { ok: true, value: { passage: result.value, themeId: choice.id } } : result;
    },
    [tag, fromRange, withNewTheme],
  );
}
