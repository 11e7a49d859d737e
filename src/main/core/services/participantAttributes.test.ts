// Custom participant attributes and the list's filters, against real workspace files.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { NewAttributeDefinition } from '../../../shared/domain/participant';
import { addParticipant, refusal, reviewWorkspaces } from '../testing/participantFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import type { Workspace } from '../workspace/workspace';
import { createEngagement } from './engagements';
import { canonicalNumber, defineAttribute, listAttributes, removeAttribute } from './participantAttributes';
import { getParticipant, linkEngagement, listParticipants, updateParticipant } from './participants';

const folders = tempFolders();
const { newWorkspace, closeAll } = reviewWorkspaces(folders);
afterEach(() => {
  closeAll();
  folders.cleanup();
});

const add = addParticipant;
const define = (w: Workspace, input: Record<string, unknown>) =>
  defineAttribute(w.db, NewAttributeDefinition.parse(input), TEST_REVIEWER.id);


/** A workspace with one attribute of each kind. */
function withAttributes() {
  const w = newWorkspace();
  const trust = define(w, { name: 'Trust', kind: 'text' });
  const years = define(w, { name: 'Years in post', kind: 'number' });
  const band = define(w, { name: 'Band', kind: 'choice', choices: ['Band 5', 'Band 6', 'Band 7'] });
  return { w, trust, years, band };
}

describe('attribute definitions', () => {
  it('are listed in the order defined, choices kept in order', () => {
    const { w } = withAttributes();
    expect(listAttributes(w.db).map((a) => [a.name, a.kind, a.choices, a.position])).toEqual([
      ['Trust', 'text', [], 1],
      ['Years in post', 'number', [], 2],
      ['Band', 'choice', ['Band 5', 'Band 6', 'Band 7'], 3],
    ]);
  });

  it('refuse a second attribute of the same name, whatever its case', () => {
    const { w } = withAttributes();
    expect(refusal(() => define(w, { name: 'band', kind: 'text' }), 'INVALID_INPUT')).toMatch(/already an attribute called “Band”/);
  });

  it('are checked by the contract: choices need two distinct entries; other kinds take none', () => {
    const problems = (input: unknown) => NewAttributeDefinition.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(problems({ name: 'Band', kind: 'choice', choices: ['5'] })).toEqual(['A choice attribute needs at least two choices.']);
    expect(problems({ name: 'Band', kind: 'choice', choices: ['5', ' 5'] })).toEqual(['Each choice must be different.']);
    expect(problems({ name: 'Band', kind: 'choice', choices: ['5', ''] })).toEqual(['A choice cannot be empty.']);
    expect(problems({ name: 'Trust', kind: 'text', choices: ['a', 'b'] })).not.toEqual([]);
    expect(problems({ name: '  ', kind: 'text' })).toEqual(['Name the attribute.']);
    expect(problems({ name: 'Mood', kind: 'colour' })).toEqual(['An attribute holds text, a number or a choice.']);
  });

  it('take their values with them when removed', () => {
    const { w, band, trust } = withAttributes();
    const p = add(w, { attributes: { [band.id]: 'Band 6', [trust.id]: 'Leeds' } });
    removeAttribute(w.db, band.id);
    expect(getParticipant(w.db, p.id).attributes).toEqual({ [trust.id]: 'Leeds' });
    refusal(() => removeAttribute(w.db, band.id), 'NOT_FOUND');
  });
});

