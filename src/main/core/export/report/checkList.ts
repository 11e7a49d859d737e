/** The pre-export check as it is collected, and the choice of themes every export shares. */
import type { CheckItem, PreExportCheck } from '../../../../shared/domain/report';
import type { NameReplacement } from '../consent';

/** What a line of the check is about, so the person can go and fix it. */
export interface About {
  participantCodes?: string[];
  findingId?: string | null;
}

/** Collects the pre-export check while the model is built. */
export class CheckList {
  private readonly items = new Map<string, CheckItem>();

  add(kind: CheckItem['kind'], where: string, what: string, why: string, count = 1, about: About = {}): void {
    const key = `${kind}\u0000${where}\u0000${what}\u0000${why}`;
    const known = this.items.get(key);
    if (known) known.count += count;
    else this.items.set(key, { kind, where, what, why, count, participantCodes: about.participantCodes ?? [], findingId: about.findingId ?? null });
  }

  replaced(where: string, replacements: NameReplacement[], findingId: string | null = null): void {
    for (const r of replacements) {
      const why =
        r.participantCode === null
          ? 'A recorded real name shared by more than one participant.'
          : `The recorded real name of ${r.participantCode}.`;
      this.add('replaced', where, `“${r.found}” → ${r.replacement}`, why, 1, { participantCodes: r.participantCode ? [r.participantCode] : [], findingId });
    }
  }

  /** The check as the person reads it, with its totals. */
  summary(findings: number, quotes = 0): PreExportCheck {
    const items = this.list();
    const total = (kind: CheckItem['kind']) => items.filter((i) => i.kind === kind).reduce((n, i) => n + i.count, 0);
    return { items, counts: { findings, quotes, leftOut: total('left_out'), replaced: total('replaced') } };
  }

  list(): CheckItem[] {
    const order = { left_out: 0, replaced: 1, note: 2 } as const;
    return [...this.items.values()].sort((a, b) => order[a.kind] - order[b.kind]);
  }
}

/** Themes chosen (with their sub-themes), or null for all. */
export function chosenThemes(themes: readonly { id: string; parentId: string | null }[], themeIds: string[] | null): Set<string> | null {
  if (themeIds === null) return null;
  const chosen = new Set(themeIds);
  // The list is in tree order, so a parent is met before its children.
  for (const theme of themes) if (theme.parentId && chosen.has(theme.parentId)) chosen.add(theme.id);
  return chosen;
}
