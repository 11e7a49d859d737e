import type Database from 'better-sqlite3';
import type { AttributeDefinition } from '../../../shared/domain/participant';
import { FieldnotesError } from '../../../shared/rpc/result';

/** Custom participant attributes (`participant_attributes`) and each participant's values of them. */

interface AttributeRow {
  id: string;
  name: string;
  kind: AttributeDefinition['kind'];
  choices: string;
  position: number;
}

const ATTRIBUTE_COLUMNS = 'id, name, kind, choices, position';

const attributeFromRow = (row: AttributeRow): AttributeDefinition => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  choices: row.kind === 'choice' ? (JSON.parse(row.choices) as string[]) : [],
  position: row.position,
});

export const attributeMissing = (): FieldnotesError =>
  new FieldnotesError('NOT_FOUND', 'That custom attribute no longer exists. Reload the list and try again.');

export function listAttributes(db: Database.Database): AttributeDefinition[] {
  const rows = db.prepare(`SELECT ${ATTRIBUTE_COLUMNS} FROM participant_attributes ORDER BY position, name`).all() as AttributeRow[];
  return rows.map(attributeFromRow);
}

export function getAttribute(db: Database.Database, id: string): AttributeDefinition {
  const row = db.prepare(`SELECT ${ATTRIBUTE_COLUMNS} FROM participant_attributes WHERE id = ?`).get(id) as AttributeRow | undefined;
  if (!row) throw attributeMissing();
  return attributeFromRow(row);
}

/** The attribute already called `name`, ignoring case. */
export function attributeNamed(db: Database.Database, name: string): string | undefined {
  return (db.prepare('SELECT name FROM participant_attributes WHERE name = ? COLLATE NOCASE').get(name) as { name: string } | undefined)?.name;
}

/** Appended after the last attribute. */
export function insertAttribute(
  db: Database.Database,
  attribute: Omit<AttributeDefinition, 'position'>,
  reviewerId: string,
  now: string,
): AttributeDefinition {
  const { position } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS position FROM participant_attributes').get() as { position: number };
  const row: AttributeRow = { ...attribute, choices: JSON.stringify(attribute.kind === 'choice' ? attribute.choices : []), position };
  db.prepare(
    `INSERT INTO participant_attributes(id, name, kind, choices, position, created_at, created_by)
     VALUES (@id, @name, @kind, @choices, @position, @created_at, @created_by)`,
  ).run({ ...row, created_at: now, created_by: reviewerId });
  return attributeFromRow(row);
}

/** Remove a definition; its values go with it (ON DELETE CASCADE). */
export function deleteAttribute(db: Database.Database, id: string): void {
  if (db.prepare('DELETE FROM participant_attributes WHERE id = ?').run(id).changes === 0) throw attributeMissing();
}

/** Write one participant's values (null: clear the value). */
export function writeAttributeValues(db: Database.Database, participantId: string, values: ReadonlyMap<string, string | null>): void {
  const upsert = db.prepare(
    `INSERT INTO participant_attribute_values(participant_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT(participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
  );
  const clear = db.prepare('DELETE FROM participant_attribute_values WHERE participant_id = ? AND attribute_id = ?');
  for (const [attributeId, value] of values) {
    if (value === null) clear.run(participantId, attributeId);
    else upsert.run(participantId, attributeId, value);
  }
}
