import type { importMethods } from '../../../shared/contract/imports';
import { importNotes } from '../import/importNotes';
import { speakerSummary } from '../services/speakers';
import type { DomainHandlers, HandlerContext } from './context';

export function importHandlers(ctx: HandlerContext): DomainHandlers<typeof importMethods> {
  const { uploads } = ctx.session;
  const db = () => ctx.requireWorkspace().db;
  return {
    'imports.note': async ({ uploadId, engagementId }) => {
      const reviewer = ctx.requireReviewer();
      db(); // no workspace: refuse before the upload is used up
      const file = uploads.take(uploadId, 'import');
      try {
        ctx.requireWorkspace().backupNow('before import');
      } catch (error) {
        ctx.options.log?.('backup before import failed', error); // the import itself is not refused for it
      }
      const notes = await importNotes(db, file, engagementId, reviewer.id);
      return { notes, speakers: speakerSummary(db(), notes.map((n) => n.id)) };
    },
  };
}
