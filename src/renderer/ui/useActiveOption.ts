import { useState, type KeyboardEvent } from 'react';

/**
 * The keyboard of a combobox over a list: Up and Down move the active option
 * (wrapping), Enter chooses it. Shared by the command palette and the tag picker.
 */
export function useActiveOption(count: number, choose: (index: number) => void) {
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(count - 1, 0));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((current + 1) % Math.max(count, 1));
    else if (event.key === 'ArrowUp') setActive((current - 1 + count) % Math.max(count, 1));
    else if (event.key === 'Enter' && count > 0) choose(current);
    else return;
    event.preventDefault();
  };
  return { current, setActive, onKeyDown };
}
