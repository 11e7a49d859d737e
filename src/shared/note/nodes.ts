import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { SpeakerLabelNode } from './SpeakerLabelNode';

/**
 * Every node a note's document may contain; the editor and the core's
 * headless editor share this list. A tagged passage is a MarkNode carrying
 * the passage's id (overlaps carry several); its data lives in the workspace.
 */
export const noteNodes: Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, SpeakerLabelNode, MarkNode];
