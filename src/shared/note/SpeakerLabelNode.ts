import {
  $applyNodeReplacement,
  $createTextNode,
  $isElementNode,
  TextNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

type DomElement = ReturnType<TextNode['createDOM']>;

/** "P014:" at the start of a paragraph: the speaker of that turn, by pseudonym code. */
export const SPEAKER_PREFIX = /^(P\d{3,}):/;
export const WHOLE_LABEL = /^P\d{3,}:$/;

/**
 * The "P014:" that opens a speaker turn. It stays ordinary text in the
 * document — searchable, exported as typed — but is its own node so the
 * editor can show it as a label and passages can find who spoke. It is a
 * text entity: typing next to it goes into the text beside it, not into it.
 */
export class SpeakerLabelNode extends TextNode {
  override $config() {
    return this.config('speaker-label', { extends: TextNode });
  }

  // DOM types spelled through TextNode's own signature: this file is also
  // compiled for the core (no DOM lib), where createDOM is never called.
  override createDOM(config: EditorConfig, editor?: LexicalEditor): DomElement {
    const element = super.createDOM(config, editor);
    element.classList.add('speaker-label');
    element.dataset.speaker = this.getSpeakerCode();
    return element;
  }

  override updateDOM(previous: this, dom: DomElement, config: EditorConfig): boolean {
    const changed = super.updateDOM(previous, dom, config);
    dom.dataset.speaker = this.getSpeakerCode();
    return changed;
  }

  getSpeakerCode(): string {
    return this.getTextContent().replace(/:$/, '');
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createSpeakerLabelNode(text: string): SpeakerLabelNode {
  return $applyNodeReplacement(new SpeakerLabelNode(text));
}

export function $isSpeakerLabelNode(node: LexicalNode | null | undefined): node is SpeakerLabelNode {
  return node instanceof SpeakerLabelNode;
}

const isFirstInBlock = (node: LexicalNode) => node.getPreviousSibling() === null && $isElementNode(node.getParent());

/**
 * Keep speaker labels true to the text: a block whose text starts "P014:"
 * gets a label; a label that no longer opens its block, or no longer reads
 * like a code, turns back into plain text. Registered in the live editor and
 * in the headless one that builds imported notes, so both agree.
 */
export function registerSpeakerTurns(editor: LexicalEditor): () => void {
  const removeText = editor.registerNodeTransform(TextNode, (node) => {
    if ($isSpeakerLabelNode(node) || !node.isSimpleText() || !isFirstInBlock(node)) return;
    const match = SPEAKER_PREFIX.exec(node.getTextContent());
    if (!match) return;
    const [label] = match[0].length === node.getTextContentSize() ? [node] : node.splitText(match[0].length);
    if (!label) return;
    const replacement = $createSpeakerLabelNode(label.getTextContent());
    replacement.setFormat(label.getFormat());
    label.replace(replacement);
  });
  const removeLabel = editor.registerNodeTransform(SpeakerLabelNode, (node) => {
    if (isFirstInBlock(node) && WHOLE_LABEL.test(node.getTextContent())) return;
    const plain = $createTextNode(node.getTextContent());
    plain.setFormat(node.getFormat());
    node.replace(plain);
  });
  return () => {
    removeText();
    removeLabel();
  };
}
