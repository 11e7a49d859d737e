// Whatever arrives at the core's door, it answers with a Result and never throws.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodNames, methods, type MethodName } from '../../shared/contract/methods';
import { errorCodes, type Result } from '../../shared/rpc/result';
import { createCore, type Core } from './index';
import { tempFolders } from './testing/tempWorkspace';

const folders = tempFolders();
const logged: unknown[] = [];
let core: Core;
let workspaces: string;

beforeAll(async () => {
  workspaces = folders.make();
  core = createCore({
    settingsFolder: folders.make('fieldnotes-settings-'),
    defaultFolder: workspaces,
    host: 'loopback',
    version: 'test',
    log: (message, detail) => logged.push([message, detail]),
  });
  await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  const created = await core.invoke('workspace.create', { path: join(workspaces, 'prop.fieldnotes'), name: 'Prop' });
  expect(created.ok).toBe(true);
});
afterAll(() => {
  core.close();
  folders.cleanup();
});

/** A well-formed Result: ok with a value the contract's output schema accepts, or a known code and a sentence. */
function expectWellFormed(method: string, result: Result<unknown>): void {
  expect(typeof result).toBe('object');
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    if (Object.hasOwn(methods, method)) {
      const parsed = methods[method as MethodName].output.safeParse(result.value);
      expect(parsed.success, `${method} returned ${JSON.stringify(result.value)}`).toBe(true);
    }
  } else {
    expect(errorCodes).toContain(result.error.code);
    expect(result.error.code).not.toBe('INTERNAL');
    expect(typeof result.error.message).toBe('string');
    expect(result.error.message.trim().length).toBeGreaterThan(0);
  }
}

async function invalid(method: string, input: unknown): Promise<string> {
  let result: Result<unknown> | undefined;
  await expect((async () => (result = await core.invoke(method, input)))()).resolves.toBeDefined();
  expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expectWellFormed(method, result!);
  return result!.ok ? '' : result!.error.message;
}

