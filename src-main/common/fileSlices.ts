// The start or the end of a file, read without loading the rest: outputs can be as large as the
// output limit, and only a bounded slice is ever shown or scanned.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

function readSlice(path: string, bytes: number, fromEnd: boolean): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return ''; // a missing file reads as empty
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(bytes, size);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, fromEnd ? size - length : 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The first `bytes` bytes of a file, as UTF-8 ('' when it does not exist). */
export function readHead(path: string, bytes: number): string {
  return readSlice(path, bytes, false);
}

/** The last `bytes` bytes of a file, as UTF-8 ('' when it does not exist). */
export function readTail(path: string, bytes: number): string {
  return readSlice(path, bytes, true);
}
