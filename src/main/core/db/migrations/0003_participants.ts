import type { Migration } from './index';

/**
 * People met, their attributes and consent, and the engagements they took
 * part in (issue 3).
 *
 * `number` sits beside `code` so that P1000 sorts after P999. The highest
 * number ever assigned is kept in workspace_meta ('participants.last_number'),
 * so a deleted participant's code is never given to someone else: speaker
 * turns in notes ("P014: …") and exported quotes name people by code, and a
 * reused code would silently put one person's words in another's mouth.
 *
 * Consent and attribute kinds are checked here as well as in the contract:
 * the report's rule that non-consenting participants are never quoted must
 * hold even for a row written by a buggy or foreign program. Staff groups
 * are checked by the contract only, so the list can grow without a table
 * rebuild.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'participants',
  up: (db) => {
    db.exec(`
      CREATE TABLE participants (
        id                TEXT PRIMARY KEY,
        number            INTEGER NOT NULL UNIQUE CHECK (number > 0),
        code              TEXT NOT NULL UNIQUE,
        real_name         TEXT NOT NULL DEFAULT '',
        staff_group       TEXT NOT NULL,
        role              TEXT NOT NULL DEFAULT '',
        organisation_type TEXT NOT NULL DEFAULT '',
        region            TEXT NOT NULL DEFAULT '',
        consent           TEXT NOT NULL DEFAULT 'none' CHECK (consent IN ('anonymous', 'attributed', 'none')),
        consent_date      TEXT,
        created_at        TEXT NOT NULL,
        created_by        TEXT NOT NULL REFERENCES reviewers(id),
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX participants_by_staff_group ON participants(staff_group);
      CREATE INDEX participants_by_consent ON participants(consent);

      CREATE TABLE participant_attributes (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind       TEXT NOT NULL CHECK (kind IN ('text', 'number', 'choice')),
        choices    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),
        position   INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES reviewers(id)
      ) STRICT;

      CREATE TABLE participant_attribute_values (
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        attribute_id   TEXT NOT NULL REFERENCES participant_attributes(id) ON DELETE CASCADE,
        value          TEXT NOT NULL,
        PRIMARY KEY (participant_id, attribute_id)
      ) STRICT;
      CREATE INDEX participant_attribute_values_by_attribute ON participant_attribute_values(attribute_id, value);

      CREATE TABLE engagement_participants (
        engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        PRIMARY KEY (engagement_id, participant_id)
      ) STRICT;
      CREATE INDEX engagement_participants_by_participant ON engagement_participants(participant_id);
    `);
  },
};
