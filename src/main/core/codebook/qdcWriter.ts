import type { Theme } from '../../../shared/domain/theme';
import { toDescription } from './description';
import { escapeAttribute, escapeText } from './xml';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/**
 * A REFI-QDA codebook (.qdc) valid against Codebook.xsd 1.0: each theme a
 * <Code> nested under its parent, its id as the guid (our ids are UUIDs, which
 * the schema's GUID pattern accepts), its colour as #RRGGBB, and its
 * definition, exclusions and short code in <Description> (see description.ts).
 * Every theme can tag passages, so every code is codable.
 */
export function writeQdc(themes: readonly Theme[], origin: string): string {
  const children = new Map<string | null, Theme[]>();
  for (const theme of themes) {
    const group = children.get(theme.parentId);
    if (group) group.push(theme);
    else children.set(theme.parentId, [theme]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);

  const lines: string[] = [];
  const write = (theme: Theme, indent: string, seen: Set<string>) => {
    if (seen.has(theme.id)) return;
    seen.add(theme.id);
    const attrs = `guid="${escapeAttribute(theme.id)}" name="${escapeAttribute(theme.name)}" isCodable="true" color="${escapeAttribute(theme.colour.toUpperCase())}"`;
    const description = toDescription(theme);
    const kids = children.get(theme.id) ?? [];
    if (!description && !kids.length) {
      lines.push(`${indent}<Code ${attrs}/>`);
      return;
    }
    lines.push(`${indent}<Code ${attrs}>`);
    if (description) lines.push(`${indent}  <Description>${escapeText(description)}</Description>`);
    for (const kid of kids) write(kid, `${indent}  `, seen);
    lines.push(`${indent}</Code>`);
  };
  const seen = new Set<string>();
  for (const root of children.get(null) ?? []) write(root, '    ', seen);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${CODEBOOK_NS}" origin="${escapeAttribute(origin)}">`,
    '  <Codes>',
    ...lines,
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}
