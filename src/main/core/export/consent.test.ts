import { afterEach, describe, expect, it } from 'vitest';
import { NewParticipant } from '../../../shared/domain/participant';
import { createParticipant, listConsentParticipants } from '../services/participants';
import { analysisWorkspace } from '../testing/analysisFixtures';
import { TEST_REVIEWER, tempFolders } from '../testing/tempWorkspace';
import { consentRules, type ConsentParticipant } from './consent';

const people: ConsentParticipant[] = [
  { id: 'a', code: 'P014', realName: 'Asha Patel', staffGroup: 'nurse', consent: 'anonymous' },
  { id: 'b', code: 'P020', realName: 'Zoë Ångström', staffGroup: 'doctor', consent: 'none' },
  { id: 'c', code: 'P031', realName: 'Tom Long', staffGroup: 'allied_health_professional', consent: 'attributed' },
  { id: 'd', code: 'P044', realName: 'Asha Khan', staffGroup: 'patient_public', consent: 'anonymous' },
  { id: 'e', code: 'P050', realName: 'Li', staffGroup: 'pharmacist', consent: 'anonymous' },
  { id: 'f', code: 'P060', realName: '', staffGroup: 'midwife', consent: 'attributed' },
];

describe('who may be quoted', () => {
  const rules = consentRules(people, 'pseudonym');

  it('never quotes a participant marked not for quotation', () => {
    const decision = rules.decide({ passageId: 'x', participantId: 'b', text: 'We were never trained.' });
    expect(decision.quotable).toBe(false);
    expect(decision.quotable === false && decision.reason).toBe('not_for_quotation');
    expect(rules.mayQuote('b')).toBe(false);
  });

  it('refuses a passage that runs into the turn of someone not for quotation, or of an unknown code', () => {
    const into = rules.decide({ passageId: 'x', participantId: 'a', text: 'P014: I agree.\n\nP020: I do not.' });
    expect(into).toMatchObject({ quotable: false, reason: 'contains_unquotable_speaker', speakers: ['P020'] });
    const unknown = rules.decide({ passageId: 'x', participantId: 'a', text: 'Yes.\nP999: and me' });
    expect(unknown).toMatchObject({ quotable: false, speakers: ['P999'] });
  });

  it('quotes consenting speakers without their speaker labels', () => {
    const decision = rules.decide({ passageId: 'x', participantId: 'a', text: 'P014: We need time.\n\nP044: And money.' });
    expect(decision).toMatchObject({ quotable: true, text: 'We need time.\n\nAnd money.', attribution: 'P014, nurse' });
  });

  it('quotes a passage without a speaker, leaving its source to the caller', () => {
    expect(rules.decide({ passageId: 'x', participantId: null, text: 'The ward had no Wi-Fi.' })).toMatchObject({
      quotable: true,
      attribution: null,
    });
  });

  it('treats a participant it does not know as not for quotation', () => {
    expect(rules.mayQuote('gone')).toBe(false);
    expect(rules.decide({ passageId: 'x', participantId: 'gone', text: 'Hello' }).quotable).toBe(false);
  });
});

describe('attribution', () => {
  it('is the code and staff group at the pseudonym level, whatever the consent', () => {
    const rules = consentRules(people, 'pseudonym');
    expect(rules.attribute('a')).toBe('P014, nurse');
    expect(rules.attribute('c')).toBe('P031, allied health professional');
    expect(rules.attribute('d')).toBe('P044, patient or public');
  });

  it('names only those who consented to attribution, when the export allows names', () => {
    const rules = consentRules(people, 'names');
    expect(rules.attribute('c')).toBe('Tom Long, allied health professional');
    expect(rules.attribute('a')).toBe('P014, nurse');
    // Consented but no name recorded: the code it is.
    expect(rules.attribute('f')).toBe('P060, midwife');
  });
});

describe('real names in quoted text', () => {
  const rules = consentRules(people, 'pseudonym');
  const clean = (text: string) => rules.pseudonymise(text).text;

  it('replaces a full name as one, in any case and with or without accents', () => {
    expect(clean('I spoke to Zoë Ångström about it.')).toBe('I spoke to [P020] about it.');
    expect(clean('i spoke to zoe angstrom')).toBe('i spoke to [P020]');
    expect(clean('ZOË ÅNGSTRÖM said no')).toBe('[P020] said no');
    expect(clean('Zoe\n Angstrom')).toBe('[P020]');
  });

  it('replaces one word of a name alone, and says "[name]" where it is two people\'s', () => {
    expect(clean('Ångström agreed; Patel did not.')).toBe('[P020] agreed; [P014] did not.');
    expect(clean('Asha was there')).toBe('[name] was there');
    expect(clean('Asha Khan was there')).toBe('[P044] was there');
    expect(clean('Dr Li signed')).toBe('Dr [P050] signed');
  });

  it('matches whole words only', () => {
    expect(clean('Patelson and Lisbon and Ashanti')).toBe('Patelson and Lisbon and Ashanti');
    expect(clean('Patel’s view')).toBe('[P014]’s view');
  });

  it('leaves everyday words alone unless written as a name', () => {
    expect(clean('a long wait')).toBe('a long wait');
    expect(clean('Long said so')).toBe('[P031] said so');
    expect(clean('tom long said so')).toBe('[P031] said so');
  });

  it('reports what it replaced and whose it was', () => {
    const { replacements } = rules.pseudonymise('Zoe Angstrom and Patel');
    expect(replacements).toEqual([
      { found: 'Zoe Angstrom', replacement: '[P020]', participantCode: 'P020' },
      { found: 'Patel', replacement: '[P014]', participantCode: 'P014' },
    ]);
  });

  it('keeps the name of someone named in the export, and replaces the rest', () => {
    const named = consentRules(people, 'names');
    expect(named.pseudonymise('Tom Long and Asha Patel').text).toBe('Tom Long and [P014]');
  });

  it('applies inside quotes', () => {
    const decision = rules.decide({ passageId: 'x', participantId: 'a', text: 'P014: Asha Khan trained me.' });
    expect(decision).toMatchObject({ quotable: true, text: '[P044] trained me.' });
  });

  it('keeps text outside the names exactly, including astral characters and combining marks', () => {
    expect(clean('🩺 Zoe\u0301 Ångström 🩺 café')).toBe('🩺 [P020] 🩺 café');
  });
});

describe('consent rules from a workspace', () => {
  const folders = tempFolders();
  afterEach(() => folders.cleanup());

  it('reads every participant with name and consent, and never quotes one not for quotation', () => {
    const ws = analysisWorkspace(folders);
    try {
      const quoted = createParticipant(ws.db, NewParticipant.parse({ staffGroup: 'nurse', realName: 'Asha Patel', consent: 'anonymous' }), TEST_REVIEWER.id);
      const silent = createParticipant(ws.db, NewParticipant.parse({ staffGroup: 'doctor', realName: 'Zoë Ångström' }), TEST_REVIEWER.id);
      const people = listConsentParticipants(ws.db);
      expect(people.map((p) => [p.code, p.consent])).toEqual([
        [quoted.code, 'anonymous'],
        [silent.code, 'none'],
      ]);
      const rules = consentRules(people, 'names');
      expect(rules.mayQuote(silent.id)).toBe(false);
      expect(rules.decide({ passageId: 'x', participantId: quoted.id, text: 'zoe angstrom showed me' })).toMatchObject({
        quotable: true,
        text: `[${silent.code}] showed me`,
        attribution: `${quoted.code}, nurse`,
      });
    } finally {
      ws.close();
    }
  });
});
