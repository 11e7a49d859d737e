// Every contract method, fuzzed with inputs made from its own zod schema (issue 12): valid ones, which reach the
// handler, and the same inputs one field off (wrong type, missing, extra key, too long, NaN, negative, empty,
// unknown enum value). Each answer is a typed error or a value its output schema accepts, never INTERNAL; a
// refused call changes nothing (rows, files, settings). Dispatched through the real dispatcher on a real
// workspace, a fresh copy per method. FIELDNOTES_SEED replays a run; FIELDNOTES_FUZZ_RUNS changes the count.
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, methods, type MethodName } from '../../shared/contract/methods';
import {
  answerProblem,
  beginUploads,
  ContentDigest,
  domainHints,
  seededFuzzCore,
  settleHeldShift,
  settleJob,
  openCopy,
  type FuzzCore,
  type Pools,
} from './testing/contractFuzz';
import { offByOneArbitrary, validArbitrary } from './testing/schemaArbitrary';
import { testSeed } from './testing/seededRandom';
import { tempFolders } from './testing/tempWorkspace';

const SEED = testSeed();
const RUNS = Number(process.env.FIELDNOTES_FUZZ_RUNS ?? 8);
/** Methods that derive a key (Argon2id), copy the workspace or write a file: fewer runs, the same variety. */
const SLOW = new Set<MethodName>([
  'workspace.create',
  'workspace.open',
  'workspace.restore',
  'workspace.setPassphrase',
  'protection.unlock',
  'backups.takeNow',
  'backups.saveCopy',
  'backups.restore',
  'recovery.restoreNewest',
  'recovery.rebuildIndexes',
  'refi.export',
  'report.export',
]);

const folders = tempFolders();
let pristine: string;
let pools: Pools;
let core: FuzzCore;

interface Coverage {
  parsed: number;
  ok: number;
  refusedOff: number;
  codes: Record<string, number>;
  /** One refusal's sentence per code, to read in the printed table. */
  said: Record<string, string>;
}
const coverage = new Map<MethodName, Coverage>();

beforeAll(async () => {
  console.log(`contract fuzz: seed ${SEED} (FIELDNOTES_SEED=${SEED} replays it), ${RUNS} valid and ${RUNS} off-by-one inputs per method`);
  ({ core, pristine, pools } = await seededFuzzCore(folders, 'Fuzzed review'));
});
afterAll(() => {
  core.close();
  folders.cleanup();
});

describe('every contract method, with inputs made from its schema', () => {
  it.each(methodNames)('%s', async (method) => {
    const folder = folders.make();
    const workspace = await openCopy(core, pristine, folder);
    const uploads = await beginUploads(core);
    const backupsFolder = `${workspace}-backups`;
    const places = {
      folder,
      workspace,
      backups: () => (existsSync(backupsFolder) ? readdirSync(backupsFolder).map((n) => join(backupsFolder, n)) : []),
    };
    const hint = domainHints(method, { ...pools, uploads }, places);
    const schema = methods[method].input;
    const runs = SLOW.has(method) ? Math.ceil(RUNS / 3) : RUNS;
    const seed = SEED + methodNames.indexOf(method);
    const valid = fc.sample(validArbitrary(schema, hint), { numRuns: runs, seed });
    const off = fc.sample(offByOneArbitrary(schema, hint), { numRuns: runs, seed });
    const digest = new ContentDigest(core, folder);
    const seen: Coverage = { parsed: 0, ok: 0, refusedOff: 0, codes: {}, said: {} };
    coverage.set(method, seen);
    const problems: string[] = [];

    const call = async (input: unknown, what: string) => {
      // What an earlier call left to write once saves pause (a block save's held shift) is its own change, not this one's.
      settleHeldShift(core);
      const before = digest.now();
      const result = await core.invoke(method, input);
      const problem = answerProblem(method, result);
      if (problem) problems.push(`${what} ${JSON.stringify(input)?.slice(0, 300)} ${problem}`);
      seen.codes[result.ok ? 'ok' : result.error.code] = (seen.codes[result.ok ? 'ok' : result.error.code] ?? 0) + 1;
      if (!result.ok && result.error.code !== 'INVALID_INPUT') seen.said[result.error.code] ??= result.error.message;
      if (result.ok) {
        seen.ok++;
        await settleJob(core, result);
      } else if (digest.now() !== before) {
        problems.push(`${what} ${JSON.stringify(input)?.slice(0, 300)} was refused (${result.error.code}) but changed the workspace, its folder or the settings`);
      }
      return result;
    };

    for (const input of valid) {
      if (schema.safeParse(input).success) seen.parsed++;
      await call(input, 'valid');
      // Some calls close the workspace (close, lock, restore): the next one meets it open again.
      if (!core.session.workspace) await openCopy(core, pristine, folder).catch(() => undefined);
    }
    for (const { change, input } of off) {
      const result = await call(input, `off by one (${change})`);
      if (!result.ok && result.error.code === 'INVALID_INPUT') seen.refusedOff++;
      else problems.push(`off by one (${change}) ${JSON.stringify(input)?.slice(0, 300)} was not refused as INVALID_INPUT: ${JSON.stringify(result).slice(0, 300)}`);
    }
    for (const uploadId of uploads) await core.invoke('uploads.cancel', { uploadId }); // the core allows only so many at once
    expect(problems, `seed ${seed}`).toEqual([]);
    expect(core.logged.filter(([message]) => message.includes('failed') && !/DISK_FULL|READ_ONLY/.test(message))).toEqual([]);
  }, 60_000); // Argon2id and copies on a loaded machine; a few seconds when quiet

  it('reached every method with inputs its schema takes, and refused every one with inputs one field off', () => {
    const table = methodNames.map((m) => {
      const c = coverage.get(m);
      return `${m.padEnd(32)} ${c ? `${c.parsed} parsed, ${c.ok} ok, ${c.refusedOff} off refused  ${JSON.stringify(c.codes)} ${JSON.stringify(c.said)}` : 'NOT RUN'}`;
    });
    console.log(`contract fuzz coverage (seed ${SEED}):\n${table.join('\n')}`);
    const missed = methodNames.filter((m) => !coverage.get(m) || coverage.get(m)!.parsed === 0 || coverage.get(m)!.refusedOff === 0);
    expect(missed, 'methods no generated input reached, or none was refused').toEqual([]);
  });
});
