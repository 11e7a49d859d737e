import { useEffect } from 'react';
import { api } from '../api/client';
import { commandRegistry } from './registry';
import { matches } from './shortcut';

/** Runs a command when its shortcut is pressed anywhere, or when a menu item asks for it. */
export function ShortcutListener() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      for (const command of commandRegistry.all()) {
        if (command.shortcut && !command.handledElsewhere && matches(command.shortcut, event)) {
          if (commandRegistry.run(command.id)) event.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    const offCommand = api().on('app.command', ({ id }) => commandRegistry.run(id));
    return () => {
      window.removeEventListener('keydown', onKey);
      offCommand();
    };
  }, []);
  return null;
}
