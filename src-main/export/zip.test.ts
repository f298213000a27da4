import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import yauzl from 'yauzl';
import { dosDateTime, storedZip } from './zip.ts';

interface ReadEntry {
  name: string;
  data: Buffer;
  method: number;
  crc: number;
  date: Date;
  utf8: boolean;
}

/** Reads every entry back with yauzl (the zip reader the project installs). */
function readZip(zip: Buffer): Promise<ReadEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, archive) => {
      if (error || !archive) return reject(error ?? new Error('yauzl gave no zip'));
      const out: ReadEntry[] = [];
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`${entry.fileName}: yauzl gave no stream`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks), method: entry.compressionMethod, crc: entry.crc32, date: (entry.getLastModDate as (options: { timezone: 'UTC' | 'local' }) => Date).call(entry, { timezone: 'UTC' }), utf8: (entry.generalPurposeBitFlag & 0x800) !== 0 });
            archive.readEntry();
          });
          stream.on('error', reject);
        });
      });
      archive.on('end', () => resolve(out));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

/** A plain table CRC-32 (IEEE), independent of node:zlib, to check the stored checksums. */
function tableCrc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const scratch = mkdtempSync(join(tmpdir(), 'verdict-zip-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('storedZip', () => {
  test('yauzl reads back every entry: names, bytes, stored method, CRC-32, time', async () => {
    const binary = Buffer.alloc(70_000);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 31 + 7) & 0xff;
    const when = Date.UTC(2030, 0, 1, 10, 17, 42);
    const zip = storedZip([
      { name: 'main.c', data: Buffer.from('int main(){return 0;}\n'), mtime: when },
      { name: 'dir/Übung.py', data: Buffer.from('print("ä")\n') },
      { name: 'empty.txt', data: Buffer.alloc(0) },
      { name: 'blob.bin', data: binary },
    ]);
    const entries = await readZip(zip);
    assert.deepEqual(entries.map((e) => e.name), ['main.c', 'dir/Übung.py', 'empty.txt', 'blob.bin']);
    assert.equal(entries[0].data.toString(), 'int main(){return 0;}\n');
    assert.equal(entries[1].data.toString(), 'print("ä")\n');
    assert.equal(entries[2].data.length, 0);
    assert.ok(entries[3].data.equals(binary));
    for (const e of entries) {
      assert.equal(e.method, 0, 'stored');
      assert.equal(e.crc, tableCrc32(e.data), `CRC of ${e.name}`);
    }
    assert.equal(entries[0].utf8, false);
    assert.equal(entries[1].utf8, true, 'non-ASCII names carry the UTF-8 flag');
    assert.equal(entries[0].date.getTime(), Date.UTC(2030, 0, 1, 10, 17, 42));
  });

  test('the CRC-32 is the standard one (check value of "123456789")', () => {
    assert.equal(tableCrc32(Buffer.from('123456789')), 0xcbf43926);
    const zip = storedZip([{ name: 'check', data: Buffer.from('123456789') }]);
    assert.equal(zip.readUInt32LE(14), 0xcbf43926);
  });

  test('unzip -t accepts it (when unzip is installed)', (t) => {
    if (spawnSync('unzip', ['-v']).status !== 0) return t.skip('no unzip on this machine');
    const file = join(scratch, 'a.zip');
    writeFileSync(file, storedZip([{ name: 'a.txt', data: Buffer.from('hello\n') }, { name: 'b/c.txt', data: Buffer.from('world\n') }]));
    const run = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /No errors detected/);
  });

  test('the same input gives the same bytes; an empty archive is valid', async () => {
    const make = () => storedZip([{ name: 'x.java', data: Buffer.from('class X {}'), mtime: 1_900_000_000_000 }]);
    assert.ok(make().equals(make()));
    assert.deepEqual(await readZip(storedZip([])), []);
  });

  test('refuses names that escape, duplicates, and what needs ZIP64', () => {
    for (const name of ['', '/etc/passwd', '../x', 'a/../../x', 'a\\b', 'nul\0']) {
      assert.throws(() => storedZip([{ name, data: Buffer.alloc(1) }]), /unsafe entry name/, name);
    }
    assert.throws(() => storedZip([{ name: 'a', data: Buffer.alloc(1) }, { name: 'a', data: Buffer.alloc(1) }]), /duplicate/);
    assert.throws(() => storedZip(Array.from({ length: 65_536 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(0) }))), /too many entries/);
  });

  test('MS-DOS times: two-second resolution, UTC, clamped to 1980', () => {
    const { time, date } = dosDateTime(Date.UTC(2024, 1, 29, 23, 59, 59));
    assert.equal(date, ((2024 - 1980) << 9) | (2 << 5) | 29);
    assert.equal(time, (23 << 11) | (59 << 5) | 29);
    assert.deepEqual(dosDateTime(0), { time: 0, date: (1 << 5) | 1 });
  });
});
