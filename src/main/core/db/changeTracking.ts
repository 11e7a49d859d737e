import type Database from 'better-sqlite3';

/**
 * Who changed what, when and where — for every record, whoever writes it
 * (issue 10). A merge needs it to tell "changed there" from "never had it" and
 * "deleted there" from "never had it".
 *
 * Each record of a tracked table has a row in `record_stamps` (table, record id):
 * - `created_at`, `created_by`: from the record where it says, else its parent
 *   or the acting reviewer;
 * - `changed_at`, `changed_by`, `changed_in`: when, by whom (a reviewer id) and
 *   on which installation (settings' installationId) it last changed;
 * - `versions`: a version vector, `{session: count}`, one entry per session
 *   (one opening of the file) that changed the record. A merge compares
 *   vectors: one that covers the other has seen every change it holds; neither
 *   covering the other means both sides changed it apart;
 * - `field_clocks`: `{column: [time, session, count]}` — the change that last
 *   set each column (absent or null: unchanged since creation). A merge takes
 *   each column from the side whose change the other had not seen; when
 *   neither had seen the other's, both changed it apart: the later wins and the
 *   other is kept in the record's history (a note's text: a conflict copy).
 * Every deletion turns the stamp into a tombstone (table, record id, when, who,
 * where, and the vector the record had), so a merge removes a record only where
 * the deletion had seen its last change.
 *
 * Why a table beside the records and not columns in them: the tables' own
 * columns keep their meaning (an engagement never edited still shows no
 * "edited" time), and a stamp is a small row — a note of 50,000 words is not
 * written twice on every autosave.
 *
 * Why triggers and not the store modules' write functions: the stamping must
 * not depend on every write path remembering it (several are being moved into
 * the store layer this session, and SQLite's own cascades delete and set-null
 * rows no module sees). The triggers read the acting reviewer, installation and
 * session from the one-row `change_actor` table (store/changeLog.ts), which the
 * core sets when it opens a workspace and records the reviewer. A merge turns
 * `stamping` off while it writes records carrying their own stamps.
 *
 * The triggers are rebuilt from the tables' current columns whenever a
 * migration ran (db/migrate.ts), so a column added later is clocked too.
 */

export interface TrackedTable {
  table: string;
  /** The primary key's columns; a record id is the one column's text, or a JSON array of them. */
  key: readonly string[];
  /** Who made a row, for tables without `created_by` (SQL over the row's alias; NULL: the acting reviewer). */
  creator?: (row: string) => string;
  /** When, for tables without `created_at`. */
  createdAt?: (row: string) => string;
  /**
   * Columns computed from others (a note's text from its document, a passage's
   * offsets from its note's marks): a change of them alone is no change of the
   * record, and a merge recomputes them. Typing before a thousand passages
   * moves them all; it must not restamp them all.
   */
  derived?: readonly string[];
  /**
   * When a column counts as changed, where that is not its own value changing: a note's text lives in
   * `note_blocks` (migration 0015) and its `document` column holds only the frame, so the note's text
   * changed exactly when its revision moved.
   */
  changedWhen?: Readonly<Record<string, string>>;
}

/** A record that says itself who made it and when, in columns of other names. */
const madeBy = (by: string, at: string): Pick<TrackedTable, 'creator' | 'createdAt'> => ({
  creator: (row) => `${row}.${by}`,
  createdAt: (row) => `${row}.${at}`,
});

/** A link made with its parent (a participant's attribute value, a finding's theme): made by whoever made the parent, then. */
const madeWith = (parent: string, foreignKey: string): Pick<TrackedTable, 'creator' | 'createdAt'> => {
  const alias = parent[0]!;
  const column = (name: string) => (row: string) => `(SELECT ${alias}.${name} FROM ${parent} ${alias} WHERE ${alias}.id = ${row}.${foreignKey})`;
  return { creator: column('created_by'), createdAt: column('created_at') };
};

