// The bench for fuzzing every contract method (issue 12): a seeded workspace to copy, the real dispatcher over
// a session the test can see into, the ids that exist (so generated inputs reach the handlers) and a digest of
// everything a call could change (so a refused call can be shown to have written nothing). Tests only.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { methods, type MethodName } from '../../../shared/contract/methods';
import { staffGroups } from '../../../shared/domain/participant';
import { splitDocument } from '../../../shared/note/blocks';
import { blocksToDocument } from '../../../shared/note/blocksToDocument';
import { dispatch } from '../../../shared/rpc/dispatch';
import type { Result } from '../../../shared/rpc/result';
import { explainStorageError } from '../errors';
import { createHandlers } from '../handlers';
import { writeHeldShift } from '../services/noteBlocks';
import { Session } from '../session';
import type { Core } from '../index';
import { InstallationSettings } from '../settings/settings';
import type { FieldHint, FieldPath } from './schemaArbitrary';
import { upload } from './coreFiles';
import type { tempFolders } from './tempWorkspace';

/** A core whose session (and so its open database) the test can read. */
export interface FuzzCore extends Core {
  session: Session;
  settingsFolder: string;
  /** What the core logged (an INTERNAL is logged in full). */
  logged: [message: string, detail: unknown][];
}

export function fuzzCore(settingsFolder: string, defaultFolder: string): FuzzCore {
  const logged: [string, unknown][] = [];
  const session = new Session();
  const options = { settingsFolder, defaultFolder, host: 'loopback' as const, version: 'fuzz', log: (m: string, d?: unknown) => logged.push([m, d]) };
  const handlers = createHandlers(options, new InstallationSettings(settingsFolder), session);
  return {
    session,
    settingsFolder,
    logged,
    invoke: (method, input) => dispatch(handlers, method, input, options.log, explainStorageError),
    close: () => {
      session.close();
    },
  };
}

