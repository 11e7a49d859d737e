/**
 * Where a key moves the active row of a list read one row at a time (the theme view's passages, the engagement
 * list): ↑ ↓ by one, Page Up/Down by `page` rows, Home and End to the ends. `undefined`: not one of those keys.
 */
export function rowAfterKey(key: string, active: number, count: number, page: number): number | undefined {
  const last = Math.max(count - 1, 0);
  switch (key) {
    case 'ArrowDown':
      return Math.min(active + 1, last);
    case 'ArrowUp':
      return Math.max(active - 1, 0);
    case 'PageDown':
      return Math.min(active + page, last);
    case 'PageUp':
      return Math.max(active - page, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
