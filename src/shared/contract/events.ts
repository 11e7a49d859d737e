import { z } from 'zod';

/** Messages the host pushes to the renderer (menus, lifecycle). */
export const events = {
  /** A menu item or OS action asks the renderer to run a command by id. */
  'app.command': z.object({ id: z.string() }),
  /** The host is about to close the window: flush anything unsaved. */
  'app.beforeClose': z.object({}),
  /** A call changed data: queries of these method namespaces are stale ('*': all of them). See changes.ts. */
  'data.changed': z.object({ namespaces: z.array(z.string()) }),
  /**
   * The workspace being opened is being upgraded to this version's format by a migration that can take long
   * (its notice: what it does); `done` of `total` notes so far when it counts them; `finished` once it is over,
   * or the open failed. The page says so while the open call waits.
   */
  'workspace.upgrading': z.object({
    notice: z.string(),
    done: z.number().int().nullable(),
    total: z.number().int().nullable(),
    finished: z.boolean(),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);
