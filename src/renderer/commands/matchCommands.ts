import type { Command } from './registry';

/**
 * The palette's list for what was typed: commands that can run now whose group, label or other words
 * (`keywords`: "quote" for Quotation, "code" for tagging) hold every word typed, by group, then label.
 */
export function matchCommands(all: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return all
    .filter((c) => c.id !== 'palette.open' && (!c.enabled || c.enabled()))
    .filter((c) => {
      const text = `${c.group} ${c.label} ${c.keywords ?? ''}`.toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label));
}
