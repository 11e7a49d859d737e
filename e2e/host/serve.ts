/**
 * Start the loopback host for a person or for Playwright:
 *   tsx e2e/host/serve.ts [--port N] [--data FOLDER]
 * Prints one line, "Fieldnotes loopback host: <url>", then serves until stopped.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLoopbackHost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string', default: resolve('.tmp/web') },
    token: { type: 'string' },
  },
});

const data = resolve(values.data!);
const workspaces = join(data, 'workspaces');
mkdirSync(workspaces, { recursive: true });

async function main(): Promise<void> {
  const host = await startLoopbackHost({
    rendererFolder: resolve(__dirname, '../../out/renderer'),
    settingsFolder: join(data, 'settings'),
    defaultFolder: workspaces,
    port: Number(values.port),
    token: values.token,
  });
  console.log(`Fieldnotes loopback host: ${host.url}/?token=${host.token}`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
