import { useMemo, useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useCommands, type Command } from '../../commands/registry';
import { ExportProjectDialog } from './ExportProjectDialog';
import { ImportProjectDialog } from './ImportProjectDialog';
import '../../styles/exchange.css';

/**
 * Whole projects in and out as REFI-QDA .qdpx (issue 9): the two commands
 * (palette, File menu) and their dialogs. Lives beside the start screen and
 * the shell alike, since a project can be imported into a new workspace
 * with none open.
 */
export function ProjectExchange() {
  const { workspace } = useApp();
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  const hasWorkspace = Boolean(workspace);
  const commands = useMemo<Command[]>(
    () => [
      { id: 'project.export', group: 'Workspace', label: 'Export project (.qdpx)…', enabled: () => hasWorkspace, run: () => setOpen('export') },
      { id: 'project.import', group: 'Workspace', label: 'Import project (.qdpx)…', run: () => setOpen('import') },
    ],
    [hasWorkspace],
  );
  useCommands(commands);
  const close = () => setOpen(null);
  return (
    <>
      <ExportProjectDialog open={open === 'export' && hasWorkspace} onClose={close} />
      <ImportProjectDialog open={open === 'import'} onClose={close} />
    </>
  );
}
