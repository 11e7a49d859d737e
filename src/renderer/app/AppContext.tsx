import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/contract/methods';
import type { Reviewer } from '../../shared/domain/reviewer';
import type { WorkspaceInfo } from '../../shared/domain/workspace';

export interface AppState {
  info: AppInfo;
  reviewer: Reviewer;
  workspace: WorkspaceInfo | null;
  setWorkspace: (workspace: WorkspaceInfo | null) => void;
  setReviewer: (reviewer: Reviewer) => void;
  /** Ask for the create or open workspace dialog (from any screen or command). */
  showWorkspaceDialog: (which: 'create' | 'open') => void;
  /** Show the way on for the workspace the core just refused (unlock, set a log aside, restore, repair). */
  showRefused: () => void;
  /** After an open failed: true when the refusal dialog takes it over, false when the caller shows the error. */
  openFailed: (error: { code: string }) => boolean;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <AppContext>');
  return state;
}