async function must<T>(core: Core, method: MethodName, input: unknown): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`seeding: ${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The ids of what the seeded workspace holds, by kind. */
export type Pools = Record<
  'engagements' | 'notes' | 'participants' | 'themes' | 'passages' | 'findings' | 'recommendations' | 'groups' | 'attachments' | 'attributes' | 'reviewers' | 'uploads',
  string[]
> & { documents: string[]; blocks: string[] };

/**
 * Fill an open workspace with one of everything (two of most), through the contract as the app would:
 * engagements, participants linked to them, notes with tagged passages, a theme tree, a finding, a
 * recommendation, a custom attribute and an attachment.
 */
/**
 * The fuzz tests' starting point: a core acting as Ada, and a workspace named `name` seeded through the contract,
 * left closed at `pristine` for each case to open a copy of.
 */
export async function seededFuzzCore(
  folders: ReturnType<typeof tempFolders>,
  name: string,
): Promise<{ core: FuzzCore; pristine: string; pools: Pools }> {
  const core = fuzzCore(folders.make('fieldnotes-settings-'), folders.make());
  expect((await core.invoke('reviewer.set', { name: 'Ada Lovelace', initials: 'AL' })).ok).toBe(true);
  const pristine = join(folders.make(), 'seeded.fieldnotes');
  expect((await core.invoke('workspace.create', { path: pristine, name })).ok).toBe(true);
  const pools = await seedWorkspace(core);
  core.close();
  return { core, pristine, pools };
}

export async function seedWorkspace(core: Core): Promise<Pools> {
  const engagements = [
    await must<{ id: string }>(core, 'engagements.create', { title: 'Moorfields Eye Hospital', type: 'site_visit', date: '2018-07-12', organisation: 'Moorfields' }),
    await must<{ id: string }>(core, 'engagements.create', { title: 'Radiographers workshop', type: 'workshop', date: '2018-09-03' }),
  ].map((e) => e.id);
  const participants = [
    await must<{ id: string }>(core, 'participants.create', { staffGroup: 'nurse', realName: 'Jane Example', consent: 'anonymous', engagementId: engagements[0] }),
    await must<{ id: string }>(core, 'participants.create', { staffGroup: 'doctor', consent: 'attributed', engagementId: engagements[1] }),
  ].map((p) => p.id);
  const parent = await must<{ id: string }>(core, 'themes.create', { name: 'Workforce' });
  const themes = [
    parent.id,
    (await must<{ id: string }>(core, 'themes.create', { name: 'Training', parentId: parent.id })).id,
    (await must<{ id: string }>(core, 'themes.create', { name: 'Ethics' })).id,
  ];
  const notes: string[] = [];
  const passages: string[] = [];
  const documents: string[] = [];
  for (const [i, engagementId] of engagements.entries()) {
    const note = await must<{ id: string; revision: number }>(core, 'notes.create', { engagementId, title: `Note ${i + 1}` });
    const ids = [randomUUID(), randomUUID()];
    const document = blocksToDocument([
      { kind: 'heading', level: 2, runs: [{ text: 'Morning session' }] },
      { kind: 'paragraph', runs: [{ text: 'P014: ' }, { text: 'We need training before AI triage', marks: [ids[0]!] }, { text: ' is introduced.' }] },
      { kind: 'paragraph', runs: [{ text: 'Radiographers ' }, { text: 'read the scans', marks: [ids[1]!] }, { text: ' every day.' }] },
    ]);
    await must(core, 'notes.save', {
      id: note.id,
      document,
      baseRevision: note.revision,
      createPassages: [
        { id: ids[0], themeIds: [themes[1]] },
        { id: ids[1], themeIds: [themes[2]] },
      ],
    });
    notes.push(note.id);
    passages.push(...ids);
    documents.push(document);
  }
  const finding = await must<{ id: string }>(core, 'findings.create', { statement: 'Radiographers need structured training.', themeIds: [themes[1]], passageIds: [passages[0]] });
  const groups = (await must<{ id: string }[]>(core, 'recommendations.list', {})).map((g) => g.id);
  const recommendation = await must<{ id: string }>(core, 'recommendations.create', { groupId: groups[1], text: 'Train first.', findingIds: [finding.id] });
  const attribute = await must<{ id: string }>(core, 'attributes.define', { name: 'Years in post', kind: 'number' });
  const photo = await upload(core, 'flipchart.txt', new TextEncoder().encode('Flip chart: training, time, trust.'), 'attachment', 'text/plain');
  const attachment = await must<{ id: string }>(core, 'attachments.add', { uploadId: photo, engagementId: engagements[0] });
  const reviewers = (await must<{ id: string }[]>(core, 'analysis.reviewers', {})).map((r) => r.id);
  return {
    engagements,
    notes,
    participants,
    themes,
    passages,
    findings: [finding.id],
    recommendations: [recommendation.id],
    groups,
    attachments: [attachment.id],
    attributes: [attribute.id],
    reviewers,
    uploads: [],
    documents,
    blocks: documents.flatMap((d) => splitDocument(d).blocks),
  };
}

/** Begin an upload of each purpose, so uploads.chunk, imports.note, attachments.add and refi.* meet live ones. */
export async function beginUploads(core: Core): Promise<string[]> {
  const ids: string[] = [];
  for (const purpose of ['note', 'attachment', 'project'] as const) {
    const begun = await core.invoke('uploads.begin', { fileName: `f.${purpose === 'project' ? 'qdpx' : 'txt'}`, size: 12, mediaType: '', purpose });
    if (begun.ok) ids.push((begun.value as { uploadId: string }).uploadId);
  }
  return ids;
}

/** The nearest named field of a path: `themeIds.0` is `themeIds`. */
const fieldName = (path: FieldPath): string | undefined => [...path].reverse().find((p): p is string => typeof p === 'string');

/** What an `id` names, from the method's namespace. */
function idKind(method: MethodName): keyof Pools | undefined {
  const [namespace, verb] = method.split('.') as [string, string];
  if (namespace === 'recommendations' && /Group$/.test(verb)) return 'groups';
  const byNamespace: Record<string, keyof Pools> = {
    engagements: 'engagements',
    participants: 'participants',
    notes: 'notes',
    themes: 'themes',
    passages: 'passages',
    findings: 'findings',
    recommendations: 'recommendations',
    attachments: 'attachments',
    attributes: 'attributes',
  };
  return byNamespace[namespace];
}

const fieldKinds: Record<string, keyof Pools> = {
  engagementId: 'engagements',
  noteId: 'notes',
  participantId: 'participants',
  themeId: 'themes',
  themeIds: 'themes',
  parentId: 'themes',
  sourceId: 'themes',
  targetId: 'themes',
  passageId: 'passages',
  passageIds: 'passages',
  findingIds: 'findings',
  groupId: 'groups',
  uploadId: 'uploads',
  reviewerIds: 'reviewers',
  document: 'documents',
  blocks: 'blocks',
};

/** Paths into the sandbox folder: the workspace itself, its backups, and new names beside it. */
export interface Places {
  folder: string;
  workspace: string;
  backups: () => string[];
}

/**
 * Domain values for the fields a schema cannot make useful on its own — mostly ids that exist (four times in
 * five), a real note document, a matrix dimension, paths inside the sandbox — mixed with the schema's own.
 */
export function domainHints(method: MethodName, pools: Pools, places: Places): FieldHint {
  const mixed = (values: unknown[], fromSchema: () => fc.Arbitrary<unknown>) =>
    values.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fromSchema() }) : undefined;
  return (path, fromSchema) => {
    const field = fieldName(path);
    if (field === undefined) return undefined;
    const [namespace] = method.split('.');
    if (field === 'id' && (method === 'workspace.forget' || method === 'workspace.openRecent')) return undefined;
    if (field === 'id' && path.length > 1) return undefined; // a new record's own id (createPassages.0.id)
    if (field === 'id') return mixed(pools[idKind(method) ?? 'engagements'], fromSchema);
    if ((field === 'a' || field === 'b') && namespace === 'agreement') return mixed(pools.reviewers, fromSchema);
    if ((field === 'a' || field === 'b') && namespace === 'analysis') return mixed(pools.themes, fromSchema);
    if (field === 'baseRevision') return fc.nat(3);
    if (field === 'size' && method === 'uploads.begin') return fc.nat(64);
    if (field === 'dimension') {
      return mixed(['staffGroup', 'organisation', 'engagementType', 'engagement', 'participant', `attribute:${pools.attributes[0]}`], fromSchema);
    }
    if (field === 'staffGroups' || field === 'staffGroup') return mixed([...staffGroups], fromSchema);
    if (field === 'engagementTypes' || field === 'type') return mixed(['site_visit', 'workshop', 'interview'], fromSchema);
    if (field === 'path') {
      return fc.oneof(
        fc.constant(places.workspace),
        fc.stringMatching(/^[a-z0-9 ]{1,12}\.(fieldnotes|docx|qdpx|txt)$/).map((name) => join(places.folder, name)),
      );
    }
    if (field === 'backupPath') return mixed(places.backups(), fromSchema);
    if (field === 'name' && method === 'backups.restore') return mixed(places.backups().map((p) => p.split('/').pop()!), fromSchema);
    const kind = fieldKinds[field];
    if (kind === 'documents' || kind === 'blocks') {
      const real = fc.constantFrom(...pools[kind]);
      return fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: fromSchema() });
    }
    return kind ? mixed(pools[kind], fromSchema) : undefined;
  };
}

/**
 * Wait until a report export a call started has written its file or given up: the file is that call's
 * change, and must not be counted against the next one (or land after its folder is gone).
 */
export async function settleJob(core: FuzzCore, result: Result<unknown>): Promise<void> {
  const jobId = result.ok ? (result.value as { jobId?: string } | null)?.jobId : undefined;
  if (!jobId) return;
  for (let i = 0; i < 200; i++) {
    const progress = await core.invoke('report.progress', { jobId });
    if (!progress.ok || (progress.value as { state: string }).state !== 'running') return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Write what earlier block saves held back (the passages they moved, written once saves pause or by the next
 * call): it is those saves' change, and must not be counted against the next call.
 */
export function settleHeldShift(core: FuzzCore): void {
  const db = core.session.workspace?.db;
  if (db?.open) writeHeldShift(db);
}

/** Copy the seeded workspace into a folder of its own and open it there; the copy's path. */
export async function openCopy(core: FuzzCore, pristine: string, folder: string): Promise<string> {
  core.close();
  const path = join(folder, 'fuzzed.fieldnotes');
  copyFileSync(pristine, path);
  await must(core, 'workspace.open', { path });
  return path;
}

// ---- What a call could change, to show a refused one changed nothing ----

const tablesOf = (core: FuzzCore): string[] =>
  core.session.workspace!.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];

function databaseDigest(core: FuzzCore): string {
  const hash = createHash('sha256');
  const db = core.session.workspace!.db;
  for (const table of tablesOf(core)) {
    hash.update(`\u0000${table}\u0000`);
    // The idle checkpoint starts each new log with a fresh token, on its own timer (workspace/logToken.ts).
    const rows = table === 'workspace_meta' ? "SELECT * FROM workspace_meta WHERE key NOT IN ('log_token', 'log_base')" : `SELECT * FROM "${table}"`;
    for (const row of db.prepare(rows).raw().iterate()) hash.update(JSON.stringify(row, bytesAsHex));
  }
  return hash.digest('hex');
}
const bytesAsHex = (_key: string, v: unknown) => (v instanceof Uint8Array || (v && (v as { type?: string }).type === 'Buffer') ? Buffer.from(v as Uint8Array).toString('hex') : v);

/** The names under a folder (not the log, which a checkpoint removes on its own), and the bytes of settings. */
function filesDigest(core: FuzzCore, folder: string): string {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      // The log comes and goes with checkpoints; an export job's temporary file with the job.
      if (entry.endsWith('-wal') || entry.endsWith('-shm') || entry.endsWith('.part')) continue;
      names.push(full);
      if (statSync(full, { throwIfNoEntry: false })?.isDirectory()) walk(full);
    }
  };
  if (existsSync(folder)) walk(folder);
  const settings = readdirSync(core.settingsFolder).map((f) => `${f}:${readFileSync(join(core.settingsFolder, f), 'utf8')}`);
  return JSON.stringify([core.session.workspace?.path ?? null, core.session.refused?.code ?? null, names, settings]);
}

/**
 * Everything a call could change: the open workspace's rows, the files in its folder, the installation's
 * settings. The rows' digest is recomputed only when SQLite's change counter moved, so refused calls (most of
 * them) cost a counter read.
 */
export class ContentDigest {
  private cached: { db: unknown; changes: number; digest: string } | null = null;
  constructor(
    private readonly core: FuzzCore,
    private readonly folder: string,
  ) {}

  now(): string {
    const workspace = this.core.session.workspace;
    let rows = '(no workspace)';
    if (workspace) {
      const changes = workspace.db.prepare('SELECT total_changes()').pluck().get() as number;
      if (!this.cached || this.cached.db !== workspace.db || this.cached.changes !== changes) {
        this.cached = { db: workspace.db, changes, digest: databaseDigest(this.core) };
      }
      rows = this.cached.digest;
    }
    return `${rows} ${filesDigest(this.core, this.folder)}`;
  }
}

/** Every text cell of the open workspace: to find a value stored exactly as sent. */
export function textCells(core: FuzzCore): string[] {
  const db = core.session.workspace?.db;
  if (!db) return [];
  const cells: string[] = [];
  for (const table of tablesOf(core)) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const cell of row) if (typeof cell === 'string') cells.push(cell);
    }
  }
  return cells;
}

/** A well-formed answer: ok with a value the output schema accepts, or a known code (never INTERNAL) and a sentence. */
export function answerProblem(method: MethodName, result: Result<unknown>): string | null {
  if (result.ok) {
    const parsed = methods[method].output.safeParse(result.value);
    return parsed.success ? null : `answered ${JSON.stringify(result.value)?.slice(0, 300)}, which its output schema refuses: ${parsed.error.message.slice(0, 300)}`;
  }
  if (result.error.code === 'INTERNAL') return `answered INTERNAL: ${result.error.message}`;
  if (!/\w/.test(result.error.message) || result.error.message.length > 2000) return `refused without a sentence: ${JSON.stringify(result.error)}`;
  return null;
}
