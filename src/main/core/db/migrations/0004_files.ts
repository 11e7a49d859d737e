import type { Migration } from './index';

/** Attachments stored inside the workspace (issue 3). */
export const migration0004: Migration = {
  version: 4,
  name: 'files',
  up: () => {
    // Filled in by the files work; until then this version adds nothing.
  },
};
