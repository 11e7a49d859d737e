// @vitest-environment happy-dom
// (the shortcut shown in a name depends on the platform, read from navigator)
import { describe, expect, it } from 'vitest';
import { ariaShortcut } from '../../commands/shortcut';
import { TAG_SHORTCUT } from '../passages/shortcuts';
import { editorTools, SPEAKER_SHORTCUT, toolName } from './Toolbar';

describe('toolbar button names (WCAG 2.5.3, label in name)', () => {
  it('start with what a button shows when it shows a letter, word or number, and say what it does', () => {
    const named = Object.fromEntries(editorTools.map((t) => [t.text, toolName(t)]));
    expect(named['1.']).toBe('1. Numbered list (Ctrl+Shift+7)');
    expect(named['B']).toBe('B, Bold (Ctrl+B)');
    expect(named['H1']).toBe('H1, Heading 1 (Ctrl+Alt+1)');
    expect(named['Time']).toBe('Time, Insert time (Ctrl+;)');
    for (const tool of editorTools.filter((t) => /[\p{L}\p{N}]/u.test(t.text))) {
      expect(toolName(tool).startsWith(tool.text), `“${tool.text}” is named “${toolName(tool)}”`).toBe(true);
    }
  });

  it('name a button that shows a symbol by what it does alone', () => {
    const named = Object.fromEntries(editorTools.map((t) => [t.text, toolName(t)]));
    expect(named['•']).toBe('Bulleted list (Ctrl+Shift+8)');
    expect(named['↶']).toBe('Undo (Ctrl+Z)');
    expect(named['“”']).toBe('Quotation (Ctrl+Shift+9)');
  });
});

describe('the toolbar’s wide buttons', () => {
  it('say their shortcut in aria-keyshortcuts, for when the hint beside them is hidden', () => {
    expect(ariaShortcut(SPEAKER_SHORTCUT)).toBe('Control+Shift+S');
    expect(ariaShortcut(TAG_SHORTCUT)).toBe('Control+M');
  });
});
