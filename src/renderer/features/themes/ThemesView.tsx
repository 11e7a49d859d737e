import { useEffect, useMemo, useRef, useState } from 'react';
import type { ThemeListItem } from '../../../shared/domain/theme';
import type { RpcError } from '../../../shared/rpc/result';
import { baseName, codebookFileName } from '../../../shared/domain/files';
import { useMutation } from '../../api/queries';
import { useApp } from '../../app/AppContext';
import { useCommands, type Command } from '../../commands/registry';
import { formatShortcut, type Shortcut } from '../../commands/shortcut';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useSaveFile } from '../files/useSaveFile';
import { themeViewLink } from '../analysis/themeViewLink';
import type { SharedName } from '../../../shared/domain/refi';
import { CodebookEmpty } from './CodebookEmpty';
import { ExportCodebookDialog } from './ExportCodebookDialog';
import { MoveDialog } from './MoveDialog';
import { DeleteDialog } from './DeleteDialog';
import { ImportDialog } from './ImportDialog';
import { MergeDialog } from './MergeDialog';
import { NewThemeDialog, type NewThemeRequest } from './NewThemeDialog';
import { ThemeDetail } from './ThemeDetail';
import { ThemeTree } from './ThemeTree';
import { initiallyCollapsed, pathOf, visibleRows, type Placement } from './treeModel';
import { useCodebook } from './useCodebook';
import '../../styles/themes.css';

export const NEW_THEME: Shortcut = { key: 'n', mod: true, alt: true };
export const NEW_SUBTHEME: Shortcut = { key: 'n', mod: true, alt: true, shift: true };
const RENAME: Shortcut = { key: 'F2' };
const DELETE: Shortcut = { key: 'Delete' };
const MOVE_TO: Shortcut = { key: 'm', mod: true, shift: true };

type Open = { kind: 'new'; request: NewThemeRequest } | { kind: 'merge' | 'delete' | 'import' | 'move' } | null;

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const themesWord = (n: number) => count(n, 'theme');

