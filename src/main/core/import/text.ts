import { hasUtf16Bom, isProgram, looksBinary } from '../files/sniff';
import { refuse } from './refuse';

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

const SAVE_AS_UTF8 = 'Save it as UTF-8 text (in most editors: Save As → Encoding: UTF-8), then import it again.';

/**
 * Bytes of a transcript → text with "\n" line ends. UTF-8 (with or without
 * a byte-order mark) and UTF-16 with a byte-order mark, as Word, Notepad
 * and transcription services write them. No guessing at legacy code pages:
 * a wrong guess would silently garble quotations, so we refuse and say how
 * to fix the file instead.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw refuse(fileName, `it is in the UTF-32 encoding, which Fieldnotes does not read. ${SAVE_AS_UTF8}`);
  }
  if (hasUtf16Bom(bytes)) {
    const bigEndian = bytes[0] === 0xfe;
    text = decodeStrict(bigEndian ? swapPairs(bytes.subarray(2)) : bytes.subarray(2), 'utf-16le', fileName, 'UTF-16');
  } else {
    if (isProgram(bytes)) throw refuse(fileName, 'it is a program, not a text file.');
    if (looksBinary(bytes)) {
      throw refuse(fileName, `it is not a text file (it holds binary data). Import .docx, .txt, .md or .pdf files.`);
    }
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    text = decodeStrict(body, 'utf-8', fileName, 'UTF-8');
  }
  if (text.includes('\u0000')) {
    throw refuse(fileName, 'it is not a text file (it holds binary data). Import .docx, .txt, .md or .pdf files.');
  }
  return text.replace(/\r\n?/g, '\n');
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le', fileName: string, shown: string): string {
  try {
    // ignoreBOM: the mark has been removed already; a second one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw refuse(
      fileName,
      `it is not valid ${shown} text (it may be in an older encoding such as Windows-1252, or damaged). ${SAVE_AS_UTF8}`,
    );
  }
}

/** UTF-16 BE → LE, so one decoder serves both (an odd trailing byte stays and is refused by the decoder). */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2) out[bytes.length - 1] = bytes[bytes.length - 1]!;
  return out;
}
