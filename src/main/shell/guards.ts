import { resolvePagePath } from '../../shared/web/pages';

/**
 * Pure checks the shell applies to every URL and IPC sender. Kept free of
 * electron so they are unit-tested under Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldnotes';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Only our own pages, served by our protocol, may load or call the core. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Navigation the shell allows: only a main frame, only to our own pages. The app has no frames of its own,
 * so any frame inside the page navigating anywhere is refused (will-frame-navigate), like the page leaving.
 */
export function mayNavigate(raw: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(raw);
}

/** Requests the session lets through: our pages, and in-memory data the page made itself. */
export function isAllowedRequest(raw: string): boolean {
  if (isAppUrl(raw)) return true;
  return raw.startsWith('data:') || raw.startsWith('blob:app://fieldnotes/');
}

/**
 * Map an app:// URL to a file inside the renderer folder, refusing anything
 * that escapes it (../, encoded slashes, absolute paths).
 */
export function resolveAppPath(raw: string, rootWithSep: string, join: (...parts: string[]) => string): string | null {
  if (!isAppUrl(raw)) return null;
  const url = new URL(raw);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return resolvePagePath(pathname, rootWithSep, join);
}

export { CONTENT_SECURITY_POLICY } from '../../shared/web/pages';
