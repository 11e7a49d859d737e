import { join } from 'node:path';
import { expect } from 'vitest';
import { NewParticipant } from '../../../shared/domain/participant';
import { FieldnotesError } from '../../../shared/rpc/result';
import { createParticipant } from '../services/participants';
import type { Workspace } from '../workspace/workspace';
import { freshWorkspace, TEST_REVIEWER, type tempFolders } from './tempWorkspace';

/** What the participants and attributes tests share: fresh workspaces, a participant made as dispatch would, a refusal. */

/**
 * Fresh workspaces in `folders` (copies of one created once: the codes property makes one per run), each closed by `closeAll` (call it in afterEach, before the folders go), and any
 * reopened one handed to `keep` (closing one twice is harmless).
 */
export function reviewWorkspaces(folders: ReturnType<typeof tempFolders>): { newWorkspace(): Workspace; keep(w: Workspace): Workspace; closeAll(): void } {
  const open: Workspace[] = [];
  return {
    keep(w) {
      open.push(w);
      return w;
    },
    newWorkspace() {
      const w = freshWorkspace(join(folders.make(), 'review.fieldnotes'), 'Review');
      open.push(w);
      return w;
    },
    closeAll() {
      for (const w of open.splice(0)) w.close();
    },
  };
}

/** Create through the contract's schema, as dispatch would, so defaults apply (a nurse unless said). */
export const addParticipant = (w: Workspace, input: Record<string, unknown> = {}) =>
  createParticipant(w.db, NewParticipant.parse({ staffGroup: 'nurse', ...input }), TEST_REVIEWER.id);

/** The sentence of the FieldnotesError `fn` throws with `code`; fails the test if it throws nothing or another. */
export function refusal(fn: () => unknown, code: string): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldnotesError);
    expect((error as FieldnotesError).code).toBe(code);
    return (error as FieldnotesError).message;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
}