describe('unknown methods', () => {
  it.each([
    'nope',
    '',
    'app.info ',
    'APP.INFO',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    42,
    null,
    undefined,
    {},
    ['app.info'],
    Symbol('app.info'),
    Object.create(null),
    { toString: () => 'app.info' },
  ])('%s → UNKNOWN_METHOD', async (method) => {
    const result = await core.invoke(method, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('does not echo an enormous method name back', async () => {
    const result = await core.invoke('x'.repeat(1_000_000), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
  });
});

describe('wrong-shaped inputs are INVALID_INPUT, never a throw', () => {
  const huge = 'x'.repeat(2_000_000);
  const cases: [string, unknown, RegExp?][] = [
    ['reviewer.set', {}, /name/],
    ['reviewer.set', { name: 'Ada' }, /initials/],
    ['reviewer.set', { name: 'Ada', initials: 'A', admin: true }, /admin/],
    ['reviewer.set', { name: 1, initials: 'A' }, /The name is not in a form/],
    ['reviewer.set', { name: '   ', initials: 'A' }, /Enter your name/],
    ['reviewer.set', { name: 'Ada', initials: 'ABCDEF' }, /at most 5/],
    ['reviewer.set', { name: huge, initials: 'A' }],
    ['reviewer.set', null],
    ['reviewer.set', [], /not in a form Fieldnotes understands/],
    ['reviewer.set', [{ name: 'Ada', initials: 'A' }]],
    ['reviewer.set', 'Ada'],
    ['workspace.create', { path: 'w.fieldnotes' }, /name/],
    ['workspace.create', { name: 'W' }, /path/],
    ['workspace.create', { path: '   ', name: 'W' }, /Choose a file/],
    ['workspace.create', { path: 'x'.repeat(5000), name: 'W' }],
    ['workspace.create', { path: huge, name: 'W' }],
    ['workspace.create', { path: 'w.fieldnotes', name: 'W', overwrite: true }, /overwrite/],
    ['workspace.create', { path: ['w.fieldnotes'], name: 'W' }],
    ['workspace.create', { path: 'w.fieldnotes', name: 'n'.repeat(201) }],
    ['workspace.create', null],
    ['workspace.open', { path: 7 }],
    ['workspace.open', { path: null }],
    ['workspace.open', { path: 'a.fieldnotes', readOnly: false }],
    ['workspace.open', 'a.fieldnotes'],
    ['workspace.forget', {}],
    ['workspace.forget', { path: { toString: 'x' } }],
    ['engagements.create', { title: 'T', type: 'Not a type!', date: '2024-01-01' }, /type/],
    ['engagements.create', { title: 'T', type: 'workshop', date: '12/07/2018' }, /YYYY-MM-DD/],
    ['engagements.create', { title: 'T', type: 'workshop', date: '2024-99-99' }, /real date/],
    ['engagements.create', { title: '', type: 'workshop', date: '2024-01-01' }, /title/],
    ['engagements.create', { title: 't'.repeat(301), type: 'workshop', date: '2024-01-01' }],
    ['engagements.create', { title: 'T', type: 'workshop', date: '2024-01-01', id: 'mine' }, /id/],
    ['engagements.create', { title: 'T', type: 'workshop', date: '2024-01-01', createdBy: 'someone-else' }],
    ['engagements.create', { title: 'T', type: 'workshop', date: 20240101 }],
    ['app.info', { extra: 1 }],
    ['app.info', []],
    ['app.info', 'hello'],
    ['app.info', 0],
    ['engagements.list', { filter: 'all' }],
    ['workspace.createChosen', { name: 's'.repeat(201) }],
  ];

  it.each(cases)('%s %j', async (method, input, message) => {
    const text = await invalid(method, input);
    if (message) expect(text).toMatch(message);
  });

  it('created no file and no engagement from any of them', async () => {
    expect(readdirSync(workspaces).filter((f) => !f.startsWith('prop.fieldnotes'))).toEqual([]);
    const list = await core.invoke('engagements.list', {});
    expect(list).toEqual({ ok: true, value: [] });
  });

  it('treats null or undefined as "no input" for methods that take none', async () => {
    for (const input of [null, undefined]) {
      expect(await core.invoke('workspace.current', input)).toMatchObject({ ok: true, value: { name: 'Prop' } });
    }
  });
});

describe('property: any JSON value, to any method, gives a well-formed Result', () => {
  // Methods that take a file path could create or open files wherever a random
  // string points; they get the restricted property below instead.
  const touchesPaths = new Set<MethodName>(['workspace.create', 'workspace.open']);
  const safeMethods = methodNames.filter((m) => !touchesPaths.has(m));
  // 'workspace.close' runs among them; reopen so engagements.* meet an open workspace too.
  beforeEach(async () => {
    logged.length = 0;
    expect(await core.invoke('workspace.open', { path: join(workspaces, 'prop.fieldnotes') })).toMatchObject({ ok: true });
  });

  it.each(safeMethods)('%s', async (method) => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (input) => {
        expectWellFormed(method, await core.invoke(method, input));
      }),
      { numRuns: 50 },
    );
    expect(logged).toEqual([]);
  });

  it.each([...touchesPaths])('%s, with inputs its schema refuses, is INVALID_INPUT and touches nothing', async (method) => {
    const before = readdirSync(workspaces).sort();
    const shaped = fc.record(
      { path: fc.jsonValue(), name: fc.jsonValue(), extra: fc.jsonValue() },
      { requiredKeys: [] },
    );
    const refused = fc
      .oneof(fc.jsonValue(), shaped)
      .filter((input) => !methods[method].input.safeParse(input ?? {}).success);
    await fc.assert(
      fc.asyncProperty(refused, async (input) => {
        const result = await core.invoke(method, input);
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expectWellFormed(method, result);
      }),
      { numRuns: 50 },
    );
    expect(readdirSync(workspaces).sort()).toEqual(before);
  });
});
