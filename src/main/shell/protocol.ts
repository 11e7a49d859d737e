import { readFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, PAGE_MIME_TYPES } from '../../shared/web/pages';
import { APP_SCHEME, resolveAppPath } from './guards';

/** Must run before the app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serve the built renderer from disk; no file:// page is ever loaded. */
export function serveRenderer(rendererFolder: string): void {
  const root = rendererFolder.endsWith(sep) ? rendererFolder : rendererFolder + sep;
  // Every response carries the policy, the refusals too (e2e/electron checks each).
  const headers = (type: string) => ({
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  });
  const notFound = () => new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, root, join);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(body, { headers: headers(PAGE_MIME_TYPES[extname(file)] ?? 'application/octet-stream') });
    } catch {
      return notFound();
    }
  });
}
