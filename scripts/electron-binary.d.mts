/** Where Electron's binary is, or in one sentence why it is not (see electron-binary.mjs). */
export function findElectron(): { path: string; why?: undefined } | { why: string; path?: undefined };
