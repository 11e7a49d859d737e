import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { SpeakerLabelNode } from './SpeakerLabelNode';

/** Every node a note's document may contain; the editor and the core's headless editor share this list. */
export const noteNodes: Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, SpeakerLabelNode];
