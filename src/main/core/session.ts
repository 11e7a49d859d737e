import type { WorkspaceKey } from './workspace/encryption';
import type { Workspace } from './workspace/workspace';
import { ExportJobs } from './export/jobs';
import { AttachmentReader } from './files/attachments';
import { UploadStore } from './files/uploads';

/**
 * The workspace the last open refused as it is — locked (its passphrase is needed), its recovery log not its
 * own, or damaged — held so the page can act on it (unlock, set the log aside, restore, repair) without
 * naming a path: the desktop app never takes one from the page.
 */
export interface RefusedOpen {
  path: string;
  code: string;
  /** The integrity check's lines, when it was refused as damaged. */
  findings: string[];
  /** The key it was tried with (held in memory only): a damaged encrypted file's backups open with it. */
  key?: WorkspaceKey;
}

/**
 * What one window's core holds, and lets go of in one place: the open workspace (its database handle), files on
 * their way in, exports running and the attachment being read. Opening another workspace or closing this one
 * disposes of everything that belonged to it — temporary upload files may hold personal data, and an export must
 * not go on reading a closed file — so no module keeps state keyed by a session.
 */
export class Session {
  private open: Workspace | null = null;
  refused: RefusedOpen | null = null;
  /** Files on their way in (uploads.*), consumed by one import or attachment. */
  readonly uploads = new UploadStore();
  /** Reports being exported (report.*). */
  readonly exports: ExportJobs;
  /** The attachment a preview is reading piece by piece. */
  readonly attachments = new AttachmentReader();

  constructor(log?: (message: string, detail?: unknown) => void) {
    this.exports = new ExportJobs(log);
  }

  get workspace(): Workspace | null {
    return this.open;
  }

  /** This window works in `workspace` from now on; what the last one held is let go of first. */
  adopt(workspace: Workspace): void {
    if (this.open !== workspace) this.closeWorkspace();
    this.open = workspace;
  }

  /** Close the open workspace and dispose of what it held: running exports are cancelled, uploads deleted. */
  closeWorkspace(): void {
    this.exports.cancelAll();
    this.uploads.discardAll();
    this.attachments.forget();
    this.open?.close();
    this.open = null;
  }

  /** The window is going: the workspace and everything else, the uploads' temporary folder too. */
  close(): void {
    this.closeWorkspace();
    this.uploads.close();
  }
}
