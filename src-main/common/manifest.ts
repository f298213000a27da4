// manifest.sha256: one line per file in `sha256sum` format ("<hex>  <relative/path>"), sorted by path,
// covering every file of a folder except the manifest itself. `sha256sum -c manifest.sha256` checks it;
// so does verifyManifest. Names holding a backslash or a newline are escaped as GNU sha256sum does
// (the line starts with '\', and '\' and newline inside the name become "\\" and "\n").
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MANIFEST = 'manifest.sha256';

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The manifest text for hashes by relative path. */
export function manifestText(hashes: ReadonlyMap<string, string>): string {
  const paths = [...hashes.keys()].filter((p) => p !== MANIFEST).sort(byCodePoint);
  return paths
    .map((p) => {
      const escaped = p.includes('\\') || p.includes('\n');
      const name = escaped ? p.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') : p;
      return `${escaped ? '\\' : ''}${hashes.get(p)}  ${name}\n`;
    })
    .join('');
}

/** Parses a manifest: relative path -> hex hash. Throws on a malformed line. */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    const escaped = line.startsWith('\\');
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(escaped ? line.slice(1) : line);
    if (!m) throw new Error(`${MANIFEST}: line ${i + 1} is not "<sha256>  <path>"`);
    const path = escaped ? m[2].replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')) : m[2];
    if (out.has(path)) throw new Error(`${MANIFEST}: ${path} is listed twice`);
    out.set(path, m[1]);
  });
  return out;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every regular file under `dir` as '/'-separated relative paths (symbolic links are reported as themselves). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(path);
      else out.push(path);
    }
  };
  await walk('');
  return out.sort(byCodePoint);
}

export interface ManifestCheck {
  ok: boolean;
  /** Listed, but the file's hash differs. */
  changed: string[];
  /** Listed, but not there. */
  missing: string[];
  /** There, but not listed. */
  unlisted: string[];
}

/** Recomputes every hash of a folder against its manifest.sha256. */
export async function verifyManifest(dir: string): Promise<ManifestCheck> {
  const listed = parseManifest(await readFile(join(dir, MANIFEST), 'utf8'));
  const present = (await listFiles(dir)).filter((p) => p !== MANIFEST);
  const check: ManifestCheck = { ok: true, changed: [], missing: [], unlisted: [] };
  const presentSet = new Set(present);
  for (const [path, hash] of listed) {
    if (!presentSet.has(path)) check.missing.push(path);
    else if ((await sha256File(join(dir, path))) !== hash) check.changed.push(path);
  }
  for (const path of present) if (!listed.has(path)) check.unlisted.push(path);
  check.ok = check.changed.length + check.missing.length + check.unlisted.length === 0;
  return check;
}

/** One line describing what a failed check found. */
export function describeCheck(check: ManifestCheck): string {
  const parts: string[] = [];
  const list = (what: string, paths: string[]) => {
    if (paths.length > 0) parts.push(`${what}: ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`);
  };
  list('changed', check.changed);
  list('missing', check.missing);
  list('not in the manifest', check.unlisted);
  return parts.join('; ');
}
