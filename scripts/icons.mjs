#!/usr/bin/env node
// Render resources/icon.svg into the PNG sizes the installers need (resources/icons/NxN.png, and
// resources/icon.png at 1024 for macOS and Windows, which electron-builder turns into .icns and .ico).
// The PNGs are committed, so `npm run dist` needs no SVG renderer; run this after changing the SVG.
// Needs rsvg-convert (Debian: librsvg2-bin; macOS: brew install librsvg).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const resources = fileURLToPath(new URL('../resources/', import.meta.url));

function render(size, to) {
  const result = spawnSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', to, `${resources}icon.svg`], {
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    console.error(`rsvg-convert could not render ${to}: ${result.error?.message ?? result.stderr}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(`${resources}icons`, { recursive: true });
  for (const size of ICON_SIZES) render(size, `${resources}icons/${size}x${size}.png`);
  render(1024, `${resources}icon.png`);
  console.log(`Rendered resources/icon.png and resources/icons/{${ICON_SIZES.join(',')}}.png`);
}
