#!/usr/bin/env node
// What the tests need from the machine, checked before anything runs (`npm test` and `.ci/run` both call this,
// so a newcomer and CI take one path). Everything missing is either installed — as root on Debian or Ubuntu —
// or named in one message with the command to install it, and the tests stop before a cascade of failures.
//
// Add a package the tests need here (Debian's name, and how to tell it is there); .ci/run installs from this list.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const onPath = (program) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));
const LIBREOFFICE = '/usr/lib/libreoffice/program';

/** Debian package → why the tests need it, and a probe that is true when it is installed. */
export const PREREQUISITES = [
  {
    name: 'chromium',
    why: 'Playwright drives Debian’s Chromium (it cannot download its own); CHROMIUM_PATH picks another',
    present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  {
    name: 'libreoffice-writer-nogui',
    why: 'reads our .docx and makes .docx/.pdf fixtures for the importers',
    present: () => onPath('soffice') && (process.platform !== 'linux' || existsSync(join(LIBREOFFICE, 'libswlo.so'))),
  },
  {
    name: 'libreoffice-calc-nogui',
    why: 'reads our spreadsheets as a third party would',
    present: () => onPath('soffice') && (process.platform !== 'linux' || existsSync(join(LIBREOFFICE, 'libsclo.so'))),
  },
  { name: 'poppler-utils', why: 'pdftotext and pdfinfo read our PDFs', present: () => onPath('pdftotext') && onPath('pdfinfo') },
  {
    name: 'python3-docx',
    why: 'python-docx reads our Word files (the tests run Debian’s /usr/bin/python3)',
    present: () =>
      spawnSync(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', ['-c', 'import docx'], { stdio: 'ignore' })
        .status === 0,
  },
  { name: 'libxml2-utils', why: 'xmllint validates REFI-QDA files against their schemas', present: () => onPath('xmllint') },
  { name: 'unzip', why: 'unzip opens exported .qdpx projects as another program would, for xmllint', present: () => onPath('unzip') },
  {
    name: 'xvfb',
    why: 'a display for the Electron suite where Electron’s binary exists',
    present: () => process.platform !== 'linux' || onPath('Xvfb'),
  },
  {
    name: 'fonts-liberation2',
    why: 'Arial’s metrics (Liberation Sans), so LibreOffice and Chromium lay the report out as Word would',
    present: () => process.platform !== 'linux' || existsSync('/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf'),
  },
  { name: 'librsvg2-bin', why: 'rsvg-convert renders the icons from resources/icon.svg', present: () => onPath('rsvg-convert') },
];

const isDebian = () => process.platform === 'linux' && existsSync('/etc/debian_version') && onPath('apt-get');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function install(names) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  console.log(`Installing what the tests need: ${names.join(' ')}`);
  return apt(['update', '-qq']) && apt(['install', '-y', '-qq', '--no-install-recommends', ...names]);
}

export function ensurePrerequisites() {
  let missing = PREREQUISITES.filter((p) => !p.present());
  if (missing.length === 0) return;
  if (isDebian() && isRoot()) {
    if (install(missing.map((p) => p.name))) missing = PREREQUISITES.filter((p) => !p.present());
  }
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name).join(' ');
  const lines = missing.map((p) => `  ${p.name.padEnd(26)} ${p.why}`);
  const command = isDebian()
    ? `sudo apt-get install --no-install-recommends ${names}`
    : `on Debian or Ubuntu: sudo apt-get install --no-install-recommends ${names}\n  elsewhere: the same programs from your system's packages (Chromium: set CHROMIUM_PATH)`;
  console.error(
    `\nThe tests need programs this machine does not have, so none were run:\n${lines.join('\n')}\n\n` +
      `Install them with:\n  ${command}\nthen run npm test again.\n`,
  );
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensurePrerequisites();
