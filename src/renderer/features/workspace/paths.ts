/** Path helpers for suggestions only; the core resolves and checks every path. */
export function joinPath(folder: string, file: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? folder + file : folder + separator + file;
}

/** A file name from a workspace name: "Topol Review 2019" → "Topol Review 2019.fieldnotes". */
export function fileNameFor(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Review';
  return `${safe}.fieldnotes`;
}
