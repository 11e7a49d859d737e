// Hostile input at the loopback host's door: an over-limit body gets a typed
// answer the page can show, not a reset connection.
import { expect, test } from './support/fixtures';

test('an /rpc body over the limit is answered with TOO_LARGE, and the host keeps serving', async ({ host, request }) => {
  const token = new URL(host.url).searchParams.get('token')!;
  const huge = JSON.stringify({ method: 'app.info', input: { padding: 'x'.repeat(65 * 1024 * 1024) } });
  const response = await request.post(`${host.origin}/rpc`, { headers: { 'x-fieldnotes-token': token, 'content-type': 'application/json' }, data: huge });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringMatching(/over the 64 MB/) } });
  const after = await request.post(`${host.origin}/rpc`, { headers: { 'x-fieldnotes-token': token }, data: { method: 'app.info', input: {} } });
  expect(await after.json()).toMatchObject({ ok: true });
});
