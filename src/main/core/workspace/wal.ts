import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * What a `-wal` file beside a workspace holds, read byte by byte without
 * SQLite (https://www.sqlite.org/fileformat2.html#walformat). SQLite silently
 * ignores a WAL whose header is unreadable and stops at the first bad frame,
 * dropping everything after it; we read it ourselves first, so a damaged log
 * is reported instead of its acknowledged tail vanishing.
 */
export interface WalReport {
  /** No WAL file, or an empty one: nothing to apply. */
  state: 'none' | 'readable' | 'damaged';
  /** Why it is damaged, in a phrase that completes "The recovery log …". */
  problem?: string;
  pageSize: number;
  /** Frames SQLite will apply (up to and including the last valid commit). */
  committedFrames: number;
  /** Transactions (commit frames) SQLite will apply. */
  commits: number;
}

const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_VERSION = 3007000;
const HEADER = 32;
const FRAME_HEADER = 24;

/** SQLite's WAL checksum: pairs of 32-bit words in the byte order the magic names, cumulative. */
function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

function readAll(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function readWal(walPath: string): WalReport {
  const wal = readAll(walPath);
  const none: WalReport = { state: 'none', pageSize: 0, committedFrames: 0, commits: 0 };
  if (!wal || wal.length === 0) return none;
  const damaged = (problem: string, pageSize = 0): WalReport => ({ ...none, state: 'damaged', problem, pageSize });
  if (wal.length < HEADER) return damaged('is cut short (its header is incomplete)');
  const magic = wal.readUInt32BE(0);
  if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return damaged('is not a SQLite log (its header is unreadable)');
  const bigEndian = magic === WAL_MAGIC_BE;
  const pageSize = wal.readUInt32BE(8);
  if (wal.readUInt32BE(4) !== WAL_VERSION || pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return damaged('has an unreadable header');
  }
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let sum = checksum(wal.subarray(0, 24), bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) {
    // SQLite would ignore the whole log: any frames in it are lost.
    return wal.length > HEADER ? damaged('has a damaged header, so none of the changes in it can be read', pageSize) : none;
  }

  const frameSize = FRAME_HEADER + pageSize;
  let committedFrames = 0;
  let commits = 0;
  let frame = 0;
  let brokenAt = -1;
  for (let offset = HEADER; offset + frameSize <= wal.length; offset += frameSize, frame++) {
    const head = wal.subarray(offset, offset + FRAME_HEADER);
    const sameGeneration = head.readUInt32BE(8) === salt1 && head.readUInt32BE(12) === salt2;
    if (!sameGeneration) {
      // Either left over from before the log was restarted (normal), or damaged: told apart below.
      brokenAt = frame;
      break;
    }
    sum = checksum(head.subarray(0, 8), bigEndian, sum);
    sum = checksum(wal.subarray(offset + FRAME_HEADER, offset + frameSize), bigEndian, sum);
    if (sum[0] !== head.readUInt32BE(16) || sum[1] !== head.readUInt32BE(20) || head.readUInt32BE(0) === 0) {
      brokenAt = frame;
      break;
    }
    if (head.readUInt32BE(4) !== 0) {
      commits++;
      committedFrames = frame + 1;
    }
  }
  const report: WalReport = { state: 'readable', pageSize, committedFrames, commits };
  if (brokenAt < 0) return report;

  // After the break: a frame of this same generation that ends a transaction
  // means a change SQLite had written in full would be dropped. Frames of a
  // final transaction with no commit frame (a crash mid-write) are not damage:
  // that write was never acknowledged.
  let lostCommits = 0;
  for (let offset = HEADER + brokenAt * frameSize; offset + frameSize <= wal.length; offset += frameSize) {
    if (wal.readUInt32BE(offset + 8) !== salt1 || wal.readUInt32BE(offset + 12) !== salt2) continue;
    if (wal.readUInt32BE(offset + 4) !== 0) lostCommits++;
  }
  if (lostCommits === 0) return report;
  return {
    ...report,
    state: 'damaged',
    problem: `is damaged: ${lostCommits} saved change(s) in it cannot be read`,
  };
}
