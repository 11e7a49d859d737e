import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarDate,
  ConsentDate,
  consentLabels,
  consentLevels,
  formatParticipantCode,
  NewParticipant,
  ParticipantUpdate,
  parseParticipantCode,
  staffGroupLabels,
  staffGroups,
} from './participant';

describe('participant codes', () => {
  it('pad to three digits and grow beyond', () => {
    expect([1, 14, 999, 1000, 123456].map(formatParticipantCode)).toEqual(['P001', 'P014', 'P999', 'P1000', 'P123456']);
  });

  it('parse back to the number they were made from, and only from our own form', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), (n) => parseParticipantCode(formatParticipantCode(n)) === n));
    for (const other of ['P1', 'P01', 'P0000', 'P000', 'p001', 'P001 ', 'Q001', 'P0014', '']) {
      expect(parseParticipantCode(other), other).toBeNull();
    }
  });
});

describe('the vocabulary', () => {
  it('has the fifteen staff groups of issue 3, each with a label', () => {
    expect(staffGroups).toHaveLength(15);
    expect(staffGroups.map((g) => staffGroupLabels[g])).toContain('Manager/administrator');
    expect(consentLevels.map((c) => consentLabels[c])).toEqual([
      'Quotable anonymously',
      'Quotable with attribution',
      'Not for quotation',
    ]);
  });
});

describe('schemas', () => {
  it('accept only dates that exist', () => {
    expect(CalendarDate.safeParse('2020-02-29').success).toBe(true);
    for (const bad of ['2019-02-29', '2018-02-30', '2018-13-01', '2018-6-19', '19/06/2018']) {
      expect(CalendarDate.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('default a new participant to "not for quotation" and leave an update to name its own fields', () => {
    expect(NewParticipant.parse({ staffGroup: 'midwife' })).toEqual({
      staffGroup: 'midwife',
      realName: '',
      role: '',
      organisationType: '',
      region: '',
      consent: 'none',
      consentDate: null,
      attributes: {},
    });
    expect(ParticipantUpdate.parse({ id: 'p1', role: ' Matron ' })).toEqual({ id: 'p1', role: 'Matron' });
  });
});

describe('consent date', () => {
  it('refuses a date still to come, with a sentence, and takes today and the past', () => {
    const next = new Date(Date.now() + 3 * 86_400_000);
    const future = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`;
    const refused = ConsentDate.safeParse(future);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('A consent date cannot be in the future.');
    expect(ConsentDate.safeParse('2018-06-01').success).toBe(true);
    const now = new Date();
    expect(ConsentDate.safeParse(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`).success).toBe(true);
  });
});
