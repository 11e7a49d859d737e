import yauzl from 'yauzl';
import { FieldnotesError } from '../../../shared/rpc/result';

/** More than any real project holds; a bound on what a hostile archive can make us do. */
export const ZIP_LIMITS = {
  entries: 20_000,
  /** Inflated bytes of all entries together, counted as they inflate (declared sizes are not trusted). */
  totalBytes: 1024 * 1024 * 1024,
  /** Inflated bytes of one entry. */
  entryBytes: 256 * 1024 * 1024,
};

export type ZipLimits = typeof ZIP_LIMITS;

const refuse = (message: string) => new FieldnotesError('UNSUPPORTED_FILE', message);
const NOT_A_QDPX = 'Choose a REFI-QDA project (.qdpx) exported from NVivo, ATLAS.ti, MAXQDA, QualCoder or Fieldnotes.';

/** Names we refuse ourselves too, whatever yauzl's version does: absolute, drive letters, backslashes, "..". */
function badName(name: string): boolean {
  return name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.split('/').includes('..') || name.includes('\u0000');
}

/**
 * The files of a .qdpx, inflated in memory with yauzl, which refuses
 * traversal names and checks each entry's inflated size against its header.
 * We also count entries and inflated bytes ourselves as they stream and stop
 * at the limits, so a zip bomb costs at most the limit. Folders are skipped.
 * Names are returned as written; the caller matches them without case.
 */
export function readZip(bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<Map<string, Buffer>> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    const empty = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x06054b50;
    return Promise.reject(refuse(empty ? `This zip file is empty. ${NOT_A_QDPX}` : `This file is not a zip archive, so it is not a .qdpx project. ${NOT_A_QDPX}`));
  }
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(refuse(`This zip archive is damaged and cannot be read (${openError?.message ?? 'unknown error'}). ${NOT_A_QDPX}`));
        return;
      }
      const files = new Map<string, Buffer>();
      let total = 0;
      let count = 0;
      let settled = false;
      const fail = (error: FieldnotesError) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(error);
      };
      zip.on('error', (error: Error) => fail(explainZipError(error)));
      zip.on('end', () => {
        if (settled) return;
        settled = true;
        resolve(files);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (++count > limits.entries) {
          fail(refuse(`This archive holds more than ${limits.entries.toLocaleString('en-GB')} files, far more than a project exports. It was not imported.`));
          return;
        }
        if (badName(entry.fileName)) {
          fail(refuse(`This archive holds a file named “${entry.fileName}”, a path that points outside the archive. Fieldnotes does not open such files; nothing was imported.`));
          return;
        }
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            fail(explainZipError(streamError ?? new Error('no data')));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            if (size > limits.entryBytes || total > limits.totalBytes) {
              stream.destroy();
              fail(refuse(`This archive inflates to more than ${Math.round((size > limits.entryBytes ? limits.entryBytes : limits.totalBytes) / (1024 * 1024))} MB, far more than a project holds (a “zip bomb”?). It was not imported.`));
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (error: Error) => fail(explainZipError(error)));
          stream.on('end', () => {
            if (settled) return;
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function explainZipError(error: Error): FieldnotesError {
  if (error instanceof FieldnotesError) return error;
  const message = error.message;
  if (/invalid relative path|absolute path|invalid characters in fileName|backslash/i.test(message)) {
    return refuse(`This archive holds a file whose name points outside the archive (${message}). Fieldnotes does not open such files; nothing was imported.`);
  }
  if (/too many bytes|too few bytes|uncompressed size/i.test(message)) {
    return refuse(`This archive's files are not the size its directory says (${message}): it is damaged or crafted. Nothing was imported.`);
  }
  return refuse(`This zip archive is damaged and cannot be read (${message}). ${NOT_A_QDPX}`);
}
