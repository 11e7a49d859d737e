import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { NoteSpeaker } from '../../../../shared/contract/speakers';
import { SpeakerLabelNode } from '../../../../shared/note/SpeakerLabelNode';

/**
 * Marks each "P005:" label whose code this note links to nobody (issue 11): `data-unknown` draws the
 * "unknown speaker" mark beside it (editor.css, words as well as a dashed outline, never colour alone) and
 * the title says how to link it. Only attributes of the label's own element change — no text — so
 * the document and the caret are untouched.
 */
export function UnknownSpeakersPlugin({ speakers, onUnseenCode }: { speakers: readonly NoteSpeaker[] | undefined; onUnseenCode: () => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!speakers) return;
    const unknown = new Set(speakers.filter((s) => !s.participant).map((s) => s.code));
    const seen = new Set(speakers.map((s) => s.code));
    const mark = () => {
      const root = editor.getRootElement();
      if (!root) return;
      for (const label of root.querySelectorAll<HTMLElement>('.speaker-label')) {
        const code = label.dataset.speaker ?? '';
        // A code just typed is recorded by its note's next save: ask again then.
        if (!seen.has(code)) onUnseenCode();
        if (unknown.has(code)) {
          label.dataset.unknown = '';
          label.title = `${code} — unknown speaker: no participant is linked to this code in this note. Use “Link speaker to a participant…” (Ctrl+K).`;
        } else if ('unknown' in label.dataset) {
          delete label.dataset.unknown;
          label.removeAttribute('title');
        }
      }
    };
    mark();
    return editor.registerMutationListener(SpeakerLabelNode, mark, { skipInitialization: false });
  }, [editor, speakers, onUnseenCode]);
  return null;
}
