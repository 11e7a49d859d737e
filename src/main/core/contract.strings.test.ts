// Hostile text in every string field of every contract method (issue 12): 100,000 characters, control
// characters, a lone surrogate, right-to-left and bidi overrides, NUL. Each is refused with a sentence and
// changes nothing, or is stored exactly as sent (found byte for byte in the workspace, or in the answer).
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedBy } from '../../shared/contract/changes';
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
  textCells,
  type FuzzCore,
  type Pools,
} from './testing/contractFuzz';
import { schemaAt, setAt, stringFieldPaths, validArbitrary, type FieldPath } from './testing/schemaArbitrary';
import { testSeed } from './testing/seededRandom';
import { tempFolders } from './testing/tempWorkspace';

const SEED = testSeed();

export const hostileText: Record<string, string> = {
  'very long': `Moorfields ${'long text, '.repeat(10_000)}`.slice(0, 100_000),
  'control characters': 'Bell\u0007 escape\u001b[31m red\u001b[0m back\u0008space del\u007f tab\there line\nbreak',
  'a lone surrogate': 'broken \uD83D half of an emoji',
  'right-to-left and bidi overrides': 'P014 \u202Egnp.exe\u202C \u2067مرحبا بالعالم\u2069 \u200F!',
  NUL: 'before\u0000after',
};

/**
 * Fields a method reads but never keeps as text: what it names (ids, paths, a passphrase, a query, a
 * document's JSON), so an answer that is ok but leaves no copy of the text is right for them.
 */
const notKeptAsText = /(^|\.)(id|[a-zA-Z]+Ids?|path|backupPath|passphrase|query|document|blocks|xml|dataBase64|mediaType|fileName|dimension|jobId)(\.\d+)?$/;

const folders = tempFolders();
let pristine: string;
let pools: Pools;
let core: FuzzCore;

beforeAll(async () => {
  console.log(`hostile strings: seed ${SEED} (FIELDNOTES_SEED=${SEED} replays it)`);
  ({ core, pristine, pools } = await seededFuzzCore(folders, 'Hostile review'));
});
afterAll(() => {
  core.close();
  folders.cleanup();
});

/** A valid input to build on: the first generated one the schema takes. */
function baseInput(method: MethodName, hint: ReturnType<typeof domainHints>): unknown {
  const schema = methods[method].input;
  const samples = fc.sample(validArbitrary(schema, hint), { numRuns: 30, seed: SEED + methodNames.indexOf(method) });
  return samples.find((s) => schema.safeParse(s).success) ?? samples[0];
}

/** The text a field keeps once its schema has had it (trimmed, say), or the text itself. */
function kept(method: MethodName, path: FieldPath, text: string): string {
  const field = schemaAt(methods[method].input, path);
  const parsed = field?.safeParse(text);
  return parsed?.success && typeof parsed.data === 'string' ? parsed.data : text;
}

const withStrings = methodNames.filter((m) => stringFieldPaths(methods[m].input).length > 0);
const outcomes = new Map<string, number>();

/** Methods that may leave the window on another file, or the file encrypted: the next one starts on a fresh copy. */
const changesTheFile = (method: MethodName) => /^(workspace|backups|protection|recovery|merge|refi)\./.test(method);
let current: { folder: string; workspace: string } | null = null;

describe('hostile text in every string field', () => {
  it.each(withStrings)('%s', async (method) => {
    // A fresh copy only when needed: opening one (its check and backup) is most of the cost.
    if (!current || !core.session.workspace || changesTheFile(method)) {
      const folder = folders.make();
      current = { folder, workspace: await openCopy(core, pristine, folder) };
    }
    const { folder, workspace } = current;
    const uploads = await beginUploads(core);
    const hint = domainHints(method, { ...pools, uploads }, { folder, workspace, backups: () => [] });
    const base = baseInput(method, hint);
    const digest = new ContentDigest(core, folder);
    const problems: string[] = [];
    for (const path of stringFieldPaths(methods[method].input)) {
      for (const [kind, text] of Object.entries(hostileText)) {
        // A path field gets the text as a file name in the sandbox, never relative to wherever the tests run.
        const input = setAt(base, path, /path$/i.test(String(path.at(-1))) ? join(folder, text) : text);
        const what = `${path.join('.')} with ${kind}`;
        // What an earlier call left to write once saves pause (a block save's held shift) is its own change, not this one's.
        settleHeldShift(core);
        const before = digest.now();
        const result = await core.invoke(method, input);
        await settleJob(core, result);
        const problem = answerProblem(method, result);
        if (problem) problems.push(`${what}: ${problem}`);
        if (!result.ok) {
          outcomes.set(`refused ${kind}`, (outcomes.get(`refused ${kind}`) ?? 0) + 1);
          if (digest.now() !== before) problems.push(`${what}: refused (${result.error.code}) but changed something`);
        } else if (changedBy(method).length > 0) {
          const expected = kept(method, path, text);
          const stored = textCells(core).some((cell) => cell.includes(expected)) || JSON.stringify(result.value ?? null).includes(JSON.stringify(expected).slice(1, -1));
          outcomes.set(`stored ${kind}`, (outcomes.get(`stored ${kind}`) ?? 0) + 1);
          if (!stored && !notKeptAsText.test(path.join('.'))) problems.push(`${what}: answered ok but the text is not stored as sent`);
        }
        if (!core.session.workspace) await openCopy(core, pristine, folder);
      }
    }
    if (changesTheFile(method)) current = null;
    for (const uploadId of uploads) await core.invoke('uploads.cancel', { uploadId });
    expect(problems, `seed ${SEED}`).toEqual([]);
  }, 60_000);

  it('printed what happened to each kind of text', () => {
    console.log(`hostile strings (seed ${SEED}): ${JSON.stringify(Object.fromEntries([...outcomes].sort()), null, 1)}`);
    expect(outcomes.size).toBeGreaterThan(0);
  });
});
