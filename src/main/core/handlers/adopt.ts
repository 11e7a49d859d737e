import type { WorkspaceInfo } from '../../../shared/domain/workspace';
import { recordReviewer } from '../services/reviewers';
import type { Workspace } from '../workspace/workspace';
import type { HandlerContext } from './context';

/** Make a just opened or created workspace the window's one: the old one closes, the reviewer is recorded, the recent list learns it. */
export function adoptWorkspace(ctx: Pick<HandlerContext, 'session' | 'settings'>, workspace: Workspace): WorkspaceInfo {
  const { session, settings } = ctx;
  session.workspace?.close();
  session.workspace = workspace;
  const reviewer = settings.reviewer();
  if (reviewer) recordReviewer(workspace.db, reviewer);
  const info = workspace.info();
  settings.rememberOpened(info.path, info.name);
  return info;
}
