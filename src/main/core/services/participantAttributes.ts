import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AttributeDefinition, NewAttributeDefinition } from '../../../shared/domain/participant';
import { FieldnotesError } from '../../../shared/rpc/result';
import { attributeNamed, deleteAttribute, getAttribute, insertAttribute } from '../store/participantAttributes';

export { getAttribute, listAttributes, writeAttributeValues } from '../store/participantAttributes';

export function defineAttribute(db: Database.Database, input: NewAttributeDefinition, reviewerId: string): AttributeDefinition {
  return db.transaction(() => {
    const clash = attributeNamed(db, input.name);
    if (clash) throw new FieldnotesError('INVALID_INPUT', `There is already an attribute called “${clash}”. Choose another name.`);
    const choices = input.kind === 'choice' ? input.choices : [];
    return insertAttribute(db, { id: randomUUID(), name: input.name, kind: input.kind, choices }, reviewerId, new Date().toISOString());
  })();
}

/** Remove a definition; its values go with it. */
export function removeAttribute(db: Database.Database, id: string): void {
  db.transaction(() => deleteAttribute(db, id))();
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
