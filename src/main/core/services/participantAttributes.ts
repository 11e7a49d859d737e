import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AttributeDefinition, NewAttributeDefinition } from '../../../shared/domain/participant';
import { FieldnotesError } from '../../../shared/rpc/result';

interface AttributeRow {
  id: string;
  name: string;
  kind: AttributeDefinition['kind'];
  choices: string;
  position: number;
}

const fromRow = (row: AttributeRow): AttributeDefinition => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  choices: row.kind === 'choice' ? (JSON.parse(row.choices) as string[]) : [],
  position: row.position,
});

export function listAttributes(db: Database.Database): AttributeDefinition[] {
  const rows = db
    .prepare('SELECT id, name, kind, choices, position FROM participant_attributes ORDER BY position, name')
    .all() as AttributeRow[];
  return rows.map(fromRow);
}

export function getAttribute(db: Database.Database, id: string): AttributeDefinition {
  const row = db
    .prepare('SELECT id, name, kind, choices, position FROM participant_attributes WHERE id = ?')
    .get(id) as AttributeRow | undefined;
  if (!row) {
    throw new FieldnotesError('NOT_FOUND', 'That custom attribute no longer exists. Reload the list and try again.');
  }
  return fromRow(row);
}

export function defineAttribute(
  db: Database.Database,
  input: NewAttributeDefinition,
  reviewerId: string,
): AttributeDefinition {
  return db.transaction(() => {
    const clash = db
      .prepare('SELECT name FROM participant_attributes WHERE name = ? COLLATE NOCASE')
      .get(input.name) as { name: string } | undefined;
    if (clash) {
      throw new FieldnotesError(
        'INVALID_INPUT',
        `There is already an attribute called “${clash.name}”. Choose another name.`,
      );
    }
    const { position } = db
      .prepare('SELECT coalesce(max(position), 0) + 1 AS position FROM participant_attributes')
      .get() as { position: number };
    const row: AttributeRow = {
      id: randomUUID(),
      name: input.name,
      kind: input.kind,
      choices: JSON.stringify(input.kind === 'choice' ? input.choices : []),
      position,
    };
    db.prepare(
      `INSERT INTO participant_attributes(id, name, kind, choices, position, created_at, created_by)
       VALUES (@id, @name, @kind, @choices, @position, @created_at, @created_by)`,
    ).run({ ...row, created_at: new Date().toISOString(), created_by: reviewerId });
    return fromRow(row);
  })();
}

/** Remove a definition; its values go with it (ON DELETE CASCADE). */
export function removeAttribute(db: Database.Database, id: string): void {
  db.transaction(() => {
    getAttribute(db, id);
    db.prepare('DELETE FROM participant_attributes WHERE id = ?').run(id);
  })();
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** A number as typed ("12", " 3.50 ") in one canonical text form ("12", "3.5"), or null if it is not one. */
export function canonicalNumber(value: string | number): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  const text = value.trim();
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? String(n) : null;
}

/**
 * Check each value against its attribute's kind and turn it into the text
 * stored: null means "clear this value". The message names the attribute and
 * says what it accepts.
 */
export function normaliseAttributeValues(
  db: Database.Database,
  values: Record<string, string | number | null>,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [attributeId, raw] of Object.entries(values)) {
    const attribute = getAttribute(db, attributeId);
    const text = raw === null ? '' : String(raw).trim();
    if (text === '') {
      out.set(attributeId, null);
      continue;
    }
    if (attribute.kind === 'number') {
      const number = canonicalNumber(raw as string | number);
      if (number === null) {
        throw new FieldnotesError('INVALID_INPUT', `“${attribute.name}” must be a number, such as 12 or 3.5.`);
      }
      out.set(attributeId, number);
    } else if (attribute.kind === 'choice') {
      if (!attribute.choices.includes(text)) {
        throw new FieldnotesError(
          'INVALID_INPUT',
          `“${attribute.name}” must be one of: ${attribute.choices.join(', ')}.`,
        );
      }
      out.set(attributeId, text);
    } else {
      out.set(attributeId, text);
    }
  }
  return out;
}

/** Write normalised values for one participant (inside the caller's transaction). */
export function writeAttributeValues(
  db: Database.Database,
  participantId: string,
  values: Map<string, string | null>,
): void {
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
