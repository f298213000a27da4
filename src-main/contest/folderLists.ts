// A contest folder's optional list files, groups and organizations, in JSON or YAML: a list of
// maps, or a map holding the list under its own name ({groups: [...]}). Their items are checked
// against the schemas in folderSchemas.ts, like the folder's other files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Static, TSchema } from 'typebox';
import type { ClicsOrganization } from '../clics/schemas.ts';
import { GroupEntry, OrganizationEntry, checkFields } from './folderSchemas.ts';
import { ContestError } from './model.ts';

export interface GroupDef {
  id: string;
  name: string;
  /** Hidden groups get no group-winner award. */
  hidden: boolean;
}

/** The items of `<noun>s.yaml|yml|json` in `contestDir` checked against `schema`, each with the
 *  file and "group #2 (id "univ")" for messages; [] when there is no such file. Throws ContestError when malformed. */
function readListFile<S extends TSchema>(contestDir: string, noun: string, schema: S): { fields: Static<S>; id: string }[] {
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
    const raw = item as Record<string, unknown>;
    const where = typeof raw.id === 'string' || typeof raw.id === 'number' ? `${noun} #${i + 1} (id "${String(raw.id)}")` : `${noun} #${i + 1}`;
    const result = checkFields(schema, raw);
    if ('problem' in result) throw new ContestError(file, `${where}: ${result.problem}`);
    return { fields: result.ok, id: String(raw.id) };
  });
}

/** A text field, or `fallback` when absent or blank. */
function textOr(v: string | number | undefined, fallback: string): string {
  return v === undefined || String(v).trim() === '' ? fallback : String(v);
}

/** The groups file of a contest folder, or [] when there is none. Throws ContestError when it is malformed. */
export function readGroupsFile(contestDir: string): GroupDef[] {
  return readListFile(contestDir, 'group', GroupEntry).map(({ id, fields }) => ({ id, name: textOr(fields.name, id), hidden: fields.hidden === true }));
}

/** The organizations file of a contest folder, or [] when there is none. Throws ContestError when it is malformed. */
export function readOrganizationsFile(contestDir: string): ClicsOrganization[] {
  return readListFile(contestDir, 'organization', OrganizationEntry).map(({ id, fields }) => {
    const name = textOr(fields.name, id);
    const org: ClicsOrganization = { id, name, formal_name: textOr(fields.formal_name, name) };
    const country = fields.country?.trim() ?? '';
    if (country !== '') org.country = country;
    return org;
  });
}
