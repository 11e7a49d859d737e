import { z } from 'zod';
import { method, None } from './method';

export const AppInfo = z.object({
  version: z.string(),
  /** Electron shows native file dialogs; the loopback host asks for a path in the page. */
  nativeDialogs: z.boolean(),
  /** Where a new workspace is suggested when no dialog is available. */
  defaultFolder: z.string(),
  host: z.enum(['electron', 'loopback']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The app itself: what this host can do, and the window's close. */
export const appMethods = {
  'app.info': method({ input: None, output: AppInfo, doc: 'Version and host capabilities.' }),
  'app.closeAnswer': method({
    input: z.object({ close: z.boolean() }).strict(),
    output: z.null(),
    doc: 'After app.beforeClose: close (every note saved, or the reviewer chose to) or keep the window open.',
  }),
} as const;
