import type { Migration } from './index';

/** Full-text search over notes and memos (issue 4). */
export const migration0007: Migration = {
  version: 7,
  name: 'search',
  up: () => {
    // Filled in by the search work before any release; until then this version adds nothing.
  },
};
