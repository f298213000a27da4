// The list files of a contest folder (teams, accounts, problems), read and rewritten in the format
// they already have: YAML where the folder uses YAML (loadContest prefers it), JSON otherwise.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as toYaml } from 'yaml';

export interface ListFile {
  path: string;
  format: 'json' | 'yaml';
  entries: Record<string, unknown>[];
  /** The key the list sits under when the file is a map (`problems: [...]`), else null. */
  wrapper: string | null;
}

export function readList(dir: string, base: string): ListFile {
  for (const [name, format] of [[`${base}.yaml`, 'yaml'], [`${base}.yml`, 'yaml'], [`${base}.json`, 'json']] as const) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const parsed: unknown = format === 'json' ? JSON.parse(text) : parseYaml(text);
    if (Array.isArray(parsed)) return { path, format, entries: parsed as Record<string, unknown>[], wrapper: null };
    if (parsed && typeof parsed === 'object' && Array.isArray((parsed as Record<string, unknown>)[base])) {
      return { path, format, entries: (parsed as Record<string, Record<string, unknown>[]>)[base], wrapper: base };
    }
    return { path, format, entries: [], wrapper: null };
  }
  return { path: join(dir, `${base}.json`), format: 'json', entries: [], wrapper: null };
}

/** Rewrites a list file atomically (a temp file, then a rename), private (it may hold passwords). */
export function writeList(file: ListFile): void {
  const content = file.wrapper ? { [file.wrapper]: file.entries } : file.entries;
  const text = file.format === 'json' ? `${JSON.stringify(content, null, 2)}\n` : toYaml(content);
  const temp = `${file.path}.tmp-${process.pid}`;
  writeFileSync(temp, text, { mode: 0o600 });
  renameSync(temp, file.path);
}
