import { z } from 'zod';
import { WorkspaceInfo } from '../domain/workspace';
import { BackupSummary } from '../domain/backup';
import { method, None } from './method';

/** A workspace the last open refused as it was, and what can be done about it. */
export const RefusedWorkspace = z.object({
  /** The file's name (the core keeps its path). */
  file: z.string(),
  code: z.enum(['PASSPHRASE_NEEDED', 'WRONG_PASSPHRASE', 'WAL_MISMATCH', 'WAL_DAMAGED', 'CORRUPT_WORKSPACE']),
  /** The newest backup that passes its checks, offered in place of a damaged file. */
  newestBackup: BackupSummary.nullable(),
  /** Only its indexes are damaged: rebuilding them into a copy recovers every row. */
  indexesOnly: z.boolean(),
});
export type RefusedWorkspace = z.infer<typeof RefusedWorkspace>;

/** Opening a workspace that was refused as it is: set its log aside, restore a backup, rebuild its indexes. */
export const recoveryMethods = {
  'recovery.get': method({ input: None, output: RefusedWorkspace.nullable(), doc: 'The workspace the last open refused, and what can be offered for it.' }),
  'recovery.setLogAside': method({
    input: None,
    output: WorkspaceInfo,
    doc: "Rename the refused workspace's recovery log (it is not its own, or is damaged; never deleted) and open the file as it is.",
  }),
  'recovery.restoreNewest': method({
    input: None,
    output: WorkspaceInfo,
    doc: 'Put the newest good backup in the damaged workspace’s place, keeping the damaged file beside it, and open it.',
  }),
  'recovery.rebuildIndexes': method({
    input: None,
    output: WorkspaceInfo,
    doc: 'Rebuild the indexes of a workspace whose rows are sound into a checked copy, keep the damaged file beside it, and open the copy in its place.',
  }),
  'recovery.dismiss': method({ input: None, output: z.null(), doc: 'Forget the refused workspace (the file is not touched).' }),
} as const;
