import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The REFI-QDA GUID of one of our records. Our ids are UUIDs and are used as
 * they are, so the same workspace exports the same GUIDs every time and a tool
 * that re-imports can recognise what it has seen. Anything else (an id that is
 * not a UUID, or an element with no record of its own, such as the coding of a
 * passage with one theme) gets a name-based UUID (version 5 layout over
 * SHA-1) of its kind and key: stable too, and distinct between kinds.
 */
export function guidFor(kind: string, key: string): string {
  if (kind === 'record' && UUID.test(key)) return key.toLowerCase();
  const hash = createHash('sha1').update(`fieldnotes:${kind}:${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A record's own GUID (see guidFor). */
export const recordGuid = (id: string) => guidFor('record', id);

export const isGuid = (value: string) => UUID.test(value) || /^\{[0-9a-f-]{36}\}$/i.test(value);

/** GUIDs compare without braces and case: ATLAS.ti writes upper case, NVivo lower. */
export const normaliseGuid = (value: string) => value.trim().replace(/^\{|\}$/g, '').toLowerCase();
