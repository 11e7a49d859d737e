import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/rpc/result';
import { invokeHandler, REFUSED_MESSAGE, type FrameLike } from './sender';

/** Stand-ins for Electron's WebContents / WebFrameMain / IpcMainInvokeEvent: only what the check reads. */
const frame = (url: string, extra: Partial<FrameLike> = {}): FrameLike => ({ url, ...extra });
function window(mainUrl = 'app://fieldnotes/index.html', destroyed = false) {
  return { id: 1, mainFrame: frame(mainUrl), isDestroyed: () => destroyed };
}
type Sender = ReturnType<typeof window>;

function setup(known = true) {
  const calls: unknown[] = [];
  const core = {
    invoke: async (method: unknown, input: unknown) => {
      calls.push([method, input]);
      return ok('answered');
    },
  };
  const logged: string[] = [];
  const handle = invokeHandler<Sender>(() => (known ? core : undefined), (m) => logged.push(m));
  return { calls, logged, handle };
}

const refused = { ok: false, error: { code: 'UNAVAILABLE', message: REFUSED_MESSAGE } };

describe('the IPC sender check', () => {
  it('lets our own page’s main frame reach the core', async () => {
    const { calls, handle } = setup();
    const sender = window();
    expect(await handle({ sender, senderFrame: sender.mainFrame }, 'app.info', {})).toEqual(ok('answered'));
    expect(calls).toEqual([['app.info', {}]]);
  });

  it('refuses a subframe, even one showing our own URL', async () => {
    const { calls, logged, handle } = setup();
    const sender = window();
    const subframe = frame('app://fieldnotes/index.html');
    expect(await handle({ sender, senderFrame: subframe }, 'workspace.open', { path: '/etc/x' })).toEqual(refused);
    expect(calls).toEqual([]);
    expect(logged[0]).toMatch(/frame inside the page/);
  });

  it.each([
    ['another origin', 'https://example.com/'],
    ['a look-alike host', 'app://fieldnotes.evil.example/'],
    ['a file: page', 'file:///tmp/index.html'],
    ['the loopback host', 'http://127.0.0.1:5173/'],
    ['a blank page', 'about:blank'],
  ])('refuses the main frame of %s', async (_what, url) => {
    const { calls, logged, handle } = setup();
    const sender = window(url);
    expect(await handle({ sender, senderFrame: sender.mainFrame }, 'app.info', {})).toEqual(refused);
    expect(calls).toEqual([]);
    expect(logged[0]).toMatch(/not Fieldnotes/);
  });

  it('refuses a frame that has gone: null, detached, or whose url can no longer be read', async () => {
    const { calls, handle } = setup();
    const sender = window();
    const gone = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    for (const senderFrame of [null, frame('app://fieldnotes/', { detached: true }), gone]) {
      expect(await handle({ sender, senderFrame }, 'app.info', {})).toEqual(refused);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a window that has closed, and one the shell did not make', async () => {
    const closed = setup();
    const dead = window('app://fieldnotes/', true);
    expect(await closed.handle({ sender: dead, senderFrame: dead.mainFrame }, 'app.info', {})).toEqual(refused);
    const stranger = setup(false);
    const other = window();
    expect(await stranger.handle({ sender: other, senderFrame: other.mainFrame }, 'app.info', {})).toEqual(refused);
    expect([...closed.calls, ...stranger.calls]).toEqual([]);
  });
});
