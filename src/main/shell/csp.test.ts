import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/web/pages';

const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));

describe('content security policy', () => {
  it('the page’s own meta policy says what the protocol sends (frame-ancestors only works as a header)', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const sent = directives(CONTENT_SECURITY_POLICY);
    sent.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(sent);
  });

  it('allows no inline script, no eval and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(directives(CONTENT_SECURITY_POLICY).get('default-src')).toBe("'none'");
  });
});
