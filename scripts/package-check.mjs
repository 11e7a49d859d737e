#!/usr/bin/env node
// `npm run test:package`: build what of the installed app can be built without Electron's binary, and check it.
//
// Electron's binary cannot be downloaded on our machines, so electron-builder packs the app (`--linux dir`)
// around a stand-in Electron distribution: a folder with the layout electron-builder copies, whose "binary" is
// a few bytes holding Electron's fuse sentinel and a fuse wire in Electron's default states. electron-builder
// then does everything it does for a real build up to the installer: the asar archive, the unpacked native
// module, the resources, and flipping the fuses. This script reads all of that back and fails on any mismatch.
//
// What it cannot build or run here is printed at the end (and in the README): the installers themselves and a
// launch of the packaged app.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICON_SIZES } from './icons.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
/** The marker @electron/fuses looks for in Electron's binary (its constants module, not exported). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const yaml = require('js-yaml');

/** What electron-builder.yml must set; read back from the packed binary. 48 is '0' (off), 49 is '1' (on). */
export const EXPECTED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};
/** Electron's own defaults, so a fuse electron-builder failed to flip shows as wrong. */
const ELECTRON_DEFAULT_FUSES = [1, 0, 1, 1, 0, 0, 0, 1];

const NOT_BUILT =
  'NOT BUILT OR RUN HERE (no Electron binary, no network): the installers themselves — AppImage (electron-builder ' +
  'downloads appimagetool), deb (downloads fpm), dmg (macOS only), NSIS (downloads NSIS; Windows or wine) — ' +
  'better-sqlite3 rebuilt for Electron’s ABI (needs Electron’s headers; the stand-in packs the Node build), ' +
  'ASAR integrity hashes in the binary (macOS and Windows only), and launching the packaged app. ' +
  'Build them with `npm run dist` on a machine with internet (see README).';

const step = (text) => console.log(`  ✓ ${text}`);

