// Drive a real core the way the renderer does: upload in chunks, then import or attach. Tests only.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { UploadPurpose } from '../../../shared/domain/files';
import { createCore, type Core, type CoreOptions } from '../index';
import { tempFolders } from './tempWorkspace';

export interface CoreWithEngagement {
  core: Core;
  path: string;
  engagementId: string;
}

/** Call and expect success; return the value. */
export async function value<T = unknown>(core: Core, method: string, input: unknown = {}): Promise<T> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Call and expect a failure with `code`; return the message. */
export async function failure(core: Core, method: string, input: unknown, code: string): Promise<string> {
  const result = await core.invoke(method, input);
  if (result.ok) throw new Error(`${method} should have failed with ${code}`);
  expect(result.error.code, result.error.message).toBe(code);
  return result.error.message;
}

/** A loopback core in fresh folders, pushed onto `cores` for the caller to close; `options` add to or replace these. */
export function testCore(folders: ReturnType<typeof tempFolders>, cores: Core[], options: Partial<CoreOptions> = {}): Core {
  const core = createCore({
    settingsFolder: folders.make('fieldnotes-settings-'),
    defaultFolder: folders.make(),
    host: 'loopback',
    version: '9.9.9-test',
    log: () => {},
    ...options,
  });
  cores.push(core);
  return core;
}

/** A core with a reviewer, a new workspace and one engagement; closed by `folders.cleanup()`'s caller. */
export async function coreWithEngagement(folders: ReturnType<typeof tempFolders>, cores: Core[]): Promise<CoreWithEngagement> {
  const core = testCore(folders, cores);
  await value(core, 'reviewer.set', { name: 'Ada Lovelace', initials: 'AL' });
  const path = join(folders.make(), 'Topol review.fieldnotes');
  await value(core, 'workspace.create', { path, name: 'Topol review' });
  const engagement = await value<{ id: string }>(core, 'engagements.create', {
    title: 'Moorfields Eye Hospital',
    type: 'site_visit',
    date: '2018-07-12',
  });
  return { core, path, engagementId: engagement.id };
}

/** Send bytes as the renderer does: begin, then base64 chunks in order. */
export async function upload(
  core: Core,
  fileName: string,
  bytes: Uint8Array,
  purpose: UploadPurpose,
  mediaType = '',
  chunkBytes = 1024 * 1024,
): Promise<string> {
  const { uploadId } = await value<{ uploadId: string }>(core, 'uploads.begin', { fileName, size: bytes.length, mediaType, purpose });
  for (let index = 0, offset = 0; offset < bytes.length; index++, offset += chunkBytes) {
    const dataBase64 = Buffer.from(bytes.subarray(offset, offset + chunkBytes)).toString('base64');
    await value(core, 'uploads.chunk', { uploadId, index, dataBase64 });
  }
  return uploadId;
}

/** How many notes or attachments the workspace holds, across every engagement, as the app sees them. */
export async function countRows(core: Core, table: 'notes' | 'attachments'): Promise<number> {
  const method = table === 'notes' ? 'notes.list' : 'attachments.list';
  let total = 0;
  for (const e of await value<{ id: string }[]>(core, 'engagements.list', {})) {
    total += (await value<unknown[]>(core, method, { engagementId: e.id })).length;
  }
  return total;
}

/** Open a closed workspace file read-only and run a query (after the core has closed it). */
export function queryClosed<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
