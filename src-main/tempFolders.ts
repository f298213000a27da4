// Verdict's own temporary folders carry their owner's pid (`<tmp>/verdict-<what>-<pid>-XXXXXX`), so
// the folders of a process that died without cleaning up (kill -9, power loss) can be told apart
// and removed by the next one to start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './processes.ts';
import { readdirOrEmpty } from './quietFs.ts';

const OWNED = /^verdict-[a-z]+-(\d+)-[^-]+$/;

/** A fresh private folder `<tmp>/verdict-<what>-<pid>-XXXXXX` (mode 0700). */
export function ownedTempDir(what: string): string {
  if (!/^[a-z]+$/.test(what)) throw new Error(`temp folder kind must be lower-case letters, got '${what}'`);
  return mkdtempSync(join(tmpdir(), `verdict-${what}-${process.pid}-`));
}

/** Removes the temp folders of Verdict processes that are gone; returns how many. */
export function sweepDeadTempDirs(): number {
  let removed = 0;
  for (const name of readdirOrEmpty(tmpdir())) {
    const owner = OWNED.exec(name);
    if (!owner || isAlive(Number(owner[1]))) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
