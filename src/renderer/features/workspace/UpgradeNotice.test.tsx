import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nextUpgrade, upgradeHeadline, UpgradeNotice, type Upgrade } from './UpgradeNotice';

const notice = 'storing each note paragraph by paragraph, once after this update (seconds to a minute for a large review)';
const at = (done: number | null, total: number | null, finished = false): Upgrade => ({ notice, done, total, finished });
const statusOf = (html: string) => /<p class="visually-hidden" role="status">(.*?)<\/p>/.exec(html)?.[1];

describe('the workspace upgrade notice', () => {
  it('says what is happening and how far it is, N of M notes, and why', () => {
    expect(upgradeHeadline(at(null, null))).toBe('Upgrading this workspace to the new format…');
    expect(upgradeHeadline(at(1200, 1600))).toBe('Upgrading this workspace to the new format — 1,200 of 1,600 notes…');
    const html = renderToStaticMarkup(<UpgradeNotice upgrade={at(400, 1600)} />);
    expect(html).toContain('— 400 of 1,600 notes…');
    expect(html).toContain('<progress aria-label="Notes upgraded" value="400" max="1600">');
    expect(html).toContain('Storing each note paragraph by paragraph, once after this update');
  });

  it('is spoken once: the status line does not change as the count goes up', () => {
    const first = statusOf(renderToStaticMarkup(<UpgradeNotice upgrade={at(null, null)} />));
    expect(first).toBe('Upgrading this workspace to the new format. Please wait.');
    expect(statusOf(renderToStaticMarkup(<UpgradeNotice upgrade={at(800, 1600)} />))).toBe(first);
  });

  it('goes when the core says the upgrade is over (or the open failed)', () => {
    expect(nextUpgrade(at(10, 20))).toEqual(at(10, 20));
    expect(nextUpgrade(at(null, null, true))).toBeNull();
  });
});