/** The tables a merge unites, parents before children (the order rows are copied in). */
export const TRACKED_TABLES: readonly TrackedTable[] = [
  { table: 'engagement_types', key: ['id'] },
  { table: 'engagements', key: ['id'] },
  { table: 'participant_attributes', key: ['id'] },
  { table: 'participants', key: ['id'] },
  { table: 'participant_attribute_values', key: ['participant_id', 'attribute_id'], ...madeWith('participants', 'participant_id') },
  { table: 'engagement_participants', key: ['engagement_id', 'participant_id'], ...madeWith('engagements', 'engagement_id') },
  {
    table: 'notes',
    key: ['id'],
    derived: ['plain_text', 'word_count', 'revision'],
    changedWhen: { document: 'NEW.document IS NOT OLD.document OR NEW.revision IS NOT OLD.revision' },
  },
  {
    table: 'note_speakers',
    key: ['note_id', 'code'],
    creator: (row) => `coalesce(${row}.linked_by, (SELECT n.created_by FROM notes n WHERE n.id = ${row}.note_id))`,
    createdAt: (row) => `coalesce(${row}.linked_at, (SELECT n.created_at FROM notes n WHERE n.id = ${row}.note_id))`,
  },
  { table: 'attachments', key: ['id'] },
  { table: 'themes', key: ['id'] },
  { table: 'passages', key: ['id'], derived: ['start_offset', 'end_offset', 'quoted_text', 'detached'] },
  { table: 'passage_themes', key: ['passage_id', 'theme_id'], ...madeBy('tagged_by', 'tagged_at') },
  { table: 'findings', key: ['id'] },
  { table: 'finding_themes', key: ['finding_id', 'theme_id'], ...madeWith('findings', 'finding_id') },
  { table: 'finding_passages', key: ['finding_id', 'passage_id'], ...madeBy('added_by', 'added_at') },
  { table: 'recommendation_groups', key: ['id'] },
  { table: 'recommendations', key: ['id'] },
  { table: 'recommendation_findings', key: ['recommendation_id', 'finding_id'], ...madeWith('recommendations', 'recommendation_id') },
  { table: 'matrix_summaries', key: ['theme_id', 'dimension', 'value'] },
];

export const trackedTable = (table: string): TrackedTable => {
  const found = TRACKED_TABLES.find((t) => t.table === table);
  if (!found) throw new Error(`${table} is not a tracked table`);
  return found;
};

export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((c) => c.name);
}

/** The data columns of a table: all but its key and what is derived. */
export function dataColumns(db: Database.Database, spec: TrackedTable): string[] {
  return columnsOf(db, spec.table).filter((c) => !spec.key.includes(c) && !spec.derived?.includes(c));
}

/** SQL for a record's id from a row alias (`NEW`, `OLD`, `t`). */
export const recordIdSql = (spec: TrackedTable, alias: string): string =>
  spec.key.length === 1 ? `${alias}.${spec.key[0]}` : `json_array(${spec.key.map((k) => `${alias}.${k}`).join(', ')})`;

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const ACTOR = '(SELECT reviewer_id FROM change_actor)';
const INSTALLATION = '(SELECT installation_id FROM change_actor)';
const SESSION_PATH = `'$."' || coalesce((SELECT session_id FROM change_actor), 'unknown') || '"'`;
const STAMPING = '(SELECT stamping FROM change_actor) IS NOT 0';

/** `versions` with this session's count raised by one. */
const bumped = (versions: string) =>
  `json_set(${versions}, ${SESSION_PATH}, coalesce(json_extract(${versions}, ${SESSION_PATH}), 0) + 1)`;

function creation(db: Database.Database, spec: TrackedTable, row: string): { at: string; by: string } {
  const have = new Set(columnsOf(db, spec.table));
  return {
    at: have.has('created_at') ? `${row}.created_at` : (spec.createdAt?.(row) ?? 'NULL'),
    by: have.has('created_by') ? `${row}.created_by` : (spec.creator?.(row) ?? 'NULL'),
  };
}

/** Stamps for records made before tracking began: made and last changed as the rows say, no vector yet. */
function stampExisting(db: Database.Database, spec: TrackedTable): void {
  const have = new Set(columnsOf(db, spec.table));
  const made = creation(db, spec, 't');
  const changedAt = have.has('updated_at') ? `coalesce(t.updated_at, ${made.at})` : made.at;
  const changedBy = have.has('updated_by') ? `coalesce(t.updated_by, ${made.by})` : made.by;
  db.exec(`INSERT OR IGNORE INTO record_stamps(table_name, record_id, created_at, created_by, changed_at, changed_by)
    SELECT '${spec.table}', ${recordIdSql(spec, 't')}, ${made.at}, ${made.by}, ${changedAt}, ${changedBy} FROM ${spec.table} t`);
}

