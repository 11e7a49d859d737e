import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CodebookAddResult, QdcPreviewItem } from '../../../shared/domain/theme';
import { foldName, nextPaletteColour } from '../services/themes';
import { childRows, endOfSiblings, insertTheme, ORDER_STEP, paletteUsage } from '../store/themes';

/** A theme to add, with the themes below it: from a template or a .qdc file. */
export interface CodeNode {
  name: string;
  /** #RRGGBB; missing: the least used palette colour other than the parent's. */
  colour?: string | null;
  definition?: string;
  exclusions?: string;
  code?: string | null;
  /** The file's identifier, so a project importer can find the theme a coding refers to. */
  guid?: string;
  children: CodeNode[];
}

export interface CodeTreeOutcome extends CodebookAddResult {
  items: QdcPreviewItem[];
  /** The file's guid → the theme it became (new, or the existing one it was merged into). */
  themeIdByGuid: Map<string, string>;
}

/** A parent the walk knows: an existing theme, the top level, or one it is about to add. */
interface Slot {
  /** The theme id, or a placeholder for a theme not added (dry run). */
  key: string | null;
  colour: string | null;
  /** Whether the theme is in the database, so its existing children can be looked up. */
  stored: boolean;
}

/**
 * Add a tree of themes to the codebook, merging by name: a node whose parent
 * already has a sub-theme of that name (ignoring case) becomes that theme, and
 * its own children are merged the same way; two same-named siblings in the
 * input become one. Existing themes keep their details. With no `reviewerId`
 * nothing is written, and the outcome says what would happen (the preview).
 * Call inside a transaction.
 */
export function applyCodeTree(db: Database.Database, roots: readonly CodeNode[], reviewerId: string | null): CodeTreeOutcome {
  const outcome: CodeTreeOutcome = { added: 0, merged: 0, items: [], themeIdByGuid: new Map() };
  const usage = paletteUsage(db);
  // Per parent key: folded name → the slot of the sub-theme of that name (existing or added in this walk).
  const known = new Map<string | null, Map<string, Slot>>();
  const nextPosition = new Map<string | null, number>();
  const now = new Date().toISOString();
  let pending = 0;

  const childrenOf = (parent: Slot): Map<string, Slot> => {
    let map = known.get(parent.key);
    if (!map) {
      const rows = parent.stored ? childRows(db, parent.key) : [];
      map = new Map(rows.map((row) => [foldName(row.name), { key: row.id, colour: row.colour, stored: true }]));
      known.set(parent.key, map);
      nextPosition.set(parent.key, parent.stored ? endOfSiblings(db, parent.key) : 0);
    }
    return map;
  };

  const visit = (node: CodeNode, parent: Slot, depth: number) => {
    const siblings = childrenOf(parent);
    const folded = foldName(node.name);
    let slot = siblings.get(folded);
    const existed = Boolean(slot);
    if (!slot) {
      // Each theme its own colour (issue 11): overlapping passages of one branch must be told apart, so a
      // theme without one takes the least used palette colour other than its parent's.
      const notParent = parent.colour ? new Map([...usage, [parent.colour.toUpperCase(), Number.POSITIVE_INFINITY]]) : usage;
      const colour = (node.colour ?? nextPaletteColour(notParent)).toUpperCase();
      usage.set(colour, (usage.get(colour) ?? 0) + 1);
      const position = nextPosition.get(parent.key) ?? 0;
      nextPosition.set(parent.key, position + ORDER_STEP);
      if (reviewerId) {
        const id = randomUUID();
        const theme = {
          id,
          parentId: parent.key,
          name: node.name,
          code: node.code ? node.code : null,
          colour,
          definition: node.definition ?? '',
          exclusions: node.exclusions ?? '',
        };
        insertTheme(db, theme, position, reviewerId, now);
        slot = { key: id, colour, stored: true };
      } else {
        slot = { key: `pending:${pending++}`, colour, stored: false };
      }
      siblings.set(folded, slot);
      outcome.added++;
    } else {
      outcome.merged++;
    }
    outcome.items.push({
      name: node.name,
      depth,
      colour: slot.colour ?? '',
      definition: node.definition ?? '',
      status: existed ? 'merged' : 'new',
    });
    if (node.guid && slot.key && slot.stored) outcome.themeIdByGuid.set(node.guid, slot.key);
    for (const child of node.children) visit(child, slot, depth + 1);
  };

  for (const root of roots) visit(root, { key: null, colour: null, stored: true }, 0);
  return outcome;
}

/** How many themes a tree holds, at every depth. */
export const countNodes = (nodes: readonly CodeNode[]): number =>
  nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
