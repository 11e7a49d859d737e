// A bench's loopback host on a copy of a generated workspace, with a caller for the core's RPC. Bench only.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../../e2e/support/host';

/** The host serving the real renderer and core, on a copy of `source` (the generated workspace stays as it is). */
export async function benchHost(source: string, prefix: string) {
  const data = mkdtempSync(join(tmpdir(), `${prefix}-`));
  mkdirSync(join(data, 'workspaces'), { recursive: true });
  const workspace = join(data, 'workspaces', 'review.fieldnotes');
  copyFileSync(source, workspace);
  const host = await startHost(data);
  const token = new URL(host.url).searchParams.get('token')!;
  /** One call to the core, as the page makes it; a refusal throws with the core's message. */
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${host.origin}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fieldnotes-token': token },
      body: JSON.stringify({ method, input }),
    });
    const result = (await response.json()) as { ok: boolean; error?: { message: string } };
    if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  };
  return { data, workspace, host, call };
}
