import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPath } from '../core/export/pdf/chromiumPrinter';
import { buildReportFixture } from '../core/export/testing/reportFixture';
import { tempFolders } from '../core/testing/tempWorkspace';
import { EXIT, runCli } from './run';

const folders = tempFolders();
let workspace = '';
let folder = '';
let silent = '';
beforeEach(() => {
  const fixture = buildReportFixture(folders);
  fixture.w.close();
  workspace = fixture.w.workspace.path;
  silent = fixture.codes.silent;
  folder = folders.make();
});
afterEach(() => folders.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } as never);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('fieldnotes export --format docx|pdf|csv|xlsx', () => {
  for (const [format, magic] of [
    ['docx', 'PK'],
    ['csv', '\uFEFF'],
    ['xlsx', 'PK'],
    ['pdf', '%PDF'],
  ] as const) {
    it.skipIf(format === 'pdf' && !existsSync(chromiumPath()))(`writes a ${format} and prints the pre-export check`, async () => {
      const out = join(folder, `report.${format}`);
      const run = await cli('export', workspace, '--format', format, '--out', out, '--date', '2019-02-11');
      expect(run.code, run.err).toBe(EXIT.ok);
      expect(readFileSync(out, 'latin1').startsWith(Buffer.from(magic).toString('latin1'))).toBe(true);
      // Progress, a line a phase when stderr is not a terminal (there it is one line rewritten).
      expect(run.err).toContain('Reading the evidence…');
      expect(run.err).toMatch(/^(Writing the (Word document|CSV file|workbook)|Printing the PDF)…$/m);
      expect(run.out).toMatch(/^Pre-export check: [1-9]\d* left out, [1-9]\d* replaced\.$/m);
      expect(run.out).toMatch(new RegExp(`Left out: .*${silent}.* — .*not for quotation`));
      expect(run.out).toMatch(/Replaced: .*→ \[/);
      expect(run.out).toMatch(new RegExp(`Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\)`));
    });
  }

  it('exit codes: 2 for a usage error, 1 for a taken name (before any work, the file kept), 0 with --force', async () => {
    expect((await cli('export', workspace, '--format', 'odt', '--out', join(folder, 'r.odt'))).code).toBe(EXIT.usage);
    const noOut = await cli('export', workspace, '--format', 'docx');
    expect(noOut.code).toBe(EXIT.usage);
    expect(noOut.err).toMatch(/--out FILE\.docx/);
    expect((await cli('export', workspace, '--format', 'docx', '--out', join(folder, 'r.docx'), '--date', '11/02/2019')).code).toBe(EXIT.usage);

    const taken = join(folder, 'taken.csv');
    writeFileSync(taken, 'keep me');
    const refused = await cli('export', workspace, '--format', 'csv', '--out', taken);
    expect(refused.code).toBe(EXIT.problem);
    expect(refused.err).toMatch(/already a file called "taken\.csv"/);
    expect(refused.out).toBe(''); // refused before the check and the work
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    expect((await cli('export', workspace, '--format', 'csv', '--out', taken, '--force')).code).toBe(EXIT.ok);
    expect(readFileSync(taken, 'utf8')).toContain('Theme,Quote');
  });
});

