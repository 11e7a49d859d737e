/**
 * Which passages were said in a turn of a speaker code linked to nobody ("P005:" in an imported file that
 * no one has said is P005; issue 11). Their speaker's consent is unknown, so every export withholds them
 * until the code is linked (export/consent.ts), as it withholds someone not for quotation. The screens ask
 * the same question of the passages they show (services/unknownSpeakers.ts), so what they mark is what an
 * export leaves out.
 */
import type Database from 'better-sqlite3';
import { unknownSpeakersOf } from '../services/unknownSpeakers';

/** Passage id → its turn's speaker code, for each passage said by a code linked to nobody and not given a speaker by hand. */
export function unlinkedSpeakers(db: Database.Database): Map<string, string> {
  return unknownSpeakersOf(db);
}
