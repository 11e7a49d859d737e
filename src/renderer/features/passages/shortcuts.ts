import type { Shortcut } from '../../commands/shortcut';

/** Tag the selection: M for "mark" (Ctrl+T and Ctrl+Shift+T belong to browsers). */
export const TAG_SHORTCUT: Shortcut = { key: 'm', mod: true };
