// The participants contract through the core's one door: shapes refused, records kept, errors readable.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/rpc/result';
import { createCore, type Core } from '../index';
import { tempFolders } from '../testing/tempWorkspace';

const folders = tempFolders();
let core: Core;
let path: string;

beforeAll(async () => {
  path = join(folders.make(), 'participants.fieldnotes');
  core = createCore({ settingsFolder: folders.make('fieldnotes-settings-'), defaultFolder: folders.make(), host: 'loopback', version: 'test' });
  await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  expect((await core.invoke('workspace.create', { path, name: 'Participants' })).ok).toBe(true);
});
afterAll(() => {
  core.close();
  folders.cleanup();
});

async function value<T = Record<string, unknown>>(method: string, input: unknown): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const result: Result<unknown> = await core.invoke(method, input);
  expect(result.ok, `${method} ${JSON.stringify(input)?.slice(0, 200)} should fail`).toBe(false);
  return result.ok ? { code: '', message: '' } : result.error;
}

describe('wrong-shaped inputs are INVALID_INPUT with a sentence', () => {
  const long = (n: number) => 'x'.repeat(n);
  const cases: [string, unknown, RegExp?][] = [
    ['participants.create', {}, /staff group/],
    ['participants.create', { staffGroup: 'surgeon' }, /Choose a staff group/],
    ['participants.create', { staffGroup: 'nurse', consent: 'maybe' }, /quotable anonymously/],
    ['participants.create', { staffGroup: 'nurse', consent: 'yes' }, /consent/],
    ['participants.create', { staffGroup: 'nurse', consentDate: '19/06/2018' }, /YYYY-MM-DD/],
    ['participants.create', { staffGroup: 'nurse', consentDate: '2018-02-30' }, /real date/],
    ['participants.create', { staffGroup: 'nurse', code: 'P001' }, /code/],
    ['participants.create', { staffGroup: 'nurse', id: 'mine' }, /id/],
    ['participants.create', { staffGroup: 'nurse', createdBy: 'someone-else' }],
    ['participants.create', { staffGroup: 'nurse', realName: long(201) }, /name under 200/],
    ['participants.create', { staffGroup: 'nurse', role: long(201) }, /role under 200/],
    ['participants.create', { staffGroup: 'nurse', region: long(121) }, /region under 120/],
    ['participants.create', { staffGroup: 'nurse', role: 7 }],
    ['participants.create', { staffGroup: 'nurse', attributes: { a: long(501) } }, /under 500/],
    ['participants.create', { staffGroup: 'nurse', attributes: { a: { nested: true } } }],
    ['participants.create', { staffGroup: 'nurse', attributes: { a: Number.POSITIVE_INFINITY } }],
    ['participants.create', { staffGroup: 'nurse', attributes: ['x'] }],
    ['participants.create', { staffGroup: 'nurse', attributes: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`a${i}`, 'x'])) }, /at most 100/],
    ['participants.create', 'P001'],
    ['participants.create', null, /staff group/],
    ['participants.update', { role: 'x' }, /Fill in the item/],
    ['participants.update', { id: '', role: 'x' }, /id is missing/],
    ['participants.update', { id: 'p', code: 'P999' }, /code/],
    ['participants.update', { id: 'p', staffGroup: null }],
    ['participants.update', { id: long(101) }, /too long/],
    ['participants.get', {}],
    ['participants.get', { id: 42 }],
    ['participants.delete', { id: 'p', cascade: false }],
    ['participants.list', { staffGroup: 'wizard' }],
    ['participants.list', { query: long(201) }, /under 200/],
    ['participants.list', { attribute: { attributeId: 'a', value: '' } }, /Enter a value/],
    ['participants.list', { sort: 'name' }],
    ['participants.linkEngagement', { participantId: 'p' }, /Fill in the engagement\./],
    ['participants.linkEngagement', { participantId: 'p', engagementId: 'e', role: 'chair' }],
    ['participants.unlinkEngagement', { engagementId: 'e' }],
    ['participants.forEngagement', {}],
    ['attributes.define', { name: 'Band', kind: 'choice' }],
    ['attributes.define', { name: 'Band', kind: 'choice', choices: ['5'] }, /at least two/],
    ['attributes.define', { name: 'Years', kind: 'number', choices: ['1', '2'] }],
    ['attributes.define', { name: long(81), kind: 'text' }, /under 80/],
    ['attributes.define', { name: 'Mood', kind: 'colour' }, /text, a number or a choice/],
    ['attributes.define', { kind: 'text' }],
    ['attributes.list', { all: true }],
    ['attributes.remove', {}],
  ];

  it.each(cases)('%s %j', async (method, input, message) => {
    const error = await failure(method, input);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message.trim().length).toBeGreaterThan(5);
    if (message) expect(error.message).toMatch(message);
  });

  it('created nothing from any of them', async () => {
    expect(await value('participants.list', {})).toEqual([]);
    expect(await value('attributes.list', {})).toEqual([]);
  });
});

