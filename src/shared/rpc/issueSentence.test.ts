// Every refusal a person can see comes out of dispatch: no validator words, no field keys (issue 11).
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from './dispatch';
import { fieldName } from './issueSentence';

const never = new Proxy({}, { get: () => () => 'never' }) as Handlers;
const refusal = async (method: string, input: unknown): Promise<string> => {
  const result = await dispatch(never, method, input);
  if (result.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  expect(result.error.code).toBe('INVALID_INPUT');
  return result.error.message;
};
const VALIDATOR_WORDS = /Too big|Too small|expected|Invalid|received|Unrecognized|<=|>=|\(\w+(\.\w+)*\)|"\w+"/;

describe('refusals in sentences', () => {
  it('says a title is too long in words, without "(title)" or "Too big: expected string"', async () => {
    const message = await refusal('engagements.create', { title: 'x'.repeat(301), type: 'site_visit', date: '2018-06-19' });
    expect(message).toBe('The title is too long: keep it to 300 characters.');
  });

  it('keeps the schema’s own sentence where it has one', async () => {
    expect(await refusal('notes.rename', { id: 'n1', title: '   ' })).toBe('Give the note a title.');
  });

  it.each([
    ['a missing field', 'notes.rename', { id: 'n1' }],
    ['a wrong type', 'notes.rename', { id: 'n1', title: 42 }],
    ['an unknown key', 'notes.rename', { id: 'n1', title: 'A', extra: true }],
    ['an option not offered', 'engagements.create', { title: 'A', type: 42, date: '2018-06-19' }],
    ['a date not a date', 'engagements.create', { title: 'A', type: 'site_visit', date: 'yesterday' }],
  ])('words %s without validator terms', async (_label, method, input) => {
    const message = await refusal(method, input);
    expect(message).not.toMatch(VALIDATOR_WORDS);
    expect(message).toMatch(/^[A-Z].*\.$/);
  });

  it('names fields in words', () => {
    expect(fieldName(['startTime'])).toBe('the start time');
    expect(fieldName(['createPassages', 0, 'themeIds'])).toBe('the theme');
    expect(fieldName(['engagementId'])).toBe('the engagement');
    expect(fieldName([])).toBe('this value');
  });
});
