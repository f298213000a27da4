// Safe extraction of a zip file to a fresh private temp folder (mkdtemp under os.tmpdir(), mode 0700).
//
// Refused (PackageError naming the zip and the entry):
// - names that are absolute, carry a drive letter, contain a backslash or NUL, or whose '..' components
//   climb out of the extraction folder ("a/../b" is fine, "../evil" is not);
// - symbolic links and other special files (Unix mode in the external attributes);
// - encrypted entries and compression methods other than stored/deflate;
// - more than `maxEntries` entries or more than `maxTotalBytes` uncompressed bytes in all;
// - duplicate names and a file/folder clash between two entries;
// - data that fails its size or CRC-32 check.
// A file that is not a zip gives "<zip>: not a zip file". Nothing outside the temp folder is ever written;
// on any error the temp folder is removed before the error is thrown.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { ownedTempDir } from '../common/tempFolders.ts';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { PackageError } from '../common/types.ts';

const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024; // 1 GiB
const MAX_ZIP_ENTRIES = 100_000;

export interface ExtractOptions {
  /** Cap on the sum of uncompressed sizes (default 1 GiB). */
  maxTotalBytes?: number;
  /** Cap on the number of entries (default 100 000). */
  maxEntries?: number;
  /** How the zip is named in error messages (default: the path as given). */
  label?: string;
}

export interface ExtractedZip {
  /** The private temp folder holding the zip's contents. */
  dir: string;
  /** Removes the temp folder. Safe to call twice, and to pass on alone (it uses no `this`). */
  dispose: () => void;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/** yauzl 3 exports this plain function (documented), but @types/yauzl 2.x does not declare it. */
const getFileNameLowLevel = (yauzl as unknown as {
  getFileNameLowLevel: (flags: number, name: Buffer, extraFields: Entry['extraFields'], strict: boolean) => string;
}).getFileNameLowLevel;

/**
 * Normalises a zip entry name to its path components inside the extraction folder,
 * or gives the reason it is refused. An empty `parts` (e.g. "./") means nothing to extract.
 */
export function normaliseEntryName(name: string): { parts: string[]; isDir: boolean } | { reason: string } {
  if (name.includes('\0')) return { reason: 'contains a NUL character' };
  if (name.includes('\\')) return { reason: 'contains a backslash' };
  if (/^[a-zA-Z]:/.test(name)) return { reason: 'has a drive letter' };
  if (name.startsWith('/')) return { reason: 'is an absolute path' };
  const parts: string[] = [];
  for (const p of name.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return { reason: 'escapes the package folder (..)' };
      parts.pop();
      continue;
    }
    parts.push(p);
  }
  return { parts, isDir: name.endsWith('/') };
}

function entryError(label: string, name: string, message: string): PackageError {
  return new PackageError(label, `entry ${JSON.stringify(name)}: ${message}`);
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** Extracts `zipPath` to a new private temp folder. */
export async function extractZip(zipPath: string, options: ExtractOptions = {}): Promise<ExtractedZip> {
  const label = options.label ?? zipPath;
  const maxTotal = options.maxTotalBytes ?? MAX_ZIP_TOTAL_BYTES;
  const maxEntries = options.maxEntries ?? MAX_ZIP_ENTRIES;

  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true },
      (err, zf) => {
        if (err) {
          const code = errnoCode(err);
          if (code === 'ENOENT') reject(new PackageError(label, 'no such file or directory'));
          else if (code === 'EACCES' || code === 'EPERM') reject(new PackageError(label, 'permission denied'));
          else if (code === 'EISDIR') reject(new PackageError(label, 'not a zip file (a folder)'));
          else reject(new PackageError(label, 'not a zip file'));
        } else resolve(zf);
      },
    );
  });

  if (zip.entryCount > maxEntries) {
    zip.close();
    throw new PackageError(label, `too many entries (${zip.entryCount}; at most ${maxEntries} allowed)`);
  }

  const dir = ownedTempDir('pkg');
  await fsp.chmod(dir, 0o700);
  let disposed = false;
  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await extractEntries(zip, dir, label, maxTotal, maxEntries);
  } catch (err) {
    if (zip.isOpen) zip.close();
    dispose();
    if (err instanceof PackageError) throw err;
    throw new PackageError(label, 'corrupt zip file');
  }
  return { dir, dispose };
}

