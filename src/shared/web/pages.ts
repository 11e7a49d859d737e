/**
 * How the renderer's pages are served, identical in the Electron protocol and
 * the loopback host: one policy, so a test on the host proves the app's.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Content types for the files the renderer build contains, by extension. */
export const PAGE_MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * A page path (already URL-decoded) to a file inside the renderer folder, or
 * null for anything that could escape it (../, ./, backslashes, NUL). The
 * Electron protocol and the loopback host both serve through it; `join` is
 * the host's path join (this module has no Node).
 */
export function resolvePagePath(pathname: string, rootWithSep: string, join: (...parts: string[]) => string): string | null {
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const segments = relative.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const resolved = join(rootWithSep, ...segments);
  return resolved.startsWith(rootWithSep) ? resolved : null;
}
