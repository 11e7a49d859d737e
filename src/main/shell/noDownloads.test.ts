import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The renderer never downloads a file itself: exports go through the core,
 * which asks the save dialog and writes atomically (features/files/useSaveFile).
 * Electron cancels every download anyway; this keeps the code from trying.
 */
const RENDERER = fileURLToPath(new URL('../../renderer/', import.meta.url));
const DOWNLOAD = [/\.download\s*=/, /\bdownload=\{?["'{]/, /setAttribute\(\s*['"]download['"]/, /\bdownload:\s*['"`\w]/];

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the renderer', () => {
  it('recognises a download link when it sees one', () => {
    const samples = ["link.download = 'x.qdc';", '<a href={url} download="x.qdc">', "a.setAttribute('download', name)"];
    for (const sample of samples) expect(DOWNLOAD.some((p) => p.test(sample)), sample).toBe(true);
  });

  it('creates no download links', () => {
    const found = sources(RENDERER).filter((path) => DOWNLOAD.some((p) => p.test(readFileSync(path, 'utf8'))));
    expect(found.map((p) => relative(RENDERER, p))).toEqual([]);
  });
});
