import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SaveIndicator } from './SaveIndicator';

const alertOf = (html: string) => /<span role="alert">(.*?)<\/span>/.exec(html)?.[1];

describe('SaveIndicator', () => {
  it('announces a failed save once: the alert holds no countdown, so the next second changes nothing in it', () => {
    const at5 = renderToStaticMarkup(<SaveIndicator status={{ kind: 'failed', message: 'The disk is full.', retryInMs: 5000 }} />);
    const at4 = renderToStaticMarkup(<SaveIndicator status={{ kind: 'failed', message: 'The disk is full.', retryInMs: 4000 }} />);
    expect(alertOf(at5)).toContain('Not saved — The disk is full.');
    expect(alertOf(at5)).toBe(alertOf(at4));
    expect(at5).toContain('Retrying in 5 s.');
    expect(at4).toContain('Retrying in 4 s.');
  });

  it('says nothing aloud while all is well', () => {
    expect(renderToStaticMarkup(<SaveIndicator status={{ kind: 'saving' }} />)).not.toMatch(/role=|aria-live/);
  });
});