describe('attribute values', () => {
  it('are stored for each kind: text trimmed, numbers canonical, choices exact', () => {
    const { w, trust, years, band } = withAttributes();
    const p = add(w, { attributes: { [trust.id]: '  Leeds Teaching Hospitals ', [years.id]: ' 12.50 ', [band.id]: 'Band 6' } });
    expect(p.attributes).toEqual({ [trust.id]: 'Leeds Teaching Hospitals', [years.id]: '12.5', [band.id]: 'Band 6' });
    expect(add(w, { attributes: { [years.id]: 3 } }).attributes).toEqual({ [years.id]: '3' });
  });

  it('refuse a number that is not one, and a choice not on the list, naming the attribute', () => {
    const { w, years, band } = withAttributes();
    expect(refusal(() => add(w, { attributes: { [years.id]: 'twelve' } }), 'INVALID_INPUT')).toBe(
      '“Years in post” must be a number, such as 12 or 3.5.',
    );
    expect(refusal(() => add(w, { attributes: { [band.id]: 'Band 9' } }), 'INVALID_INPUT')).toBe(
      '“Band” must be one of: Band 5, Band 6, Band 7.',
    );
    expect(refusal(() => add(w, { attributes: { 'no-such': 'x' } }), 'NOT_FOUND')).toMatch(/no longer exists/);
    // A refused create assigns no code and leaves nothing behind.
    expect(listParticipants(w.db)).toEqual([]);
    expect(add(w).code).toBe('P001');
  });

  it('are cleared by null or empty text, and left alone when not named', () => {
    const { w, trust, years } = withAttributes();
    const p = add(w, { attributes: { [trust.id]: 'Leeds', [years.id]: '4' } });
    expect(updateParticipant(w.db, { id: p.id, attributes: { [trust.id]: null } }).attributes).toEqual({ [years.id]: '4' });
    expect(updateParticipant(w.db, { id: p.id, role: 'Matron' }).attributes).toEqual({ [years.id]: '4' });
    expect(updateParticipant(w.db, { id: p.id, attributes: { [years.id]: '  ' } }).attributes).toEqual({});
  });

  it('read back any finite number typed as text in the same canonical form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(canonicalNumber(` ${String(n)} `)).toBe(String(n === 0 ? 0 : n));
        expect(canonicalNumber(n)).toBe(String(n));
      }),
    );
    for (const bad of ['', '1,5', '12 years', '0x10', 'Infinity', 'NaN', '1e999', '--1', '.']) {
      expect(canonicalNumber(bad), bad).toBeNull();
    }
  });
});

describe('filters', () => {
  function fixture() {
    const { w, trust, years, band } = withAttributes();
    const visit = createEngagement(w.db, { title: 'Moorfields', type: 'site_visit', date: '2018-06-19' }, TEST_REVIEWER.id);
    const doctor = add(w, {
      staffGroup: 'doctor',
      role: 'Consultant ophthalmologist',
      consent: 'anonymous',
      realName: 'Amina Shah',
      attributes: { [trust.id]: 'Moorfields Eye Hospital', [years.id]: '12' },
    });
    const nurse = add(w, { role: 'Ward sister', region: 'North West', consent: 'none', attributes: { [band.id]: 'Band 7' } });
    const student = add(w, { staffGroup: 'student_trainee', role: '100%_real student', consent: 'attributed' });
    linkEngagement(w.db, doctor.id, visit.id);
    linkEngagement(w.db, student.id, visit.id);
    const codes = (filters: Parameters<typeof listParticipants>[1]) => listParticipants(w.db, filters).map((p) => p.code);
    return { w, trust, years, band, visit, doctor, nurse, student, codes };
  }

  it('narrow by staff group, consent and engagement, combined with AND', () => {
    const { visit, codes } = fixture();
    expect(codes({})).toEqual(['P001', 'P002', 'P003']);
    expect(codes({ staffGroup: 'doctor' })).toEqual(['P001']);
    expect(codes({ consent: 'none' })).toEqual(['P002']);
    expect(codes({ engagementId: visit.id })).toEqual(['P001', 'P003']);
    expect(codes({ engagementId: visit.id, consent: 'attributed' })).toEqual(['P003']);
    expect(codes({ staffGroup: 'pharmacist' })).toEqual([]);
  });

  it('match custom attributes: text by containing, numbers by value, choices exactly', () => {
    const { trust, years, band, codes } = fixture();
    expect(codes({ attribute: { attributeId: trust.id, value: 'moorfields' } })).toEqual(['P001']);
    expect(codes({ attribute: { attributeId: years.id, value: '12.0' } })).toEqual(['P001']);
    expect(codes({ attribute: { attributeId: years.id, value: 'many' } })).toEqual([]);
    expect(codes({ attribute: { attributeId: band.id, value: 'Band 7' } })).toEqual(['P002']);
    expect(codes({ attribute: { attributeId: band.id, value: 'Band' } })).toEqual([]);
  });

  it('find words in code, role, organisation type or region, never the real name; LIKE wildcards are literal', () => {
    const { codes } = fixture();
    expect(codes({ query: 'p002' })).toEqual(['P002']);
    expect(codes({ query: 'ward north' })).toEqual(['P002']);
    expect(codes({ query: 'consultant' })).toEqual(['P001']);
    expect(codes({ query: 'Amina' })).toEqual([]);
    expect(codes({ query: '100%_' })).toEqual(['P003']);
    expect(codes({ query: '%' })).toEqual(['P003']);
    expect(codes({ query: '   ' })).toEqual(['P001', 'P002', 'P003']);
  });
});
