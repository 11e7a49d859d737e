import { useEffect, useSyncExternalStore } from 'react';
import type { Shortcut } from './shortcut';

/**
 * A command is data: what it is called, its shortcut, whether it can run now,
 * and what it does. Menus, the palette and shortcuts all run commands by id,
 * so every action has one keyboard path and one place it is defined.
 */
export interface Command {
  id: string;
  label: string;
  group: string;
  /** Other words a person may type for it, matched but not shown ("quote" for Quotation). */
  keywords?: string;
  shortcut?: Shortcut;
  /** The shortcut is handled by a component itself (e.g. Ctrl+B in the editor); shown, not listened for. */
  handledElsewhere?: boolean;
  enabled?: () => boolean;
  run: () => void;
}

type Listener = () => void;
const commands = new Map<string, Command>();
const listeners = new Set<Listener>();
let snapshot: Command[] = [];

function changed(): void {
  snapshot = [...commands.values()];
  listeners.forEach((l) => l());
}

export const commandRegistry = {
  register(list: Command[]): () => void {
    for (const command of list) commands.set(command.id, command);
    changed();
    return () => {
      for (const command of list) if (commands.get(command.id) === command) commands.delete(command.id);
      changed();
    };
  },
  all: (): Command[] => snapshot,
  run(id: string): boolean {
    const command = commands.get(id);
    if (!command || (command.enabled && !command.enabled())) return false;
    command.run();
    return true;
  },
  /** Run a command as soon as a screen registers it (a workspace just created opens on another area). */
  runWhenRegistered(id: string): void {
    if (commandRegistry.run(id)) return;
    const off = commandRegistry.subscribe(() => {
      if (!commands.has(id)) return;
      off();
      // After the registering screen's commit, so what the command opens finds its screen there.
      setTimeout(() => commandRegistry.run(id), 0);
    });
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Register commands for as long as the calling component is mounted. */
export function useCommands(list: Command[]): void {
  useEffect(() => commandRegistry.register(list), [list]);
}

export function useAllCommands(): Command[] {
  return useSyncExternalStore(commandRegistry.subscribe, commandRegistry.all);
}
