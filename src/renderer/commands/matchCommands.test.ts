import { describe, expect, it } from 'vitest';
import { THEME_MODES } from '../features/settings/themeMode';
import { editorTools } from '../features/notes/Toolbar';
import type { Command } from './registry';
import { matchCommands } from './matchCommands';

const run = () => undefined;
const note = editorTools.map((tool): Command => ({ id: tool.id, group: 'Note', label: tool.label, keywords: tool.keywords, run }));
const appearance = THEME_MODES.map(({ mode, label, keywords }): Command => ({ id: `appearance.${mode}`, group: 'Appearance', label, keywords, run }));
const all: Command[] = [
  ...note,
  ...appearance,
  { id: 'note.tag', group: 'Note', label: 'Tag selection with a theme…', keywords: 'code coding label', run },
  { id: 'engagement.delete', group: 'Engagement', label: 'Delete engagement…', run },
  { id: 'palette.open', group: 'View', label: 'Command palette', run },
];
const labels = (query: string) => matchCommands(all, query).map((c) => c.label);

describe('the command palette finds a command by the words a new user types', () => {
  it('every word must be in the group, the label or its other words; listed by group, then label', () => {
    expect(labels('delete eng')).toEqual(['Delete engagement…']);
    expect(labels('note heading')).toEqual(['Heading 1', 'Heading 2']);
    expect(labels('')).not.toContain('Command palette'); // the palette itself is not offered in it
  });

  it('finds commands by the words people use for them, not only the label', () => {
    expect(labels('quote')).toEqual(['Quotation']);
    expect(labels('timestamp')).toEqual(['Insert time']);
    expect(labels('code')).toEqual(['Tag selection with a theme…']);
    expect(labels('dark mode')).toEqual(['Dark']);
    expect(labels('colour scheme')).toEqual(['Follow the system', 'Light', 'Dark'].sort());
    expect(labels('paragraph')).toEqual(['Normal text']);
  });

  it('leaves out a command that cannot run now', () => {
    expect(matchCommands([{ id: 'x', group: 'Note', label: 'Unlink speaker', enabled: () => false, run }], 'unlink')).toEqual([]);
  });
});
