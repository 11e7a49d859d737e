import type { LexicalEditor } from 'lexical';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { ariaShortcut, formatShortcut, type Shortcut } from '../../commands/shortcut';
import { insertTimestamp, setBlock, toggleList } from './blockCommands';
import { TAG_SHORTCUT } from '../passages/shortcuts';

interface Tool {
  /** Lexical handles this chord itself; the shortcut is shown, not listened for. */
  native?: boolean;
  label: string;
  /** What the button shows: a letter, word or number is its visible label, a symbol (¶, •, ↶) an icon. */
  text: string;
  /** Other words a person may type for it in the command palette. */
  keywords?: string;
  shortcut: Shortcut;
  run: (editor: LexicalEditor) => void;
}

/**
 * A toolbar button's accessible name: what it does and its shortcut, starting with what it shows when that is
 * text — a letter, word or number a speech user would say ("B, Bold (Ctrl+B)", "1. Numbered list (Ctrl+Shift+7)"):
 * WCAG 2.5.3, label in name. A symbol is an icon, named by what it does alone.
 */
export function toolName(tool: Pick<Tool, 'label' | 'text' | 'shortcut'>): string {
  const named = `${tool.label} (${formatShortcut(tool.shortcut)})`;
  if (!/[\p{L}\p{N}]/u.test(tool.text)) return named;
  return `${tool.text}${/\p{P}$/u.test(tool.text) ? ' ' : ', '}${named}`;
}

/** The editor's actions with their shortcuts; the toolbar and the command palette share this list. */
export const editorTools: (Tool & { id: string })[] = [
  { id: 'note.bold', keywords: 'strong', native: true, label: 'Bold', text: 'B', shortcut: { key: 'b', mod: true }, run: (e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
  { id: 'note.italic', keywords: 'emphasis', native: true, label: 'Italic', text: 'I', shortcut: { key: 'i', mod: true }, run: (e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
  { id: 'note.h1', keywords: 'title', label: 'Heading 1', text: 'H1', shortcut: { key: '1', mod: true, alt: true }, run: (e) => setBlock(e, 'h1') },
  { id: 'note.h2', keywords: 'subtitle', label: 'Heading 2', text: 'H2', shortcut: { key: '2', mod: true, alt: true }, run: (e) => setBlock(e, 'h2') },
  { id: 'note.paragraph', keywords: 'paragraph body', label: 'Normal text', text: '¶', shortcut: { key: '0', mod: true, alt: true }, run: (e) => setBlock(e, 'paragraph') },
  { id: 'note.bullets', keywords: 'unordered', label: 'Bulleted list', text: '•', shortcut: { key: '8', mod: true, shift: true }, run: (e) => toggleList(e, false) },
  { id: 'note.numbers', keywords: 'ordered', label: 'Numbered list', text: '1.', shortcut: { key: '7', mod: true, shift: true }, run: (e) => toggleList(e, true) },
  { id: 'note.quote', keywords: 'quote blockquote', label: 'Quotation', text: '“”', shortcut: { key: '9', mod: true, shift: true }, run: (e) => setBlock(e, 'quote') },
  { id: 'note.timestamp', keywords: 'timestamp clock now', label: 'Insert time', text: 'Time', shortcut: { key: ';', mod: true }, run: (e) => insertTimestamp(e) },
  { id: 'note.undo', native: true, label: 'Undo', text: '↶', shortcut: { key: 'z', mod: true }, run: (e) => e.dispatchCommand(UNDO_COMMAND, undefined) },
  { id: 'note.redo', native: true, label: 'Redo', text: '↷', shortcut: { key: 'z', mod: true, shift: true }, run: (e) => e.dispatchCommand(REDO_COMMAND, undefined) },
];

export function Toolbar({ editor, onSpeaker, onTag }: { editor: LexicalEditor; onSpeaker: () => void; onTag: () => void }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {editorTools.map((tool) => (
        <button
          key={tool.id}
          type="button"
          className="tool"
          data-tool={tool.id}
          title={`${tool.label} (${formatShortcut(tool.shortcut)})`}
          aria-label={toolName(tool)}
          // Keep the caret in the note: a toolbar click must not take focus.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => tool.run(editor)}
        >
          {tool.text}
        </button>
      ))}
      <button
        type="button"
        className="tool tool-wide tool-tag"
        title={`Tag selection with a theme (${formatShortcut(TAG_SHORTCUT)})`}
        aria-keyshortcuts={ariaShortcut(TAG_SHORTCUT)}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onTag}
      >
        Tag… <kbd>{formatShortcut(TAG_SHORTCUT)}</kbd>
      </button>
      <button
        type="button"
        className="tool tool-wide tool-speaker"
        title={`Speaker… (${formatShortcut(SPEAKER_SHORTCUT)})`}
        aria-keyshortcuts={ariaShortcut(SPEAKER_SHORTCUT)}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onSpeaker}
      >
        Speaker… <kbd>{formatShortcut(SPEAKER_SHORTCUT)}</kbd>
      </button>
    </div>
  );
}

export const SPEAKER_SHORTCUT: Shortcut = { key: 's', mod: true, shift: true };
