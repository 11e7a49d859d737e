import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getNearestNodeFromDOMNode, SKIP_DOM_SELECTION_TAG } from 'lexical';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { NoteSpeaker } from '../../../../shared/contract/speakers';
import { NoteSectionNode } from '../../../../shared/note/NoteSectionNode';
import { $isSpeakerLabelNode, SpeakerLabelNode } from '../../../../shared/note/SpeakerLabelNode';

interface Props {
  speakers: readonly NoteSpeaker[] | undefined;
  onUnseenCode: () => void;
  /** Open the "Link speaker … to" picker for this code (the caret is already on its turn). */
  onLink: (code: string) => void;
}

/** One unknown label on screen: the anchor name its "Link…" button is placed by. */
interface UnknownLabel {
  anchor: string;
  code: string;
  /** The first turn of its code: the one Tab stops at (the others link the same code). */
  tabbable: boolean;
}

export const unknownSpeakerLinkName = (code: string) => `${code} — unknown speaker: link to a participant…`;

/** The note's own child that holds this element (its section, NoteSectionNode.ts): what content-visibility applies to. */
function topLevelBlock(element: HTMLElement, root: HTMLElement): Element | null {
  let block: HTMLElement | null = element;
  while (block && block.parentElement !== root) block = block.parentElement;
  return block;
}

const sameLabels = (a: readonly UnknownLabel[], b: readonly UnknownLabel[]) =>
  a.length === b.length && a.every((l, i) => l.code === b[i]!.code && l.anchor === b[i]!.anchor);

/**
 * Marks each "P005:" label whose code this note links to nobody (issue 11): `data-unknown` draws the
 * "unknown speaker" mark beside it (editor.css, words as well as a dashed outline, never colour alone),
 * and a "Link…" button sits in the space the mark keeps for it, opening the same picker as the palette's
 * "Link speaker to a participant…". A label linked by hand to someone of another code says whose it is.
 *
 * Only attributes of the label's own element (and its block's) change — no text — so the document and the
 * caret are untouched. The buttons live outside the editable text, after it (Tab from the note reaches
 * them), placed by CSS anchor positioning: no layout is read while typing. React renders them only when the
 * set of unknown labels changes; a render while the caret is in the note walks the note's DOM (SaveIndicator).
 */
export function UnknownSpeakersPlugin({ speakers, onUnseenCode, onLink }: Props) {
  const [editor] = useLexicalComposerContext();
  const [labels, setLabels] = useState<UnknownLabel[]>([]);
  const elements = useRef(new Map<string, HTMLElement>());
  useEffect(() => {
    if (!speakers) return;
    const unknown = new Set(speakers.filter((s) => !s.participant).map((s) => s.code));
    const linkedTo = new Map(speakers.filter((s) => s.participant && s.participant.code !== s.code).map((s) => [s.code, s.participant!.code]));
    const seen = new Set(speakers.map((s) => s.code));
    const mark = () => {
      const root = editor.getRootElement();
      if (!root) return;
      const found: UnknownLabel[] = [];
      const codesWithStop = new Set<string>();
      const keptBlocks = new Set<Element>();
      elements.current.clear();
      for (const label of root.querySelectorAll<HTMLElement>('.speaker-label')) {
        const code = label.dataset.speaker ?? '';
        // A code just typed is recorded by its note's next save: ask again then.
        if (!seen.has(code)) onUnseenCode();
        if (unknown.has(code)) {
          const anchor = `--unknown-speaker-${found.length}`;
          label.dataset.unknown = '';
          label.title = `${code} — unknown speaker: no participant is linked to this code in this note. Use “Link…” beside it, or “Link speaker to a participant…” (Ctrl+K).`;
          label.style.setProperty('anchor-name', anchor);
          // A section far from the view is not laid out (content-visibility, editor.css): its label could
          // not place the button. Such sections are few (a turn nobody is linked to) and stay laid out.
          const block = topLevelBlock(label, root);
          block?.setAttribute('data-unknown-turn', '');
          if (block) keptBlocks.add(block);
          found.push({ anchor, code, tabbable: !codesWithStop.has(code) });
          codesWithStop.add(code);
          elements.current.set(anchor, label);
        } else if ('unknown' in label.dataset) {
          delete label.dataset.unknown;
          label.removeAttribute('title');
          label.style.removeProperty('anchor-name');
        }
        const other = linkedTo.get(code);
        if (other) {
          label.dataset.linkedTo = other;
          label.title = `${code} in this note is ${other}: linked by hand.`;
        } else if ('linkedTo' in label.dataset) {
          delete label.dataset.linkedTo;
          label.removeAttribute('title');
        }
      }
      for (const block of root.querySelectorAll('[data-unknown-turn]')) if (!keptBlocks.has(block)) block.removeAttribute('data-unknown-turn');
      setLabels((previous) => (sameLabels(previous, found) ? previous : found));
    };
    mark();
    // Not initialised again: mark() has just walked every label (twice was a long task as a long note opened, issue 11).
    // Sections joined or split (NoteSectionNode.ts) move turns into sections not marked to stay laid out.
    return mergeRegister(
      editor.registerMutationListener(SpeakerLabelNode, mark, { skipInitialization: true }),
      editor.registerMutationListener(NoteSectionNode, mark, { skipInitialization: true }),
    );
  }, [editor, speakers, onUnseenCode]);

  const link = (label: UnknownLabel) => {
    const element = elements.current.get(label.anchor);
    // The caret goes to the end of this turn's label, so the picker's answer returns the keyboard there.
    // Not into the page's selection yet: the picker takes the focus now, the note when it closes.
    if (element) {
      editor.update(
        () => {
          const node = $getNearestNodeFromDOMNode(element);
          if ($isSpeakerLabelNode(node)) node.selectEnd();
        },
        { discrete: true, tag: SKIP_DOM_SELECTION_TAG },
      );
    }
    onLink(label.code);
  };

  if (labels.length === 0) return null;
  return (
    <div className="unknown-speaker-links">
      {labels.map((label) => (
        <button
          key={label.anchor}
          type="button"
          className="unknown-speaker-link"
          style={{ '--anchor': label.anchor } as CSSProperties}
          aria-label={unknownSpeakerLinkName(label.code)}
          title={unknownSpeakerLinkName(label.code)}
          tabIndex={label.tabbable ? 0 : -1}
          onClick={() => link(label)}
        >
          Link…
        </button>
      ))}
    </div>
  );
}
