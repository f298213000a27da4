// A remote judgehost's problem packages on disk, by SHA-256 (the server names each package's archive
// by its hash: judging/packageArchives.ts): fetched once, its hash checked, unpacked into a folder of
// that name, and read from there ever after, across restarts too. A package changed on the server is
// a new name, so a cached one is never stale.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from 'tar';
import type { ProblemPackage } from '../common/types.ts';
import { readPackage } from '../package/readPackage.ts';
import type { ServerClient } from './serverClient.ts';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class PackageCache {
  private readonly dir: string;
  private readonly server: ServerClient;
  /** Each package read once per process; a failed fetch is tried again next time. */
  private readonly packages = new Map<string, Promise<ProblemPackage>>();

  constructor(dir: string, server: ServerClient) {
    this.dir = dir;
    this.server = server;
    mkdirSync(dir, { recursive: true });
  }

  get(sha256: string): Promise<ProblemPackage> {
    let pkg = this.packages.get(sha256);
    if (!pkg) {
      pkg = this.load(sha256);
      this.packages.set(sha256, pkg);
      pkg.catch(() => this.packages.delete(sha256));
    }
    return pkg;
  }

  private async load(sha256: string): Promise<ProblemPackage> {
    const folder = join(this.dir, sha256);
    if (!existsSync(folder)) await this.fetch(sha256, folder);
    return readPackage(folder);
  }

  /** Fetches, checks and unpacks beside the cache, then renames into place: a folder of that name is always whole. */
  private async fetch(sha256: string, folder: string): Promise<void> {
    const part = mkdtempSync(join(this.dir, '.part-'));
    try {
      const archive = join(part, 'package.tar');
      await this.server.downloadPackage(sha256, archive);
      const actual = await sha256Of(archive);
      if (actual !== sha256) throw new Error(`package ${sha256} arrived with SHA-256 ${actual}: not kept`);
      const unpacked = join(part, 'package');
      mkdirSync(unpacked);
      await extract({ file: archive, cwd: unpacked, preserveOwner: false });
      try {
        renameSync(unpacked, folder);
      } catch (error) {
        // Another judgehost sharing the cache put it there first: the same bytes.
        if (!existsSync(folder)) throw error;
      }
    } finally {
      rmSync(part, { recursive: true, force: true });
    }
  }
}
