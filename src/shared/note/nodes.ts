import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import type { Klass, LexicalEditor, LexicalNode } from 'lexical';
import { registerSafeDeletion } from './deletion';
import { hasSections, registerNoteSections } from './NoteSectionNode';
import { registerPassageMarks } from './passageMarks';
import { registerSpeakerTurns, SpeakerLabelNode } from './SpeakerLabelNode';

/**
 * Every node a note's document may contain; the editor and the core's
 * headless editor share this list. A tagged passage is a MarkNode carrying
 * the passage's id (overlaps carry several); its data lives in the workspace.
 */
export const noteNodes: Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, SpeakerLabelNode, MarkNode];

/**
 * The transforms every note editor runs, live or headless (imports, tagging
 * from a search hit, tests): registered here, once, so the two can never
 * differ (and deletions that end inside a short node, deletion.ts); an editor that knows NoteSectionNode (the
 * live one) keeps its blocks in sections. Returns the unregister function.
 */
export function registerNoteTransforms(editor: LexicalEditor): () => void {
  return mergeRegister(
    registerSpeakerTurns(editor),
    registerPassageMarks(editor),
    registerSafeDeletion(editor),
    hasSections(editor) ? registerNoteSections(editor) : () => {},
  );
}
