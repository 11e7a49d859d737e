import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace, sha256, tempFolders } from '../core/testing/tempWorkspace';
import { exportReportCommand } from './report';

const folders = tempFolders();
afterEach(() => folders.cleanup());

describe('fieldnotes export only reads', () => {
  it('leaves every byte of the workspace as it was', async () => {
    const folder = folders.make();
    const path = join(folder, 'review.fieldnotes');
    makeWorkspace(path, 3);
    const before = sha256(path);
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const code = await exportReportCommand(path, 'csv', { out: join(folder, 'passages.csv') }, io as never);
    expect(code, lines.join('\n')).toBe(0);
    expect(readFileSync(join(folder, 'passages.csv'), 'utf8').length).toBeGreaterThan(0);
    expect(sha256(path)).toBe(before);
  });
});
