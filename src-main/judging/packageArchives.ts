// Problem packages as remote judgehosts fetch them: one archive per package as read (a tar of its
// folder), named by its SHA-256, so a judgehost caches it by that name and never fetches a package
// twice, and a package changed by an import is a new name. The archive is deterministic (files in
// sorted order, no owners, no times; the modes kept, since a package's scripts must stay executable):
// the same folder gives the same hash on every start of the server.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'tar';
import { ownedTempDir } from '../common/tempFolders.ts';
import type { ProblemPackage } from '../common/types.ts';

export interface PackageArchive {
  /** Lower-case hex SHA-256 of the archive's bytes: its name. */
  sha256: string;
  bytes: number;
  /** The archive on this machine. */
  file: string;
}

/** The package folder's files (symbolic links as links), relative, '/'-separated, in code-unit order. */
function filesOf(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesOf(root, path));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(path);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class PackageArchives {
  private readonly dir = ownedTempDir('archives');
  /** By the package as read: a package read again (re-imported) is archived again. */
  private readonly byPackage = new WeakMap<ProblemPackage, Promise<PackageArchive>>();
  private readonly byHash = new Map<string, PackageArchive>();
  private made = 0;

  /** The package's archive, made once per package (concurrent callers share the making). */
  of(pkg: ProblemPackage): Promise<PackageArchive> {
    let archive = this.byPackage.get(pkg);
    if (!archive) {
      archive = this.make(pkg);
      this.byPackage.set(pkg, archive);
      // A failed archive (the folder vanished) is tried again next time.
      archive.catch(() => this.byPackage.delete(pkg));
    }
    return archive;
  }

  /** An archive made so far, by its name; null for a name never made here (a guess, or an old server's). */
  find(sha256: string): PackageArchive | null {
    return this.byHash.get(sha256) ?? null;
  }

  private async make(pkg: ProblemPackage): Promise<PackageArchive> {
    const file = join(this.dir, `${++this.made}.tar`);
    await create({ cwd: pkg.dir, file, portable: true, noMtime: true, gzip: false }, filesOf(pkg.dir));
    const archive = { sha256: await sha256Of(file), bytes: statSync(file).size, file };
    this.byHash.set(archive.sha256, archive);
    return archive;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
