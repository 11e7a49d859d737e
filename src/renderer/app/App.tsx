import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/contract/methods';
import type { Reviewer } from '../../shared/domain/reviewer';
import type { WorkspaceInfo } from '../../shared/domain/workspace';
import { useForgetAllAnswers, useMutation, useQuery, useRead } from '../api/queries';
import { CommandPalette } from '../commands/CommandPalette';
import { commandRegistry, useCommands, type Command } from '../commands/registry';
import { ShortcutListener } from '../commands/ShortcutListener';
import { ShortcutsDialog } from '../commands/ShortcutsDialog';
import { TeamMerging } from '../features/team/TeamMerging';
import { ProjectExchange } from '../features/exchange/ProjectExchange';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { setThemeMode, THEME_MODES } from '../features/settings/themeMode';
import { FirstRun } from '../features/reviewer/FirstRun';
import { Shell } from '../features/shell/Shell';
import { StartScreen } from '../features/workspace/StartScreen';
import { WorkspaceDialogs } from '../features/workspace/WorkspaceDialogs';
import { REFUSALS_OFFERED, RefusedWorkspaceDialog } from '../features/protection/RefusedWorkspaceDialog';
import { AppContext, type AppState } from './AppContext';
import { CloseGuard, saveBeforeLeaving } from './CloseGuard';
import { UpgradeListener } from '../features/workspace/UpgradeNotice';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage } from '../ui/ErrorMessage';

type Boot =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; info: AppInfo; reviewer: Reviewer | null; workspace: WorkspaceInfo | null };

/**
 * What the app starts from, read once: App holds these as its own state from then on (a reviewer renamed, a
 * workspace opened), so they are not answers that announcements refresh or a change of workspace forgets.
 */
function useBoot(): () => Promise<Boot> {
  const readInfo = useRead('app.info', { errorShownHere: true });
  const readReviewer = useRead('reviewer.get', { errorShownHere: true });
  const readWorkspace = useRead('workspace.current', { errorShownHere: true });
  return useCallback(async () => {
    const [info, reviewer, workspace] = await Promise.all([readInfo({}), readReviewer({}), readWorkspace({})]);
    if (!info.ok) return { status: 'failed', message: info.error.message };
    if (!reviewer.ok) return { status: 'failed', message: reviewer.error.message };
    if (!workspace.ok) return { status: 'failed', message: workspace.error.message };
    return { status: 'ready', info: info.value, reviewer: reviewer.value, workspace: workspace.value };
  }, [readInfo, readReviewer, readWorkspace]);
}

export function App() {
  const [state, setState] = useState<Boot>({ status: 'loading' });
  const forgetAllAnswers = useForgetAllAnswers();
  const boot = useBoot();
  useEffect(() => {
    let current = true;
    void (async () => {
      const booted = await boot();
      if (current) setState(booted);
    })();
    return () => {
      current = false;
    };
  }, [boot]);

  if (state.status === 'loading') return <p className="boot">Opening Fieldnotes…</p>;
  if (state.status === 'failed') {
    return (
      <main className="boot" role="alert">
        <h1>Fieldnotes could not start</h1>
        <p>{state.message}</p>
      </main>
    );
  }
  if (!state.reviewer) {
    return <FirstRun onDone={(reviewer) => setState({ ...state, reviewer })} />;
  }
  return (
    <Ready
      info={state.info}
      reviewer={state.reviewer}
      setReviewer={(reviewer) => setState({ ...state, reviewer })}
      workspace={state.workspace}
      setWorkspace={(workspace) => {
        forgetAllAnswers(); // answers belong to the workspace that gave them (issue 11: stale rows)
        setState({ ...state, workspace });
      }}
    />
  );
}

interface ReadyProps {
  info: AppInfo;
  reviewer: Reviewer;
  setReviewer: (reviewer: Reviewer) => void;
  workspace: WorkspaceInfo | null;
  setWorkspace: (workspace: WorkspaceInfo | null) => void;
}