function standInElectron(folder) {
  mkdirSync(join(folder, 'resources'), { recursive: true });
  mkdirSync(join(folder, 'locales'), { recursive: true });
  // A real Electron binary carries the sentinel, the wire version (1), the wire length, then one byte per fuse.
  const wire = Buffer.from([1, ELECTRON_DEFAULT_FUSES.length, ...ELECTRON_DEFAULT_FUSES.map((on) => (on ? 49 : 48))]);
  const binary = Buffer.concat([Buffer.from('stand-in for Electron, not a program\0'), Buffer.from(SENTINEL), wire]);
  writeFileSync(join(folder, 'electron'), binary);
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'version'), require('electron/package.json').version);
  writeFileSync(join(folder, 'LICENSE'), 'stand-in');
  writeFileSync(join(folder, 'LICENSES.chromium.html'), 'stand-in');
}

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${what} failed (exit ${result.status}); its output is above.`);
  }
  return result.stdout;
}

function checkConfig() {
  const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
  assert.equal(config.productName, 'Fieldnotes');
  assert.match(config.appId, /^[a-z]+(\.[a-z]+)+$/);
  assert.equal(config.version, undefined, 'the version comes from package.json, never from the builder config');
  assert.deepEqual(
    { oneClick: config.nsis.oneClick, perMachine: config.nsis.perMachine, allowElevation: config.nsis.allowElevation },
    { oneClick: false, perMachine: false, allowElevation: false },
    'NSIS installs per user and never asks for an administrator',
  );
  assert.equal(config.mac.target, 'dmg');
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  assert.ok(config.fileAssociations.some((a) => a.ext === 'fieldnotes'), '.fieldnotes opens Fieldnotes');
  step('electron-builder.yml: per-user NSIS (oneClick, perMachine, allowElevation all false), dmg, AppImage + deb, .fieldnotes association');
}

/** The committed icons are the sizes each platform needs (rendered from resources/icon.svg by scripts/icons.mjs). */
function checkIcons() {
  const size = (file) => {
    const png = readFileSync(join(ROOT, 'resources', file));
    assert.equal(png.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };
  assert.deepEqual(size('icon.png'), [1024, 1024], 'resources/icon.png is 1024 px (macOS .icns, Windows .ico)');
  for (const n of ICON_SIZES) assert.deepEqual(size(`icons/${n}x${n}.png`), [n, n], `resources/icons/${n}x${n}.png`);
  step(`icons from resources/icon.svg: icon.png 1024 px and icons/ at ${ICON_SIZES.join(', ')} px`);
}

function checkAsar(appOutDir) {
  const archive = join(appOutDir, 'resources', 'app.asar');
  const files = asar.listPackage(archive, { isPack: false }).map((f) => f.split('\\').join('/'));
  for (const needed of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
    assert.ok(files.includes(needed), `${needed} is in the asar`);
  }
  assert.ok(files.some((f) => /^\/out\/renderer\/assets\/.+\.js$/.test(f)), 'the renderer’s script is in the asar');
  const ours = files.filter((f) => !f.startsWith('/node_modules/'));
  const forbidden = ours.filter((f) => /^\/(src|e2e|bench|scripts|docs|resources|\.tmp|\.ci)\/|\.(test|spec)\.|\.map$|host/.test(f));
  assert.deepEqual(forbidden, [], 'no sources, tests, bench, loopback host or source maps in the asar');
  const devOnly = ['electron', 'electron-builder', 'electron-vite', 'vitest', 'playwright-core', '@playwright/test', 'tsx', 'typescript', 'react', 'react-dom'];
  const packedDev = devOnly.filter((name) => files.some((f) => f.startsWith(`/node_modules/${name}/`)));
  assert.deepEqual(packedDev, [], 'no development-only package in the asar');
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  const ourManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(manifest.version, ourManifest.version, 'the packed version is package.json’s');
  assert.equal(manifest.main, 'out/main/index.js');
  step(`asar: ${files.length} entries; main, preload and renderer present; ${ours.length} of them ours, none a source, test, bench file or the host`);

  const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  assert.ok(existsSync(join(appOutDir, 'resources', 'app.asar.unpacked', native)), `${native} is unpacked beside the asar`);
  const header = asar.statFile(archive, native);
  assert.equal(header.unpacked, true, 'the asar marks the native module as unpacked, so Electron loads it from disk');
  step(`native module unpacked: app.asar.unpacked/${native}`);

  assert.ok(existsSync(join(appOutDir, 'resources', 'icon.png')), 'the window icon is in resources/');
  step('resources/icon.png (the window and About icon) beside the asar');
}

async function checkFuses(appOutDir) {
  const wire = await getCurrentFuseWire(join(appOutDir, 'fieldnotes'));
  const readBack = {};
  for (const [name, expected] of Object.entries(EXPECTED_FUSES)) {
    const state = wire[FuseV1Options[name]];
    readBack[name] = state === 49 ? 'on' : state === 48 ? 'off' : `unknown (${state})`;
    assert.equal(readBack[name], expected ? 'on' : 'off', `fuse ${name}`);
  }
  step('fuses read back from the packed binary:');
  for (const [name, state] of Object.entries(readBack)) console.log(`      ${name.padEnd(40)} ${state}`);
}

async function main() {
  console.log('Package check: electron-builder --linux dir around a stand-in Electron distribution');
  checkConfig();
  checkIcons();
  run('npx', ['electron-vite', 'build'], 'electron-vite build');
  step('electron-vite build');
  const work = mkdtempSync(join(tmpdir(), 'fieldnotes-package-'));
  try {
    const dist = join(work, 'electron');
    const output = join(work, 'dist');
    standInElectron(dist);
    const started = Date.now();
    run(
      'npx',
      [
        'electron-builder',
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        // Rebuilding the native module for Electron needs Electron's headers from the internet, and would
        // rebuild it in place under the tests: the stand-in packs the Node build that is already there.
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      'electron-builder --linux dir',
    );
    step(`electron-builder --linux dir in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const appOutDir = join(output, 'linux-unpacked');
    checkAsar(appOutDir);
    await checkFuses(appOutDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\n[package check] ${NOT_BUILT}`);
}

main().catch((error) => {
  console.error(`\nPackage check FAILED: ${error.message}`);
  process.exit(1);
});
