import type { Migration } from './index';

/**
 * Findings, their evidence and GRADE-CERQual assessment; recommendations in
 * editable groups citing findings; the framework matrix's cell summaries
 * (issue 8).
 *
 * - Order is a fractional key (`position`, TEXT compared bytewise): a move
 *   writes one row, and two reviewers' moves merge without renumbering.
 * - `number` (F1, R1) is given once and never reused, like a participant's
 *   code: a recommendation or a draft report that says "F12" keeps meaning the
 *   same finding after others are deleted. The highest number ever given is
 *   kept in workspace_meta.
 * - A finding's supporting passage is held by id without a foreign key, and
 *   with the text it quoted when it was added: deleting the passage (or the
 *   note, or the theme it was left with) must never silently drop the
 *   finding's evidence. The finding shows such a passage as gone, with its
 *   text, until someone removes it on purpose.
 * - CERQual concerns are NULL until assessed. The levels are checked here too:
 *   the report prints them as they are.
 * - Matrix summaries belong to a theme and a column of a dimension
 *   ('staffGroup', 'engagementType', 'organisation', 'engagement',
 *   'participant', 'attribute:<id>'); a theme's deletion takes its summaries.
 */
const concern = (column: string) =>
  `${column}_concern TEXT CHECK (${column}_concern IN ('none', 'minor', 'moderate', 'serious')),
        ${column}_note TEXT NOT NULL DEFAULT ''`;

export const migration0009: Migration = {
  version: 9,
  name: 'findings',
  up: (db) => {
    db.exec(`
      CREATE TABLE findings (
        id          TEXT PRIMARY KEY,
        number      INTEGER NOT NULL UNIQUE CHECK (number > 0),
        statement   TEXT NOT NULL CHECK (length(trim(statement)) > 0),
        status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed')),
        position    TEXT NOT NULL,
        ${concern('methodological')},
        ${concern('coherence')},
        ${concern('adequacy')},
        ${concern('relevance')},
        confidence  TEXT CHECK (confidence IN ('high', 'moderate', 'low', 'very_low')),
        confidence_explanation TEXT NOT NULL DEFAULT '',
        assessed_at TEXT,
        assessed_by TEXT REFERENCES reviewers(id),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL REFERENCES reviewers(id),
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL REFERENCES reviewers(id)
      ) STRICT;
      CREATE INDEX findings_by_position ON findings(position);

      CREATE TABLE finding_themes (
        finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        theme_id   TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        PRIMARY KEY (finding_id, theme_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX finding_themes_by_theme ON finding_themes(theme_id, finding_id);

      CREATE TABLE finding_passages (
        finding_id  TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        passage_id  TEXT NOT NULL,
        position    TEXT NOT NULL,
        quoted_text TEXT NOT NULL,
        added_at    TEXT NOT NULL,
        added_by    TEXT NOT NULL REFERENCES reviewers(id),
        PRIMARY KEY (finding_id, passage_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX finding_passages_by_passage ON finding_passages(passage_id, finding_id);

      CREATE TABLE recommendation_groups (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        position   TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      -- The Topol Review's grouping; a reviewer may rename, reorder, add or remove groups.
      INSERT INTO recommendation_groups(id, name, position, created_at) VALUES
        ('citizen_patient', 'The citizen and patient', 'a', strftime('%Y-%m-%dT%H:%M:%fZ')),
        ('healthcare_professionals', 'Healthcare professionals', 'i', strftime('%Y-%m-%dT%H:%M:%fZ')),
        ('health_system', 'The health system', 'q', strftime('%Y-%m-%dT%H:%M:%fZ'));

      CREATE TABLE recommendations (
        id         TEXT PRIMARY KEY,
        group_id   TEXT NOT NULL REFERENCES recommendation_groups(id),
        number     INTEGER NOT NULL UNIQUE CHECK (number > 0),
        text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
        position   TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES reviewers(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES reviewers(id)
      ) STRICT;
      CREATE INDEX recommendations_by_group ON recommendations(group_id, position);

      CREATE TABLE recommendation_findings (
        recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
        finding_id        TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        position          INTEGER NOT NULL,
        PRIMARY KEY (recommendation_id, finding_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX recommendation_findings_by_finding ON recommendation_findings(finding_id);

      CREATE TABLE matrix_summaries (
        theme_id   TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
        dimension  TEXT NOT NULL,
        value      TEXT NOT NULL,
        text       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES reviewers(id),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL REFERENCES reviewers(id),
        PRIMARY KEY (theme_id, dimension, value)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX matrix_summaries_by_dimension ON matrix_summaries(dimension, theme_id);
    `);
  },
};