function Ready({ info, reviewer, setReviewer, workspace, setWorkspace }: ReadyProps) {
  const [dialog, setDialog] = useState<'create' | 'open' | null>(null);
  const [shown, setShown] = useState<'settings' | 'shortcuts' | null>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);

  const [leaveError, setLeaveError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  // A workspace the core refused as it is (encrypted or locked, a foreign log, damage): the way on, in a dialog.
  const [refused, setRefused] = useState(false);
  const showRefused = useCallback(() => setRefused(true), []);
  const openFailed = useCallback((error: { code: string }) => REFUSALS_OFFERED.has(error.code) && (setRefused(true), true), []);
  // Reloaded while locked (or while a refusal waited): offer it again. Asked once, at start.
  const [startedClosed] = useState(() => !workspace);
  const waiting = useQuery('recovery.get', {}, { enabled: startedClosed, keptCurrentHere: true }).data;
  const [startOfferDone, setStartOfferDone] = useState(false);
  const offerRefused = refused || (Boolean(waiting) && !startOfferDone);
  const closeRefused = () => {
    setRefused(false);
    setStartOfferDone(true);
  };
  const close = useMutation('workspace.close').run;
  const openChosen = useMutation('workspace.openChosen', { errorShownHere: true }).run;
  const openHanded = useMutation('workspace.openHanded', { errorShownHere: true }).run;
  // Each open gets a fresh Shell, even of the same file (a restored backup): its screens hold the old rows.
  const [opened, setOpened] = useState(0);
  const adoptWorkspace = useCallback(
    (next: WorkspaceInfo | null) => {
      setOpened((n) => n + 1);
      setWorkspace(next);
    },
    [setWorkspace],
  );
  const closeWorkspace = useCallback(async () => {
    const unsaved = await saveBeforeLeaving();
    if (unsaved) return setLeaveError(unsaved);
    const result = await close({});
    if (result.ok) setWorkspace(null);
  }, [setWorkspace, close]);
  // The desktop app's ways in that name no path: the native Open dialog, and a file the OS handed the app.
  const openWithoutPath = useCallback(
    async (method: 'workspace.openChosen' | 'workspace.openHanded') => {
      const unsaved = await saveBeforeLeaving();
      if (unsaved) return setLeaveError(unsaved);
      const result = await (method === 'workspace.openChosen' ? openChosen : openHanded)({});
      if (!result.ok) return openFailed(result.error) ? undefined : setOpenError(result.error.message);
      if (result.value) setWorkspace(result.value);
    },
    [setWorkspace, openFailed, openChosen, openHanded],
  );
  const showWorkspaceDialog = useCallback(
    (which: 'create' | 'open') => (which === 'open' && info.nativeDialogs ? void openWithoutPath('workspace.openChosen') : setDialog(which)),
    [info.nativeDialogs, openWithoutPath],
  );

  const commands = useMemo<Command[]>(
    () => [
      { id: 'palette.open', group: 'View', label: 'Command palette', shortcut: { key: 'k', mod: true }, run: () => setPaletteOpen(true) },
      { id: 'workspace.new', group: 'Workspace', label: 'New workspace…', shortcut: { key: 'n', mod: true, shift: true }, run: () => setDialog('create') },
      { id: 'workspace.open', group: 'Workspace', label: 'Open workspace…', shortcut: { key: 'o', mod: true }, run: () => showWorkspaceDialog('open') },
      { id: 'workspace.close', group: 'Workspace', label: 'Close workspace', enabled: () => Boolean(workspace), run: () => void closeWorkspace() },
      // The shell sends this when the OS hands the app a workspace file (double-click, second launch).
      { id: 'workspace.openHanded', group: 'Workspace', label: 'Open the file given to Fieldnotes', enabled: () => info.host === 'electron', run: () => void openWithoutPath('workspace.openHanded') },
      // Help › Keyboard Shortcuts in the desktop menu too.
      { id: 'help.shortcuts', group: 'Help', label: 'Keyboard shortcuts', shortcut: { key: '/', mod: true }, run: () => setShown('shortcuts') },
      { id: 'settings.open', group: 'Settings', label: 'Your name and appearance…', shortcut: { key: ',', mod: true }, run: () => setShown('settings') },
      ...THEME_MODES.map(({ mode, label, keywords }) => ({ id: `appearance.${mode}`, group: 'Appearance', label, keywords, run: () => setThemeMode(mode) })),
    ],
    [workspace, closeWorkspace, showWorkspaceDialog, openWithoutPath, info.host],
  );
  useCommands(commands);
  // Launched by double-clicking a workspace: open it once the app is ready (later ones arrive as app.command).
  useEffect(() => {
    commandRegistry.run('workspace.openHanded');
  }, []);

  const context: AppState = { info, reviewer, workspace, setWorkspace: adoptWorkspace, setReviewer, showWorkspaceDialog, showRefused, openFailed };
  return (
    <AppContext.Provider value={context}>
      <ShortcutListener />
      {workspace ? <Shell key={`${workspace.path} ${opened}`} workspace={workspace} /> : <StartScreen />}
      {offerRefused && (
        <RefusedWorkspaceDialog
          open
          onClose={closeRefused}
          onOpened={(next) => {
            closeRefused();
            adoptWorkspace(next);
          }}
        />
      )}
      <WorkspaceDialogs which={dialog} onClose={() => setDialog(null)} />
      <ProjectExchange />
      <TeamMerging />
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} />
      <ShortcutsDialog open={shown === 'shortcuts'} onClose={() => setShown(null)} />
      <SettingsDialog open={shown === 'settings'} reviewer={reviewer} onReviewer={setReviewer} onClose={() => setShown(null)} />
      <CloseGuard />
      <UpgradeListener />
      <Dialog title="The workspace could not be opened" open={openError !== null} onClose={() => setOpenError(null)}>
        <ErrorMessage error={openError} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => setOpenError(null)}>
            OK
          </button>
        </div>
      </Dialog>
      <Dialog title="The workspace stays open" open={leaveError !== null} onClose={() => setLeaveError(null)}>
        <ErrorMessage error={leaveError} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => setLeaveError(null)}>
            OK
          </button>
        </div>
      </Dialog>
    </AppContext.Provider>
  );
}
