import { z } from 'zod';
import { SavedFile, SaveTarget } from './fileOut';
import { method, None } from './method';
import { BackupSummary } from '../domain/backup';

/** The open workspace's backups, and copies of it made by hand. */
export const backupMethods = {
  'backups.list': method({
    input: None,
    output: z.object({ current: BackupSummary.shape.counts, backups: z.array(BackupSummary) }),
    doc: "The open workspace's backups, newest first, with what each holds, beside what the workspace holds now.",
  }),
  'backups.takeNow': method({ input: None, output: BackupSummary, doc: 'Take a verified backup of the open workspace now.' }),
  'backups.restore': method({
    input: z.object({ name: z.string().min(1).max(300) }).strict(),
    output: z.object({ setAside: z.string().nullable() }),
    doc: 'Put one of its backups in the open workspace’s place (checked first; the current file is kept beside it) and open it.',
  }),
  'backups.saveCopy': method({
    input: z.object({ ...SaveTarget }).strict(),
    output: SavedFile,
    doc: 'Write a consistent copy of the open workspace (VACUUM INTO) where the person chooses; encrypted ones stay encrypted.',
  }),
} as const;
