import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { PREREQUISITES } from './prerequisites.mjs';

const ciRun = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
const prerequisites = PREREQUISITES as { name: string; why: string; present: () => boolean }[];

describe('one path for CI and a newcomer', () => {
  it('.ci/run installs through scripts/prerequisites.mjs, and npm test checks the same list first', () => {
    expect(ciRun).toMatch(/^node scripts\/prerequisites\.mjs$/m);
    // A package added straight to .ci/run would be missing on a newcomer's machine: add it to the list instead.
    expect(ciRun).not.toMatch(/apt-get\s+install/);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toMatch(/^node scripts\/prerequisites\.mjs && /);
  });

  it('names every package the tests use, each with a reason and a probe', () => {
    // At least these; others add what their tests need (read by .ci/run through the same list).
    expect(prerequisites.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'chromium',
        'fonts-liberation2',
        'libreoffice-calc-nogui',
        'libreoffice-writer-nogui',
        'librsvg2-bin',
        'libxml2-utils',
        'poppler-utils',
        'python3-docx',
        'unzip',
        'xvfb',
      ]),
    );
    for (const p of prerequisites) {
      expect(p.why.length).toBeGreaterThan(10);
      expect(typeof p.present()).toBe('boolean');
    }
  });
});