/** The Themes area: the codebook as a tree, the selected theme's details, and the codebook's dialogs. */
export function ThemesView() {
  const { themes, error: loadError, reload } = useCodebook();
  const { workspace } = useApp();
  const saveFile = useSaveFile();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<RpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [startedEmpty, setStartedEmpty] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const [sharedNames, setSharedNames] = useState<SharedName[] | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const applyTemplate = useMutation('codebook.applyTemplate', { errorShownHere: true }).run;
  const exportQdc = useMutation('codebook.exportQdc', { errorShownHere: true }).run;
  const exportCheck = useMutation('refi.exportCheck', { errorShownHere: true }).run;
  const moveTheme = useMutation('themes.move', { errorShownHere: true }).run;
  const updateTheme = useMutation('themes.update', { errorShownHere: true }).run;

  const list = useMemo(() => themes ?? [], [themes]);
  const folded = useRef(false);
  useEffect(() => {
    if (folded.current || !themes) return;
    folded.current = true;
    setCollapsed(initiallyCollapsed(themes));
  }, [themes]);
  const selected = list.find((t) => t.id === selectedId) ?? list[0] ?? null;
  const rows = useMemo(() => visibleRows(list, collapsed), [list, collapsed]);
  const byId = (id: string | null) => (id ? list.find((t) => t.id === id) : undefined);

  /** After a change: reload, keep (or move) the selection, and give focus back to the tree. */
  const refresh = async (message: string, selectId?: string | null) => {
    await reload();
    if (selectId !== undefined) setSelectedId(selectId);
    setStatus(message);
    setError(null);
    setFocusRequest((n) => n + 1);
  };
  const fail = async (failure: RpcError) => {
    setError(failure);
    await reload(); // a theme merged or deleted elsewhere: show the codebook as it is
  };

  const newTheme = (sub: boolean) => {
    // Through the ref: the commands keep this function from an earlier render (they are memoised on the list).
    const current = selectedRef.current;
    const parent = sub ? current : byId(current?.parentId ?? null);
    if (sub && !current) return;
    setOpen({ kind: 'new', request: { parentId: parent?.id ?? null, parentName: parent?.name ?? null, sub } });
  };
  const applyTopol = async () => {
    setBusy(true);
    const result = await applyTemplate({ template: 'topol' });
    setBusy(false);
    if (!result.ok) return fail(result.error);
    const { added, merged } = result.value;
    await refresh(
      added === 0
        ? 'The Topol template’s themes are all here already.'
        : `Added ${themesWord(added)} from the Topol template${merged ? `; ${merged} were already here and kept as they are` : ''}.`,
    );
  };
  const saveCodebook = (qualifyNames: boolean) =>
    saveFile.save({
      title: 'Export codebook',
      suggestedName: codebookFileName(workspace?.name ?? ''),
      write: (target) => exportQdc({ ...target, qualifyNames }),
      onSaved: ({ path }) => setStatus(`Exported the codebook as “${baseName(path)}”.`),
      onError: setError,
    });
  /** Names shared under different parents are asked about first (some tools would drop all but one). */
  const exportCodebook = async () => {
    const check = await exportCheck({});
    if (!check.ok) return setError(check.error);
    if (check.value.sharedNames.length > 0) setSharedNames(check.value.sharedNames);
    else saveCodebook(false);
  };
  const move = async (id: string, placement: Placement) => {
    const theme = byId(id);
    const result = await moveTheme({ id, ...placement });
    if (!result.ok) return fail(result.error);
    if (placement.parentId) setCollapsed((c) => new Set([...c].filter((x) => x !== placement.parentId)));
    const parent = byId(placement.parentId);
    await refresh(`Moved “${theme?.name}” ${parent ? `under “${parent.name}”` : 'to the top level'}, position ${placement.position + 1}.`, id);
  };
  const rename = async (id: string, name: string) => {
    const result = await updateTheme({ id, name });
    setRenamingId(null);
    if (!result.ok) return fail(result.error);
    await refresh(`Renamed to “${name}”.`, id);
  };

  const showPassages = () => {
    if (selectedRef.current) themeViewLink.show(workspace?.path ?? '', selectedRef.current.id);
  };
  const selectedRef = useRef(selected);
  useEffect(() => {
    selectedRef.current = selected;
  });
  const commands = useMemo<Command[]>(() => {
    const hasSelection = () => Boolean(selectedRef.current);
    return [
      { id: 'theme.new', group: 'Themes', label: 'New theme…', shortcut: NEW_THEME, run: () => newTheme(false) },
      { id: 'theme.newChild', group: 'Themes', label: 'New sub-theme…', shortcut: NEW_SUBTHEME, enabled: hasSelection, run: () => newTheme(true) },
      { id: 'theme.rename', group: 'Themes', label: 'Rename theme', shortcut: RENAME, handledElsewhere: true, enabled: hasSelection, run: () => setRenamingId(selectedRef.current?.id ?? null) },
      { id: 'theme.merge', group: 'Themes', label: 'Merge theme into…', enabled: hasSelection, run: () => setOpen({ kind: 'merge' }) },
      { id: 'theme.moveTo', group: 'Themes', label: 'Move theme to…', shortcut: MOVE_TO, enabled: hasSelection, run: () => setOpen({ kind: 'move' }) },
      { id: 'theme.showPassages', group: 'Themes', label: 'Show the theme’s passages in the theme view', enabled: hasSelection, run: () => showPassages() },
      { id: 'theme.delete', group: 'Themes', label: 'Delete theme…', shortcut: DELETE, handledElsewhere: true, enabled: hasSelection, run: () => setOpen({ kind: 'delete' }) },
      { id: 'codebook.topol', group: 'Themes', label: 'Apply the Topol template', run: () => void applyTopol() },
      { id: 'codebook.import', group: 'Themes', label: 'Import codebook (.qdc)…', run: () => setOpen({ kind: 'import' }) },
      { id: 'codebook.export', group: 'Themes', label: 'Export codebook (.qdc)…', run: () => void exportCodebook() },
    ];
    // The commands read the selection through a ref, so they are registered once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list]);
  useCommands(commands);

  const empty = themes !== null && list.length === 0;
  const closeDialog = () => {
    setOpen(null);
    setFocusRequest((n) => n + 1);
  };

  return (
    <section className="area themes-area">
      <header className="area-header">
        <h1 id="area-title">Themes</h1>
        <div className="area-actions">
          <button type="button" onClick={() => setOpen({ kind: 'import' })}>
            Import…
          </button>
          <button type="button" onClick={() => void exportCodebook()} disabled={empty}>
            Export…
          </button>
          <button type="button" onClick={() => newTheme(true)} disabled={!selected}>
            New sub-theme <kbd>{formatShortcut(NEW_SUBTHEME)}</kbd>
          </button>
          <button type="button" className="primary" onClick={() => newTheme(false)}>
            New theme <kbd>{formatShortcut(NEW_THEME)}</kbd>
          </button>
        </div>
      </header>
      <p className="themes-status" role="status">
        {status}
      </p>
      <ErrorMessage error={error ?? loadError} />

      {empty && !startedEmpty && (
        <CodebookEmpty
          busy={busy}
          newShortcut={formatShortcut(NEW_THEME)}
          onTopol={() => void applyTopol()}
          onEmpty={() => {
            setStartedEmpty(true);
            newTheme(false);
          }}
          onImport={() => setOpen({ kind: 'import' })}
        />
      )}
      {empty && startedEmpty && (
        <p className="empty">
          No themes yet. Add the first with <strong>New theme</strong> (<kbd>{formatShortcut(NEW_THEME)}</kbd>); you can still use
          the Topol template from the command palette.
        </p>
      )}
      {list.length > 0 && selected && (
        <div className="themes-layout">
          <div className="themes-tree-pane">
            <p className="hint themes-keys">
              ↑ ↓ move · → ← open and close · Enter edit · F2 rename · Alt+arrows move the theme · drag to reorder
            </p>
            {/* Each row's count is also read out with it ("3 passages"); this heading is for the eye. */}
            <div className="themes-tree-head" aria-hidden="true">
              <span>Theme</span>
              <span>Passages</span>
            </div>
            <ThemeTree
              themes={list}
              rows={rows}
              selectedId={selected.id}
              collapsed={collapsed}
              renamingId={renamingId}
              focusRequest={focusRequest}
              onSelect={setSelectedId}
              onToggle={(id, expand) =>
                setCollapsed((c) => (expand ? new Set([...c].filter((x) => x !== id)) : new Set([...c, id])))
              }
              onEdit={() => nameRef.current?.focus()}
              onRename={setRenamingId}
              onRenameCommit={(id, name) => void rename(id, name)}
              onMove={(id, placement) => void move(id, placement)}
              onDelete={() => setOpen({ kind: 'delete' })}
              onMoveTo={() => setOpen({ kind: 'move' })}
              shortcuts={{ moveTo: formatShortcut(MOVE_TO), rename: formatShortcut(RENAME), delete: formatShortcut(DELETE) }}
            />
          </div>
          <ThemeDetail
            key={selected.id}
            theme={selected}
            path={pathOf(list, selected.id)}
            nameRef={nameRef}
            deleteShortcut={formatShortcut(DELETE)}
            onSaved={() => void reload()}
            onMerge={() => setOpen({ kind: 'merge' })}
            onMoveTo={() => setOpen({ kind: 'move' })}
            onShowPassages={showPassages}
            moveShortcut={formatShortcut(MOVE_TO)}
            onDelete={() => setOpen({ kind: 'delete' })}
          />
        </div>
      )}

      <NewThemeDialog
        request={open?.kind === 'new' ? open.request : null}
        onClose={closeDialog}
        onCreated={(theme) => {
          setOpen(null);
          if (theme.parentId) setCollapsed((c) => new Set([...c].filter((x) => x !== theme.parentId)));
          void refresh(`Added “${theme.name}”.`, theme.id);
        }}
      />
      <ExportCodebookDialog
        shared={sharedNames}
        onClose={() => setSharedNames(null)}
        onExport={(qualify) => {
          setSharedNames(null);
          saveCodebook(qualify);
        }}
      />
      <MoveDialog theme={open?.kind === 'move' ? selected : null} themes={list} onClose={closeDialog} onMove={(id, placement) => void move(id, placement)} />
      <MergeDialog
        source={open?.kind === 'merge' ? selected : null}
        themes={list}
        onClose={closeDialog}
        onMerged={(target: ThemeListItem, result) => {
          setOpen(null);
          const tags = result.passagesMoved + result.passagesAlreadyTagged;
          void refresh(
            `Merged into “${target.name}”: ${count(tags, 'passage')} and ${count(result.subthemesMoved + result.subthemesMerged, 'sub-theme')} moved.`,
            target.id,
          );
        }}
      />
      <DeleteDialog
        theme={open?.kind === 'delete' ? selected : null}
        parentName={byId(selected?.parentId ?? null)?.name ?? null}
        onClose={closeDialog}
        onDeleted={(result) => {
          setOpen(null);
          const name = selected?.name ?? '';
          const next = rows[rows.findIndex((r) => r.theme.id === selected?.id) - 1]?.theme.id ?? null;
          void refresh(
            `Deleted “${name}”${result.themesDeleted > 1 ? ` and ${count(result.themesDeleted - 1, 'sub-theme')}` : ''}${result.passagesDeleted ? `, with ${count(result.passagesDeleted, 'passage')} that had no other theme` : ''}.`,
            next,
          );
        }}
      />
      <ImportDialog
        open={open?.kind === 'import'}
        onClose={closeDialog}
        onImported={({ added, merged }) => {
          setOpen(null);
          void refresh(`Imported ${themesWord(added)}${merged ? `; ${merged} already here were merged` : ''}.`);
        }}
      />
      {saveFile.dialog}
    </section>
  );
}
