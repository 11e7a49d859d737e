import type { z } from 'zod';

/**
 * The one place a validator's complaint becomes a sentence a person can act on
 * (issue 11: people saw "Too big: expected string to have <=300 characters
 * (title)"). A schema's own message ("Give the note a title.") always wins; this
 * speaks only where the schema said nothing, and never shows a field key, a type
 * name or a pattern.
 */

/** What a field is called in words; any other key is split at its capitals ("startTime" → "start time"). */
const FIELD_NAMES: Record<string, string> = {
  id: 'the item',
  title: 'the title',
  name: 'the name',
  initials: 'the initials',
  date: 'the date',
  startTime: 'the start time',
  endTime: 'the end time',
  organisation: 'the organisation',
  place: 'the place',
  panel: 'the panel',
  reviewers: 'the reviewers present',
  context: 'the context',
  code: 'the pseudonym code',
  role: 'the role',
  statement: 'the finding',
  definition: 'the definition',
  memo: 'the memo',
  path: 'the file path',
  query: 'the search',
  label: 'the name',
  colour: 'the colour',
  document: 'the note',
};

export function fieldName(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (!key) return 'this value';
  // "engagementId" is which engagement, to a person.
  const words = key.replace(/(?<=[a-z])Ids?$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return FIELD_NAMES[key] ?? `the ${words}`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const count = (n: number | bigint, unit: string): string => `${n.toLocaleString('en-GB')} ${unit}${Number(n) === 1 ? '' : 's'}`;

/** A sentence for one issue the schema gave no message of its own. */
export function issueSentence(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): string {
  const field = fieldName(issue.path ?? []);
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `${capital(field)} is too long: keep it to ${count(issue.maximum, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `There are too many in ${field}: at most ${count(issue.maximum, 'item')}.`;
      return `${capital(field)} is too large: at most ${issue.maximum.toLocaleString('en-GB')}.`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? `Fill in ${field}.` : `${capital(field)} is too short: at least ${count(issue.minimum, 'character')}.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at least ${count(issue.minimum, 'item')} for ${field}.`;
      return `${capital(field)} is too small: at least ${issue.minimum.toLocaleString('en-GB')}.`;
    case 'invalid_type':
      return issue.input === undefined ? `Fill in ${field}.` : `${capital(field)} is not in a form Fieldnotes understands.`;
    case 'invalid_value':
      return `Choose ${field} from the list offered.`;
    case 'invalid_format':
      if (issue.format === 'date') return `${capital(field)} is not a date: use the date field (year, month, day).`;
      if (issue.format === 'time') return `${capital(field)} is not a time of day (hours and minutes).`;
      return `${capital(field)} is not in the expected form.`;
    case 'unrecognized_keys':
      // Never from a form (the page sends only what the contract names): say which, for whoever debugs it.
      return `The request carried ${issue.keys.map((k) => `“${k}”`).join(', ')}, which Fieldnotes does not know; nothing changed.`;
    default:
      return `${capital(field)} is not in the expected form.`;
  }
}

/** The sentence for a failed parse: the first issue, in words. */
export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? first.message : 'The request was not in the expected form.';
}

/** Parse options that put our sentences in place of the validator's words (the schema's own messages still win). */
export const sentenceErrors = { error: (issue: z.core.$ZodRawIssue) => issueSentence(issue) } as const;
