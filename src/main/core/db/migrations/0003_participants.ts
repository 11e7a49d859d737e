import type { Migration } from './index';

/** People met, their attributes and consent, and the engagements they took part in (issue 3). */
export const migration0003: Migration = {
  version: 3,
  name: 'participants',
  up: () => {
    // Filled in by the participants work; until then this version adds nothing.
  },
};
