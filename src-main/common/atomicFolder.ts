// Writing a whole folder atomically: everything goes into a temporary folder beside the target
// (same file system, so the final rename is atomic), each file synced to disk, a manifest.sha256 last;
// then one rename puts it in place. On any failure the temporary folder is removed: the target is
// either absent (or left as it was) or complete, never half-written.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MANIFEST, manifestText, sha256File, sha256Hex } from './manifest.ts';

/** The target exists and holds files; it is replaced only when asked (force). */
export class TargetExistsError extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists and is not empty (choose another folder, or replace it with --force)`);
    this.name = 'TargetExistsError';
    this.path = path;
  }
}

export interface AtomicFolderOptions {
  /** Replace a target that exists and is not empty. Default false. */
  force?: boolean;
  /** Mode of the folders created (default 0o755; 0o700 for folders that may hold secrets). */
  dirMode?: number;
  /** Mode of the files written (default 0o644). */
  fileMode?: number;
  /** Called after each file is written, with its relative path. A throw aborts the whole write. */
  onFile?: (relPath: string) => void;
  /** Write manifest.sha256 over every file (default true). */
  manifest?: boolean;
  /** With force: move the folder replaced here instead of deleting it. */
  replacedTo?: string;
}

/** Where the files of one atomic write go. Paths are relative, '/'-separated. */
export class FolderWriter {
  readonly tempDir: string;
  private readonly hashes = new Map<string, string>();
  private readonly dirs = new Set<string>();
  private readonly options: AtomicFolderOptions;

  constructor(tempDir: string, options: AtomicFolderOptions) {
    this.tempDir = tempDir;
    this.options = options;
  }

  private async prepare(rel: string): Promise<string> {
    if (rel === '' || rel.startsWith('/') || rel.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(`not a safe relative path: ${JSON.stringify(rel)}`);
    }
    if (this.hashes.has(rel)) throw new Error(`${rel} written twice`);
    this.hashes.set(rel, ''); // reserved: a concurrent write of the same path fails
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (this.dirs.has(dir)) continue;
      await mkdir(join(this.tempDir, dir), { mode: this.options.dirMode ?? 0o755 }).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
      this.dirs.add(dir);
    }
    return join(this.tempDir, ...parts);
  }

  /** Writes one file (synced to disk). */
  async write(rel: string, data: Buffer | string): Promise<void> {
    const path = await this.prepare(rel);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await writeFile(path, bytes, { mode: this.options.fileMode ?? 0o644, flush: true });
    this.hashes.set(rel, sha256Hex(bytes));
    this.options.onFile?.(rel);
  }

  /** Copies a file by streaming (large test data never sits in memory), hashing on the way; synced to disk. */
  async copy(source: string, rel: string): Promise<void> {
    const path = await this.prepare(rel);
    const hash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(createReadStream(source), tap, createWriteStream(path, { mode: this.options.fileMode ?? 0o644, flush: true }));
    this.hashes.set(rel, hash.digest('hex'));
    this.options.onFile?.(rel);
  }

  /** A file that `produce` creates itself at the absolute path given (e.g. a database backup); then synced and hashed. */
  async add(rel: string, produce: (path: string) => Promise<void>): Promise<void> {
    const path = await this.prepare(rel);
    await produce(path);
    await chmod(path, this.options.fileMode ?? 0o644);
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.hashes.set(rel, await sha256File(path));
    this.options.onFile?.(rel);
  }

  /** Relative paths written so far (the manifest not included), sorted. */
  get files(): string[] {
    return [...this.hashes.keys()].sort();
  }

  /** Writes manifest.sha256 over every file written. */
  async writeManifest(): Promise<void> {
    await this.write(MANIFEST, manifestText(this.hashes));
  }

  /** fsyncs every folder created, so the entries (not only the contents) survive a power cut. */
  async syncFolders(): Promise<void> {
    for (const dir of [...this.dirs].sort((a, b) => b.length - a.length)) await syncDir(join(this.tempDir, dir));
    await syncDir(this.tempDir);
  }
}

async function syncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * Builds the folder `target` atomically: `fill` writes through the FolderWriter into a temporary
 * folder beside it; a manifest.sha256 is added; then the folder is renamed into place. Returns what
 * `fill` returned and the files written (manifest included).
 */
export async function writeFolderAtomically<T>(
  target: string,
  fill: (writer: FolderWriter) => Promise<T>,
  options: AtomicFolderOptions = {},
): Promise<{ result: T; files: string[]; path: string }> {
  const abs = resolve(target);
  const parent = dirname(abs);
  const parentStat = await stat(parent).catch(() => null);
  if (parentStat && !parentStat.isDirectory()) throw Object.assign(new Error(`${parent} is not a folder`), { code: 'ENOTDIR' });
  if (!parentStat) await mkdir(parent, { recursive: true });
  if (await exists(abs)) {
    const st = await stat(abs);
    if (!st.isDirectory()) throw new TargetExistsError(abs);
    if (!options.force && (await readdir(abs)).length > 0) throw new TargetExistsError(abs);
  }
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(parent, `.${basename(abs)}.partial-${tag}`);
  await mkdir(temp, { mode: options.dirMode ?? 0o755 });
  let aside: string | null = null;
  try {
    const writer = new FolderWriter(temp, options);
    const result = await fill(writer);
    if (options.manifest !== false) await writer.writeManifest();
    await writer.syncFolders();
    if (await exists(abs)) {
      if ((await readdir(abs)).length === 0) await rmdir(abs);
      else {
        if (!options.force) throw new TargetExistsError(abs); // appeared meanwhile
        const asidePath = options.replacedTo !== undefined ? resolve(options.replacedTo) : join(parent, `.${basename(abs)}.old-${tag}`);
        if (await exists(asidePath)) throw new TargetExistsError(asidePath);
        await rename(abs, asidePath);
        aside = asidePath;
      }
    }
    await rename(temp, abs);
    // Committed: what follows only tidies up, and its failure must not report the write as failed.
    await syncDir(parent).catch(() => undefined);
    if (aside !== null && options.replacedTo === undefined) await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    return { result, files: writer.files, path: abs };
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    if (aside !== null && !(await exists(abs))) await rename(aside, abs).catch(() => undefined);
    throw e;
  }
}

/** Runs `fn` over `items` with at most `limit` at once; the first failure stops new work and is thrown. */
export async function inPool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await fn(items[i], i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Modes of a folder that holds secrets (accounts, password hashes): the owner's only. */
export const PRIVATE_MODES = { dirMode: 0o700, fileMode: 0o600 };

/** Whether `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Where a data folder that a forced write replaces is kept (`<dir>.replaced-<time>`), or null when
 * nothing is replaced (not forced, or the folder is absent or empty).
 */
export async function replacedFolderPath(dir: string, force: boolean | undefined, now: number): Promise<string | null> {
  if (!force) return null;
  const target = await stat(dir).catch(() => null);
  if (!target?.isDirectory() || (await readdir(dir)).length === 0) return null;
  return `${dir}.replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
}
