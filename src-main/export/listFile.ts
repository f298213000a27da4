// A contest folder's optional list file (groups, organizations) in JSON or YAML: a list of maps, or a
// map holding the list under its own name ({groups: [...]}).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContestError } from '../contest/model.ts';

export interface ListItem {
  file: string;
  /** "group #2 (id "univ")": for messages. */
  where: string;
  id: string;
  fields: Record<string, unknown>;
}

/** The items of `<noun>s.yaml|yml|json` in `contestDir`, or [] when there is none. Throws ContestError when malformed. */
export function readListFile(contestDir: string, noun: string): ListItem[] {
  const plural = `${noun}s`;
  const file = [`${plural}.yaml`, `${plural}.yml`, `${plural}.json`].find((f) => existsSync(join(contestDir, f)));
  if (file === undefined) return [];
  let data: unknown;
  try {
    const text = readFileSync(join(contestDir, file), 'utf8').replace(/^\uFEFF/, '');
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ContestError(file, `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return [];
  if (typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as Record<string, unknown>)[plural])) data = (data as Record<string, unknown[]>)[plural];
  if (!Array.isArray(data)) throw new ContestError(file, `expected a list of ${plural}`);
  return data.map((item: unknown, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new ContestError(file, `${noun} #${i + 1}: expected a map of fields`);
    const fields = item as Record<string, unknown>;
    if (typeof fields.id !== 'string' && typeof fields.id !== 'number') throw new ContestError(file, `${noun} #${i + 1}: id missing`);
    const id = String(fields.id);
    return { file, where: `${noun} #${i + 1} (id "${id}")`, id, fields };
  });
}

/** A text field, or `fallback` when absent or blank. */
export function textField(item: ListItem, key: string, fallback: string): string {
  const v = item.fields[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' && typeof v !== 'number') throw new ContestError(item.file, `${item.where}: ${key} must be text`);
  return String(v).trim() === '' ? fallback : String(v);
}
