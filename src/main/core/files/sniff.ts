/**
 * What a file's first bytes say it is. A name can lie ("photo.jpg" that is a
 * text file, "notes.txt" that is a program); the bytes decide what we do,
 * and the name only what we expected.
 */

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'heif' | 'avif' | 'bmp' | 'tiff' | 'svg';

export const imageMediaTypes: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heif: 'image/heif',
  avif: 'image/avif',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
};

/** Extensions people give images; such a file must really be an image. */
export const imageExtensions = new Set([
  'png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp', 'heic', 'heif', 'avif', 'bmp', 'tif', 'tiff', 'svg',
]);

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  // ISO base media (HEIC from phones, AVIF): a box size, then "ftyp" and a major brand.
  if (head.slice(4, 8) === 'ftyp') {
    const brand = head.slice(8, 12);
    if (HEIF_BRANDS.has(brand)) return 'heif';
    if (AVIF_BRANDS.has(brand)) return 'avif';
  }
  if (head.startsWith('BM') && bytes.length > 26) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (looksLikeSvg(bytes)) return 'svg';
  return null;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) return false;
  return /<svg[\s>]/i.test(start);
}

export const isPdf = (bytes: Uint8Array): boolean => {
  // The header may follow a little junk; readers look within the first KB.
  const head = ascii(bytes, 0, 1024);
  return head.includes('%PDF-');
};

export const isZip = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);

/** Old binary Office files (.doc, .xls): an OLE compound document. */
export const isOleDocument = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const isProgram = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0x4d, 0x5a]) || // Windows .exe/.dll
  startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
  startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O
  startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]);

/** Text has no NUL bytes unless it is UTF-16, which we only accept with a byte-order mark. */
export const hasUtf16Bom = (bytes: Uint8Array): boolean =>
  startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);

export const looksBinary = (bytes: Uint8Array): boolean => {
  if (hasUtf16Bom(bytes)) return false;
  const end = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
};

/** A few words on what a file really is, for a refusal ("its contents are text"). */
export function describeContents(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'it is empty';
  const image = sniffImage(bytes);
  if (image) return `it is a ${image.toUpperCase()} image`;
  if (isPdf(bytes)) return 'it is a PDF document';
  if (isZip(bytes)) return 'it is a zip archive (or an Office document)';
  if (isOleDocument(bytes)) return 'it is an older Office document';
  if (isProgram(bytes)) return 'it is a program';
  if (looksBinary(bytes)) return 'its contents are not an image';
  return 'its contents are text';
}
