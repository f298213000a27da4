// Test helpers for the package reader: temp folders with small packages, and a minimal zip writer
// (local headers + central directory + end record; stored or deflated) that can write the hostile entries
// (../evil, /abs, symlinks, backslashes) the system `zip` command refuses to make.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const created: string[] = [];

/** A new temp folder, removed by `removeTempDirs()`. */
export function tempDir(prefix = 'verdict-pkgtest-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder made by `tempDir()` (call from an `after` hook). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path → content) under `root`, creating folders. Returns `root`. */
export function writeTree(root: string, files: Record<string, string>): string {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

/** A package folder named `id` inside a new temp folder, holding `files`. */
export function makePackage(id: string, files: Record<string, string>): string {
  const root = path.join(tempDir(), id);
  fs.mkdirSync(root);
  return writeTree(root, files);
}

export interface ZipEntrySpec {
  name: string;
  data?: string | Buffer;
  /** Unix mode including the file type (default 0o100644, or 0o040755 for names ending in '/'). */
  mode?: number;
  /** 0 = stored, 8 = deflate (default). */
  method?: 0 | 8;
  /** Overrides the CRC-32 written (to make corrupt entries). */
  crc?: number;
}

/** The bytes of a zip holding `entries`, in order. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
    const isDir = e.name.endsWith('/');
    const mode = e.mode ?? (isDir ? 0o040755 : 0o100644);
    const method = isDir ? 0 : (e.method ?? 8);
    const body = method === 8 ? zlib.deflateRawSync(data) : data;
    const crc = e.crc ?? zlib.crc32(data);
    const flags = 0x800; // UTF-8 names

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(((mode & 0xffff) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, cd, end]);
}

/** Writes a zip of `entries` to `<new temp folder>/<fileName>` and returns its path. */
export function writeZip(fileName: string, entries: ZipEntrySpec[]): string {
  const p = path.join(tempDir(), fileName);
  fs.writeFileSync(p, buildZip(entries));
  return p;
}

/** Zip entries for `files` (relative path → content), each under `prefix` (e.g. "hello/" or ""). */
export function zipEntries(files: Record<string, string>, prefix = ''): ZipEntrySpec[] {
  return Object.entries(files).map(([name, data]) => ({ name: prefix + name, data }));
}

/** A small valid legacy package. */
export function minimalFiles(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'problem.yaml': 'name: Tiny\nlimits:\n  time_limit: 1\n',
    'data/sample/1.in': '1\n',
    'data/sample/1.ans': '1\n',
    'data/secret/1.in': '2\n',
    'data/secret/1.ans': '2\n',
    'submissions/accepted/a.py': 'print(input())\n',
    ...extra,
  };
}

/** Runs `fn` with os.tmpdir() pointing at a fresh folder; returns what is left in it afterwards. */
export async function withPrivateTmp(fn: () => Promise<void>): Promise<string[]> {
  const tmp = tempDir();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    await fn();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  return fs.readdirSync(tmp);
}
