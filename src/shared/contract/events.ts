import { z } from 'zod';

/** Messages the host pushes to the renderer (menus, lifecycle). */
export const events = {
  /** A menu item or OS action asks the renderer to run a command by id. */
  'app.command': z.object({ id: z.string() }),
  /** The host is about to close the window: flush anything unsaved. */
  'app.beforeClose': z.object({}),
  /** A call changed data: queries of these method namespaces are stale ('*': all of them). See changes.ts. */
  'data.changed': z.object({ namespaces: z.array(z.string()) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);
