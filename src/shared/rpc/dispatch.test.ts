// dispatch() on its own, with plain handlers: hostile values that no JSON or
// structured clone would produce must still come back as Results.
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from './dispatch';
import { FieldnotesError } from './result';

function recordingHandlers(answer: (method: string, input: unknown) => unknown) {
  const calls: [string, unknown][] = [];
  const handlers = new Proxy(
    {},
    {
      get: (_target, method: string) => (input: unknown) => {
        calls.push([method, input]);
        return answer(method, input);
      },
    },
  ) as Handlers;
  return { handlers, calls };
}

describe('dispatch', () => {
  it('runs the handler with the parsed (trimmed) input and wraps its value', async () => {
    const { handlers, calls } = recordingHandlers(() => 'done');
    const result = await dispatch(handlers, 'reviewer.set', { name: '  Ada  ', initials: ' AL ' });
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([['reviewer.set', { name: 'Ada', initials: 'AL' }]]);
  });

  it.each([
    ['a prototype-less object', Object.create(null)],
    ['an object whose toString throws', { toString: () => { throw new Error('boom'); } }],
    ['a symbol', Symbol('x')],
    ['a function', () => 'app.info'],
  ])('answers UNKNOWN_METHOD for %s as the method name', async (_label, method) => {
    const { handlers, calls } = recordingHandlers(() => 'never');
    const result = await dispatch(handlers, method, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a throwing getter', { get name(): string { throw new Error('getter'); }, initials: 'A' }],
    ['a throwing proxy', new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('keys'); } })],
  ])('answers INVALID_INPUT for input with %s, without calling the handler', async (_label, input) => {
    const { handlers, calls } = recordingHandlers(() => 'never');
    const result = await dispatch(handlers, 'reviewer.set', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('turns a FieldnotesError into its code and message, logging nothing', async () => {
    const logged: unknown[] = [];
    const { handlers } = recordingHandlers(() => {
      throw new FieldnotesError('NO_WORKSPACE', 'Open one first.');
    });
    const result = await dispatch(handlers, 'engagements.list', {}, (m) => logged.push(m));
    expect(result).toEqual({ ok: false, error: { code: 'NO_WORKSPACE', message: 'Open one first.' } });
    expect(logged).toEqual([]);
  });

  it('hides an unexpected error (thrown or rejected) behind INTERNAL and logs it', async () => {
    for (const answer of [
      () => {
        throw new Error('secret detail');
      },
      () => Promise.reject(new Error('secret detail')),
    ]) {
      const logged: [string, unknown][] = [];
      const { handlers } = recordingHandlers(answer);
      const result = await dispatch(handlers, 'app.info', {}, (m, d) => logged.push([m, d]));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('secret detail');
      expect(logged).toEqual([['app.info failed', expect.objectContaining({ message: 'secret detail' })]]);
    }
  });

  it("lets the host's explain() name a known failure, and logs the original", async () => {
    const logged: [string, unknown][] = [];
    const cause = Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' });
    const { handlers } = recordingHandlers(() => {
      throw cause;
    });
    const explain = (error: unknown) =>
      (error as { code?: string }).code === 'SQLITE_FULL' ? new FieldnotesError('DISK_FULL', 'The disk is full.') : undefined;
    const result = await dispatch(handlers, 'app.info', {}, (m, d) => logged.push([m, d]), explain);
    expect(result).toEqual({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full.' } });
    expect(logged).toEqual([['app.info failed: DISK_FULL', cause]]);

    const unexplained = await dispatch(recordingHandlers(() => { throw new Error('other'); }).handlers, 'app.info', {}, () => {}, explain);
    expect(unexplained).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