function triggersFor(db: Database.Database, spec: TrackedTable): string[] {
  const sql: string[] = [];
  const t = spec.table;
  const data = dataColumns(db, spec);
  const made = creation(db, spec, 'NEW');
  const stampOf = (alias: string) => `table_name = '${t}' AND record_id = ${recordIdSql(spec, alias)}`;
  const tombstone = (alias: string) => `
    INSERT INTO tombstones(table_name, record_id, deleted_at, deleted_by, deleted_in, versions)
    SELECT '${t}', ${recordIdSql(spec, alias)}, ${NOW}, ${ACTOR}, ${INSTALLATION},
      coalesce((SELECT versions FROM record_stamps WHERE ${stampOf(alias)}), '{}')
    ON CONFLICT(table_name, record_id) DO UPDATE SET deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by,
      deleted_in = excluded.deleted_in, versions = excluded.versions;
    DELETE FROM record_stamps WHERE ${stampOf(alias)};`;

  // A record made again after a deletion starts from the tombstone's vector, so it is seen as newer than the deletion.
  sql.push(`CREATE TRIGGER ct_${t}_insert AFTER INSERT ON ${t} WHEN ${STAMPING} BEGIN
    INSERT OR REPLACE INTO record_stamps(table_name, record_id, created_at, created_by, changed_at, changed_by, changed_in, versions)
    VALUES ('${t}', ${recordIdSql(spec, 'NEW')}, coalesce(${made.at}, ${NOW}), coalesce(${made.by}, ${ACTOR}), ${NOW},
      coalesce(${ACTOR}, ${made.by}), ${INSTALLATION},
      ${bumped(`coalesce((SELECT versions FROM tombstones WHERE ${stampOf('NEW')}), '{}')`)});
  END;`);

  sql.push(`CREATE TRIGGER ct_${t}_delete AFTER DELETE ON ${t} WHEN ${STAMPING} BEGIN ${tombstone('OLD')} END;`);

  // A change of key (a theme combined into another moves its tags) is the old record deleted and a new one made.
  const keyChanged = spec.key.map((k) => `NEW.${k} IS NOT OLD.${k}`).join(' OR ');
  sql.push(`CREATE TRIGGER ct_${t}_rekey AFTER UPDATE ON ${t} WHEN ${STAMPING} AND (${keyChanged}) BEGIN
    ${tombstone('OLD')}
    INSERT OR REPLACE INTO record_stamps(table_name, record_id, created_at, created_by, changed_at, changed_by, changed_in, versions)
    VALUES ('${t}', ${recordIdSql(spec, 'NEW')}, ${NOW}, ${ACTOR}, ${NOW}, ${ACTOR}, ${INSTALLATION},
      ${bumped(`coalesce((SELECT versions FROM tombstones WHERE ${stampOf('NEW')}), '{}')`)});
  END;`);

  if (data.length === 0) return sql;
  const changedOne = (c: string) => `(${spec.changedWhen?.[c] ?? `NEW.${c} IS NOT OLD.${c}`})`;
  const changed = data.map(changedOne).join(' OR ');
  // The count is the session's entry in the vector after this change (the vector is bumped in the same UPDATE);
  // the dot is built once per change, in a subquery, not once per column.
  const dot = `json_array(${NOW}, coalesce((SELECT session_id FROM change_actor), 'unknown'), coalesce(json_extract(versions, ${SESSION_PATH}), 0) + 1)`;
  const clocks = data.map((c) => `'$.${c}', CASE WHEN ${changedOne(c)} THEN json(d.dot) ELSE field_clocks -> '$.${c}' END`).join(', ');
  sql.push(`CREATE TRIGGER ct_${t}_update AFTER UPDATE ON ${t} WHEN ${STAMPING} AND NOT (${keyChanged}) AND (${changed}) BEGIN
    INSERT INTO record_stamps(table_name, record_id, created_at, created_by) VALUES ('${t}', ${recordIdSql(spec, 'NEW')}, ${made.at}, ${made.by})
    ON CONFLICT(table_name, record_id) DO NOTHING;
    UPDATE record_stamps SET
      changed_at = ${NOW},
      changed_by = coalesce(${ACTOR}, changed_by),
      changed_in = ${INSTALLATION},
      versions = ${bumped('versions')},
      field_clocks = (SELECT json_set(field_clocks, ${clocks}) FROM (SELECT ${dot} AS dot) d)
    WHERE ${stampOf('NEW')};
  END;`);
  return sql;
}

/**
 * The stamps and tombstones tables, a stamp for every record already there,
 * and every tracked table's triggers (re)built from its current columns.
 * Idempotent; runs inside a migration's transaction.
 */
export function installChangeTracking(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS change_actor (
      only            INTEGER PRIMARY KEY CHECK (only = 1),
      reviewer_id     TEXT,
      installation_id TEXT,
      session_id      TEXT,
      stamping        INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE TABLE IF NOT EXISTS record_stamps (
      table_name   TEXT NOT NULL,
      record_id    TEXT NOT NULL,
      created_at   TEXT,
      created_by   TEXT,
      changed_at   TEXT,
      changed_by   TEXT,
      changed_in   TEXT,
      versions     TEXT NOT NULL DEFAULT '{}',
      field_clocks TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (table_name, record_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS tombstones (
      table_name TEXT NOT NULL,
      record_id  TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      deleted_by TEXT,
      deleted_in TEXT,
      versions   TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (table_name, record_id)
    ) STRICT, WITHOUT ROWID;
  `);
  const triggers = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'ct\\_%' ESCAPE '\\'`).all() as { name: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  // A table a later migration makes (note_speakers, 0014) is tracked once it exists: triggers are rebuilt after each migration.
  const present = TRACKED_TABLES.filter((spec) => columnsOf(db, spec.table).length > 0);
  for (const spec of present) stampExisting(db, spec);
  // One exec for all: far quicker than one call per trigger when every new workspace builds them.
  db.exec(present.flatMap((spec) => triggersFor(db, spec)).join('\n'));
}
