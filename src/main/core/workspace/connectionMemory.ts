import type Database from 'better-sqlite3';

/**
 * What the core keeps in memory beside an open workspace's rows — the analysis index, the blocks of the notes
 * being edited — held by the workspace's connection and let go of when the workspace closes (issue 7).
 *
 * Why on the connection, not in a module's map: it is true of what that connection has committed, and another
 * connection to the same file (the CLI, a merge's private copy, a test's second handle) has its own. Services
 * take the database handle and reach their part of it from there with `remembered(db, part)`; nothing else keeps
 * it. `Workspace.close` (which the session's `closeWorkspace` calls) disposes of every part first, so a background
 * build stops and the caches go at once, not whenever the handle is collected.
 */

/** One kind of thing kept per connection: how to make it, and how to let go of it. */
export interface MemoryPart<T> {
  readonly name: string;
  make(db: Database.Database): T;
  dispose?(value: T): void;
}

export const memoryPart = <T>(name: string, make: (db: Database.Database) => T, dispose?: (value: T) => void): MemoryPart<T> => ({
  name,
  make,
  dispose,
});

const MEMORY = Symbol('fieldnotes.connectionMemory');
type Held = Map<MemoryPart<unknown>, unknown>;
type Carrying = Database.Database & { [MEMORY]?: Held };

/** This connection's `part`, made on first use. */
export function remembered<T>(db: Database.Database, part: MemoryPart<T>): T {
  const held = ((db as Carrying)[MEMORY] ??= new Map());
  if (!held.has(part)) held.set(part, part.make(db));
  return held.get(part) as T;
}

/** This connection's `part` if it has been made; never makes one. */
export function heldPart<T>(db: Database.Database, part: MemoryPart<T>): T | undefined {
  return (db as Carrying)[MEMORY]?.get(part) as T | undefined;
}

/** The names of the parts this connection holds (what a test checks is gone after close). */
export const heldParts = (db: Database.Database): string[] => [...((db as Carrying)[MEMORY]?.keys() ?? [])].map((p) => p.name);

/** Dispose of everything kept for this connection (the workspace is closing). */
export function forgetConnection(db: Database.Database): void {
  const held = (db as Carrying)[MEMORY];
  if (!held) return;
  delete (db as Carrying)[MEMORY];
  for (const [part, value] of held) part.dispose?.(value);
}
