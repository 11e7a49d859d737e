import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { generateWorkspace, type GenerateOptions } from '../../../../bench/workspace/generate';
import { openWorkspace, type Workspace } from '../workspace/workspace';
import { tempFolders } from './tempWorkspace';

/**
 * A bench-generated workspace opened once for a whole test file (the fast-path = reference tests), closed and
 * removed after it. `opened` receives it and its first reviewer: the tests keep one open database throughout, so
 * what the fast side kept is exercised after each write. `current` names the one to close at the end, as a file may
 * close and reopen it meanwhile.
 */
export function generatedWorkspaceForFile(
  name: string,
  options: GenerateOptions,
  opened: (workspace: Workspace, reviewerId: string) => void,
  current: () => Workspace | undefined,
): void {
  const folders = tempFolders();
  beforeAll(() => {
    const workspace = openWorkspace(generateWorkspace(join(folders.make(), `${name}.fieldnotes`), options).path);
    opened(workspace, workspace.db.prepare('SELECT id FROM reviewers ORDER BY id LIMIT 1').pluck().get() as string);
  }, 60_000);
  afterAll(() => {
    current()?.close();
    folders.cleanup();
  });
}
