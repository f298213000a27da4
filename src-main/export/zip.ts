// A minimal zip writer: entries stored uncompressed (method 0), CRC-32 from node:zlib, no ZIP64.
// Enough for a submission's source files (CLICS `files.zip`); deterministic for the same input
// (the entry times are given, not taken from the clock).
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated, relative (no leading '/', no '..'). */
  name: string;
  data: Buffer;
  /** Modification time (epoch ms), stored as MS-DOS date and time in UTC. Default: 1980-01-01. */
  mtime?: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 1.0: stored entries need nothing newer. */
const VERSION_NEEDED = 10;
/** Made by UNIX (3), spec 2.0: lets the external attributes carry a file mode. */
const VERSION_MADE_BY = (3 << 8) | 20;
/** General purpose flag bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
/** A regular file, rw-r--r--, in the high 16 bits of the external attributes. */
const FILE_MODE = 0o100644;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/** MS-DOS time and date words of an instant (UTC; two-second resolution; clamped to 1980..2107). */
export function dosDateTime(ms: number): { time: number; date: number } {
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const d = new Date(Math.min(Math.max(ms, DOS_EPOCH), max));
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

function checkName(name: string): Buffer {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..') || name.includes('\0')) {
    throw new Error(`zip: unsafe entry name ${JSON.stringify(name)}`);
  }
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > MAX_16) throw new Error(`zip: entry name too long (${bytes.length} bytes)`);
  return bytes;
}

/** The archive as one buffer. Throws on what this writer cannot store (ZIP64 sizes, unsafe names, duplicates). */
export function storedZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_16) throw new Error(`zip: too many entries (${entries.length}; at most ${MAX_16})`);
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = checkName(entry.name);
    if (seen.has(entry.name)) throw new Error(`zip: duplicate entry ${JSON.stringify(entry.name)}`);
    seen.add(entry.name);
    const size = entry.data.length;
    if (size > MAX_32 || offset > MAX_32) throw new Error('zip: archive too large for a zip without ZIP64');
    const crc = crc32(entry.data) >>> 0;
    const { time, date } = dosDateTime(entry.mtime ?? DOS_EPOCH);
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : FLAG_UTF8;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18); // compressed size
    local.writeUInt32LE(size, 22); // uncompressed size
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, name, entry.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(size, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk number start
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38); // external attributes
    central.writeUInt32LE(offset, 42); // local header offset
    centrals.push(central, name);

    offset += local.length + name.length + size;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  if (offset + centralSize > MAX_32) throw new Error('zip: archive too large for a zip without ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  return Buffer.concat([...locals, ...centrals, end]);
}