function extractEntries(zip: ZipFile, dir: string, label: string, maxTotal: number, maxEntries: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let total = 0;
    let count = 0;
    let current: string | null = null;
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      if (err instanceof PackageError) reject(err);
      else if (current !== null) reject(entryError(label, current, 'corrupt data'));
      else reject(new PackageError(label, 'corrupt zip file'));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (!failed) resolve();
    });
    zip.on('entry', (entry: Entry) => {
      if (failed) return;
      count++;
      if (count > maxEntries) {
        fail(new PackageError(label, `too many entries (more than ${maxEntries})`));
        return;
      }
      let name: string;
      try {
        name = getFileNameLowLevel(
          entry.generalPurposeBitFlag,
          entry.fileName as unknown as Buffer,
          entry.extraFields,
          true,
        );
      } catch {
        fail(new PackageError(label, 'corrupt zip file (unreadable entry name)'));
        return;
      }
      current = name;
      const size = entry.uncompressedSize;
      if (total + size > maxTotal) {
        fail(new PackageError(label, `uncompressed contents exceed ${maxTotal} bytes (at entry ${JSON.stringify(name)})`));
        return;
      }
      total += size;
      extractEntry(zip, entry, name, dir, label).then(
        () => {
          if (!failed) zip.readEntry();
        },
        fail,
      );
    });
    zip.readEntry();
  });
}

async function extractEntry(zip: ZipFile, entry: Entry, name: string, dir: string, label: string): Promise<void> {
  const norm = normaliseEntryName(name);
  if ('reason' in norm) throw entryError(label, name, norm.reason);

  const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) throw entryError(label, name, 'is a symbolic link (not allowed)');
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) throw entryError(label, name, 'is not a regular file or folder');
  const isDir = norm.isDir || type === S_IFDIR;
  if (entry.generalPurposeBitFlag & 0x1) throw entryError(label, name, 'is encrypted');
  if (norm.parts.length === 0) return; // "./" and the like

  const dest = path.join(dir, ...norm.parts);
  if (isDir) {
    await mkdirs(dest, label, name);
    return;
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw entryError(label, name, `unsupported compression method ${entry.compressionMethod}`);
  }
  await mkdirs(path.dirname(dest), label, name);

  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
    zip.openReadStream(entry, (err, s) => (err ? reject(entryError(label, name, 'corrupt data')) : resolve(s)));
  });
  let crc = 0;
  let written = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      written += chunk.length;
      if (written > entry.uncompressedSize) {
        cb(entryError(label, name, 'more data than its stated size'));
        return;
      }
      crc = zlib.crc32(chunk, crc);
      cb(null, chunk);
    },
  });
  const out = fs.createWriteStream(dest, { flags: 'wx', mode: mode & 0o111 ? 0o700 : 0o600 });
  try {
    await pipeline(stream, check, out);
  } catch (err) {
    if (err instanceof PackageError) throw err;
    const code = errnoCode(err);
    if (code === 'EEXIST') throw entryError(label, name, 'duplicate entry');
    if (code === 'EISDIR' || code === 'ENOTDIR') throw entryError(label, name, 'clashes with another entry (file vs folder)');
    if (code === 'ENOSPC') throw entryError(label, name, 'no space left on the device');
    throw entryError(label, name, 'corrupt data');
  }
  if (written !== entry.uncompressedSize) throw entryError(label, name, 'corrupt data (wrong size)');
  if ((crc >>> 0) !== (entry.crc32 >>> 0)) throw entryError(label, name, 'corrupt data (CRC-32 mismatch)');
}

async function mkdirs(target: string, label: string, name: string): Promise<void> {
  try {
    await fsp.mkdir(target, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST' || code === 'ENOTDIR') throw entryError(label, name, 'clashes with another entry (file vs folder)');
    throw entryError(label, name, `cannot create folder (${code ?? 'error'})`);
  }
}