describe('the participant journey over dispatch', () => {
  it('creates, links, filters, updates and deletes, and it all survives reopening', async () => {
    const band = await value<{ id: string }>('attributes.define', { name: 'Band', kind: 'choice', choices: ['Band 5', 'Band 6'] });
    const visit = await value<{ id: string }>('engagements.create', { title: 'Moorfields', type: 'site_visit', date: '2018-06-19' });
    const doctor = await value<{ id: string; code: string; createdBy: string }>('participants.create', {
      staffGroup: 'doctor',
      realName: 'Amina Shah',
      consent: 'anonymous',
      consentDate: '2018-06-19',
      attributes: { [band.id]: 'Band 6' },
    });
    const nurse = await value<{ id: string; code: string }>('participants.create', { staffGroup: 'nurse' });
    expect([doctor.code, nurse.code]).toEqual(['P001', 'P002']);
    expect(doctor.createdBy).toEqual(expect.any(String));

    expect(await value('participants.linkEngagement', { participantId: nurse.id, engagementId: visit.id })).toBeNull();
    const linked = await value<{ code: string }[]>('participants.forEngagement', { engagementId: visit.id });
    expect(linked.map((p) => p.code)).toEqual(['P002']);

    const refused = await failure('participants.update', { id: doctor.id, attributes: { [band.id]: 'Band 9' } });
    expect(refused).toEqual({ code: 'INVALID_INPUT', message: '“Band” must be one of: Band 5, Band 6.' });
    await value('participants.update', { id: nurse.id, consent: 'none', role: 'Ward sister' });

    // Reopen the file: everything is on disk.
    await value('workspace.close', {});
    await value('workspace.open', { path });
    const list = await value<Record<string, unknown>[]>('participants.list', {});
    expect(list.map((p) => [p.code, p.staffGroup, p.consent, p.engagementCount])).toEqual([
      ['P001', 'doctor', 'anonymous', 0],
      ['P002', 'nurse', 'none', 1],
    ]);
    expect(list.some((p) => 'realName' in p)).toBe(false);
    expect(await value('participants.get', { id: doctor.id })).toMatchObject({ realName: 'Amina Shah', attributes: { [band.id]: 'Band 6' } });
    const filtered = await value<{ code: string }[]>('participants.list', { attribute: { attributeId: band.id, value: 'Band 6' } });
    expect(filtered.map((p) => p.code)).toEqual(['P001']);

    await value('participants.delete', { id: doctor.id });
    expect(await failure('participants.get', { id: doctor.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await value<{ code: string }>('participants.create', { staffGroup: 'pharmacist' })).toMatchObject({ code: 'P003' });
    await value('attributes.remove', { id: band.id });
    expect(await failure('attributes.remove', { id: band.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('asks for a workspace first when none is open', async () => {
    await value('workspace.close', {});
    expect(await failure('participants.list', {})).toEqual({ code: 'NO_WORKSPACE', message: 'Open or create a workspace first.' });
    expect(await failure('attributes.define', { name: 'Band', kind: 'text' })).toMatchObject({ code: 'NO_WORKSPACE' });
  });
});
