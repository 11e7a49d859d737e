import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isAppUrl, mayNavigate, resolveAppPath } from './guards';

const root = `${sep}srv${sep}fieldnotes${sep}renderer${sep}`;
const resolve = (url: string) => resolveAppPath(url, root, join);

describe('isAppUrl', () => {
  it.each(['app://fieldnotes/', 'app://fieldnotes/index.html', 'app://fieldnotes/assets/a.js?v=1#x'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://other/',
    'app://fieldnotes.evil.example/',
    'app://fieldnotes:8080/',
    'app://user@fieldnotes.example/',
    'https://fieldnotes/',
    'http://127.0.0.1/',
    'file:///etc/passwd',
    'fieldnotes/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('mayNavigate: the page never leaves the app, and frames inside it go nowhere', () => {
  it('lets the main frame move between our own pages', () => {
    expect(mayNavigate('app://fieldnotes/index.html#/notes', true)).toBe(true);
  });

  it.each(['https://example.com/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'about:blank', ''])(
    'refuses the main frame going to %s',
    (url) => {
      expect(mayNavigate(url, true)).toBe(false);
    },
  );

  it.each(['app://fieldnotes/index.html', 'https://example.com/', 'about:blank'])('refuses a subframe going to %s', (url) => {
    expect(mayNavigate(url, false)).toBe(false);
  });
});

describe('isAllowedRequest: the app makes no network request', () => {
  it.each([
    'https://example.com',
    'https://example.com/app://fieldnotes/',
    'http://127.0.0.1',
    'http://127.0.0.1:5173/index.html',
    'http://localhost/',
    'ws://127.0.0.1:9000/',
    'file:///etc/passwd',
    'app://other/',
    'blob:https://example.com/1234',
    'ftp://example.com/',
  ])('refuses %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it.each([
    'app://fieldnotes/',
    'app://fieldnotes/assets/index.js',
    'data:image/png;base64,AAAA',
    'blob:app://fieldnotes/0b7e6f0e-0000-4000-8000-000000000000',
  ])('allows %s', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });
});

describe('resolveAppPath', () => {
  it('maps app://fieldnotes/ to index.html and other paths inside the renderer folder', () => {
    expect(resolve('app://fieldnotes/')).toBe(`${root}index.html`);
    expect(resolve('app://fieldnotes/index.html?x=1#y')).toBe(`${root}index.html`);
    expect(resolve('app://fieldnotes/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolve('app://fieldnotes/assets/my%20font.woff2')).toBe(join(root, 'assets', 'my font.woff2'));
  });

  it('refuses URLs that are not ours', () => {
    expect(resolve('app://other/index.html')).toBeNull();
    expect(resolve('file:///etc/passwd')).toBeNull();
    expect(resolve('https://example.com/index.html')).toBeNull();
  });

  it.each([
    'app://fieldnotes/..%2f..%2fetc%2fpasswd',
    'app://fieldnotes/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://fieldnotes/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://fieldnotes/..%5c..%5cetc%5cpasswd',
    'app://fieldnotes/a\\..\\..\\etc\\passwd',
    'app://fieldnotes/index.html%00.png',
    'app://fieldnotes/%00',
    'app://fieldnotes/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolve(url)).toBeNull();
  });

  it.each([
    'app://fieldnotes/../../etc/passwd',
    'app://fieldnotes/a/../../../etc/passwd',
    'app://fieldnotes/%2e%2e/%2e%2e/etc/passwd',
    'app://fieldnotes/.%2e/.%2e/etc/passwd',
    'app://fieldnotes//etc/passwd',
    'app://fieldnotes/%2Fetc%2Fpasswd',
    'app://fieldnotes/assets/%2e/app.js',
  ])('keeps %s inside the renderer folder (the URL parser folds the dots first)', (url) => {
    const resolved = resolve(url);
    expect(resolved === null || resolved.startsWith(root)).toBe(true);
    expect(resolved).not.toBe(`${sep}etc${sep}passwd`);
    if (resolved) expect(resolved.slice(root.length).split(sep)).not.toContain('..');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows nothing by default and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
  });
});
