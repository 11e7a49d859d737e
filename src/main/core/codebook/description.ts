/**
 * REFI-QDA gives a code one <Description>; a theme has a definition, exclusions
 * and a short code. They travel together in the description as plain,
 * readable paragraphs — what a person opening the file in NVivo or ATLAS.ti
 * would want to read — and come apart again on import:
 *
 *   Radiology and pathology AI that reads images.
 *
 *   Exclusions: Speech recognition belongs elsewhere.
 *
 *   Code: AI-IMG
 */
export interface ThemeText {
  definition: string;
  exclusions: string;
  code: string | null;
}

const EXCLUSIONS = 'Exclusions: ';
const CODE = 'Code: ';

export function toDescription({ definition, exclusions, code }: ThemeText): string {
  const parts = [definition.trim()];
  if (exclusions.trim()) parts.push(EXCLUSIONS + exclusions.trim());
  if (code?.trim()) parts.push(CODE + code.trim());
  return parts.filter(Boolean).join('\n\n');
}

/** The reverse of toDescription; any other tool's description is all definition. */
export function fromDescription(description: string): ThemeText {
  let rest = description.replace(/\r\n?/g, '\n').trim();
  let code: string | null = null;
  const codeMatch = /(?:^|\n\n)Code: ([^\n]{1,40})$/.exec(rest);
  if (codeMatch) {
    code = codeMatch[1]!.trim() || null;
    rest = rest.slice(0, codeMatch.index).trimEnd();
  }
  let exclusions = '';
  const at = rest.startsWith(EXCLUSIONS) ? 0 : rest.indexOf(`\n\n${EXCLUSIONS}`);
  if (at !== -1) {
    exclusions = rest.slice(at).trim().slice(EXCLUSIONS.length).trim();
    rest = rest.slice(0, at).trimEnd();
  }
  return { definition: rest, exclusions, code };
}
