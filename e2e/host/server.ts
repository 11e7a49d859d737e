/**
 * The loopback test host: the built renderer and the real core, behind the
 * same contract, over HTTP on 127.0.0.1. Dev and test only; never packaged.
 * Only the transport differs from the Electron app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import type { EventName, EventPayload } from '../../src/shared/contract/events';
import { fail } from '../../src/shared/rpc/result';
import { CONTENT_SECURITY_POLICY, PAGE_MIME_TYPES, resolvePagePath } from '../../src/shared/web/pages';
import { APP_VERSION } from '../../src/shared/version';
import { createCore } from '../../src/main/core';
import { chromiumPrinter } from '../../src/main/core/export/pdf/chromiumPrinter';
import type { PrintPort } from '../../src/main/core/export/pdf/printPort';

const MAX_BODY = 64 * 1024 * 1024;

export interface HostOptions {
  rendererFolder: string;
  settingsFolder: string;
  defaultFolder: string;
  port?: number;
  token?: string;
  /** The largest /rpc body answered (tests lower it); over it, a TOO_LARGE result. */
  maxBodyBytes?: number;
}

export interface LoopbackHost {
  url: string;
  token: string;
  /** Push a contract event to every open page. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, or null when it is over MAX_BODY (then drained, so the answer still reaches the caller). */
function readBody(request: IncomingMessage, limit = MAX_BODY): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0; // keep reading, keep nothing
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}

/**
 * Tests only: hold each PDF this long before printing (FIELDNOTES_TEST_PRINT_DELAY_MS), as a review-scale
 * report takes seconds, so a spec can cancel an export while it runs. The wait ends at once on a cancel.
 */
function testPrinter(): PrintPort {
  const delay = Number(process.env.FIELDNOTES_TEST_PRINT_DELAY_MS ?? 0);
  const printer = chromiumPrinter();
  if (!(delay > 0)) return printer;
  return {
    async printPdf(html, signal) {
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(done, delay);
        signal?.addEventListener('abort', () => (clearTimeout(timer), fail(signal.reason)), { once: true });
      });
      return printer.printPdf(html, signal);
    },
  };
}

export async function startLoopbackHost(options: HostOptions): Promise<LoopbackHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const core = createCore({
    settingsFolder: options.settingsFolder,
    defaultFolder: options.defaultFolder,
    host: 'loopback',
    version: APP_VERSION,
    printer: testPrinter(),
    emit: (event, payload) => broadcast(event, payload),
  });
  const root = options.rendererFolder.endsWith(sep) ? options.rendererFolder : options.rendererFolder + sep;
  const listeners = new Set<ServerResponse>();
  function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const listener of listeners) {
      listener.write(frame);
      // Node holds a response's writes until the next tick; an event sent during one long synchronous step of
      // the core (a migration's progress, workspace.upgrading) must reach the page then, not after it.
      listener.socket?.uncork();
    }
  }
  let origin = '';

  const server = createServer(async (request, response) => {
    // Refuse other Host headers: a page elsewhere cannot reach us by DNS rebinding.
    if (request.headers.host !== origin.replace('http://', '')) {
      send(response, 421, 'text/plain', 'Wrong host');
      return;
    }
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname === '/rpc' && request.method === 'POST') {
      if (!sameToken(request.headers['x-fieldnotes-token'] as string | undefined, token)) {
        send(response, 403, 'application/json', JSON.stringify(fail('UNAVAILABLE', 'Wrong session token.')));
        return;
      }
      let result;
      try {
        const body = await readBody(request, options.maxBodyBytes);
        if (body === null) {
          result = fail('TOO_LARGE', `This request is over the ${Math.round((options.maxBodyBytes ?? MAX_BODY) / 1024 / 1024)} MB a single call may carry. Send a large file in parts.`);
        } else {
          const raw = JSON.parse(body) as { method?: unknown; input?: unknown };
          result = await core.invoke(raw?.method, raw?.input);
        }
      } catch {
        result = fail('INVALID_INPUT', 'The request could not be read.');
      }
      send(response, 200, 'application/json', JSON.stringify(result));
      return;
    }

    if (url.pathname === '/events' && request.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        send(response, 403, 'text/plain', 'Wrong session token.');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }

    if (request.method !== 'GET') {
      send(response, 405, 'text/plain', 'Method not allowed');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(response, 400, 'text/plain', 'Bad path');
      return;
    }
    // The same check as the Electron protocol's (shared/web/pages.ts).
    const file = resolvePagePath(pathname, root, join);
    if (!file) {
      send(response, 404, 'text/plain', 'Not found');
      return;
    }
    try {
      send(response, 200, PAGE_MIME_TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(response, 404, 'text/plain', 'Not found');
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    token,
    emit: broadcast,
    close: () =>
      new Promise<void>((resolve) => {
        for (const listener of listeners) listener.end();
        core.close();
        server.close(() => resolve());
        // An open page reconnects its event stream; without this, close() could wait for ever.
        server.closeAllConnections();
      }),
  };
}
