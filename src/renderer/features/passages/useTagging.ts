import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Passage } from '../../../shared/domain/passage';
import { ThemeName } from '../../../shared/domain/theme';
import { useMutation } from '../../api/queries';
import type { NoteSession } from '../notes/useNoteSession';
import { MarkIndex } from './markIndex';
import { recentThemes } from './recentThemes';
import { useTagWithTheme, type ThemeChoice } from './useTagWithTheme';
import { $passageIdsAtSelection, markSelectionForTagging, removePassageMarks } from './tagging';

/**
 * Everything tagging does to an open note: the picker's state, which
 * passages are at the caret, and the actions on them. Creating a passage is
 * one save (document and passage together); the other actions change only
 * the passage's data.
 */
export function useTagging(editor: LexicalEditor, session: NoteSession) {
  // A tag's failure is said above the note (tagError); the other actions' failures go to the failure notice.
  const tagWith = useTagWithTheme();
  const untag = useMutation('passages.untag').run;
  const updatePassage = useMutation('passages.update').run;
  const deletePassage = useMutation('passages.delete').run;
  const index = useMemo(() => new MarkIndex(), []);
  useEffect(() => index.attach(editor), [editor, index]);
  const [picking, setPicking] = useState<{ passage: Passage | null } | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  /** A tag that could not be saved after the picker closed, said above the note. */
  const [tagError, setTagError] = useState<string | null>(null);
  /** What a screen reader hears once a tag is saved: the words and the theme. */
  const [announcement, setAnnouncement] = useState('');
  const [caretIds, setCaretIds] = useState<string[]>([]);
  const { passages, setPassages, settlePassages, createPassage } = session;

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const ids = editorState.read($passageIdsAtSelection);
        setCaretIds((previous) => (previous.join() === ids.join() ? previous : ids));
      }),
    [editor],
  );

  const replace = useCallback(
    (passage: Passage) => setPassages((list) => list.map((p) => (p.id === passage.id ? passage : p))),
    [setPassages],
  );

  const openPicker = useCallback(
    (passage: Passage | null = null) => {
      // The picker tags an existing passage when the selection is its quoted text: the saves' latest, then.
      settlePassages();
      setPickError(null);
      setPicking({ passage });
    },
    [settlePassages],
  );

  /**
   * Enter in the picker: mark the passage and give the keyboard back to the note at once, then save in the
   * background. A reviewer who presses Enter and goes on typing must not type into a closing dialog.
   */
  const choose = useCallback(
    (choice: ThemeChoice, themeName?: string) => {
      // A name the core would refuse must not ride along with the note's saves (it would fail each one).
      const named = 'create' in choice ? ThemeName.safeParse(choice.create) : null;
      if (named && !named.success) return setPickError(named.error.issues[0]?.message ?? 'That cannot be a theme’s name.');
      const target = picking?.passage ? { kind: 'existing' as const, passageId: picking.passage.id } : markSelectionForTagging(editor, passages);
      if (target.kind === 'none') return setPickError('Select some text in the note first, then tag it.');
      setPicking(null);
      setTagError(null);
      setAnnouncement('');
      editor.focus();
      const name = 'create' in choice ? choice.create : (themeName ?? 'the theme');
      void (async () => {
        if (target.kind === 'existing') {
          const result = await tagWith({ passageId: target.passageId }, choice);
          if (!result.ok) return setTagError(result.error.message);
          if ('create' in choice) recentThemes.used(result.value.themeId);
          replace(result.value.passage);
          setAnnouncement(`Tagged with ${name}.`);
        } else {
          // A failed save keeps the passage pending: the note's saver retries it with the next save.
          const failed = await createPassage(target.passageId, 'id' in choice ? { themeIds: [choice.id] } : { newThemeName: choice.create });
          if (failed) setTagError(`The passage is marked but not saved yet: ${failed}`);
          else setAnnouncement(`Tagged with ${name}${'create' in choice ? ' (a new theme)' : ''}.`);
        }
      })();
    },
    [editor, passages, picking, createPassage, replace, tagWith],
  );

  const removeTheme = useCallback(
    async (passage: Passage, themeId: string) => {
      const result = await untag({ passageId: passage.id, themeId });
      if (!result.ok) return;
      if (result.value.passage) replace(result.value.passage);
      else {
        setPassages((list) => list.filter((p) => p.id !== passage.id));
        removePassageMarks(editor, index, passage.id);
      }
    },
    [editor, index, replace, setPassages, untag],
  );

  const update = useCallback(
    async (passage: Passage, change: { memo?: string; keyQuote?: boolean; participantId?: string | null; speakerFromTurn?: true }) => {
      const result = await updatePassage({ id: passage.id, ...change });
      if (result.ok) replace(result.value);
    },
    [replace, updatePassage],
  );

  const remove = useCallback(
    async (passage: Passage) => {
      const result = await deletePassage({ id: passage.id });
      if (!result.ok) return;
      setPassages((list) => list.filter((p) => p.id !== passage.id));
      removePassageMarks(editor, index, passage.id);
    },
    [editor, index, setPassages, deletePassage],
  );

  const atCaret = passages.filter((p) => caretIds.includes(p.id));
  const detached = passages.filter((p) => p.detached);
  return { index, picking, pickError, tagError, announcement, openPicker, closePicker: () => setPicking(null), choose, removeTheme, update, remove, atCaret, detached };
}
