/**
 * How we start Debian's Chromium, the one list for the PDF printer, the
 * Playwright suite and the benches (ENGINEERING.md): no sandbox or GPU on our
 * machines, and no network of any kind (no background fetches, component
 * updates, sync or QUIC).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
