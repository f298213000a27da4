// Team groups for awards and results: the ids the teams name (group_ids), with names and hidden flags
// from the contest folder's groups.json / groups.yaml (CLICS groups) when it has one. The store keeps
// only the ids, so without that file a group's name is its id.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compareIds } from '../contest/scoreboard.ts';
import { ContestError } from '../contest/model.ts';
import type { TeamRow } from '../store/store.ts';

export interface GroupDef {
  id: string;
  name: string;
  /** Hidden groups get no group-winner award. */
  hidden: boolean;
}

const GROUP_FILES = ['groups.yaml', 'groups.yml', 'groups.json'];

/** The groups file of a contest folder, or [] when there is none. Throws ContestError when it is malformed. */
export function readGroupsFile(contestDir: string): GroupDef[] {
  const file = GROUP_FILES.find((f) => existsSync(join(contestDir, f)));
  if (file === undefined) return [];
  let data: unknown;
  try {
    const text = readFileSync(join(contestDir, file), 'utf8').replace(/^\uFEFF/, '');
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ContestError(file, `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return [];
  if (data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { groups?: unknown }).groups)) data = (data as { groups: unknown[] }).groups;
  if (!Array.isArray(data)) throw new ContestError(file, 'expected a list of groups');
  return data.map((g: unknown, i) => {
    if (!g || typeof g !== 'object') throw new ContestError(file, `group #${i + 1}: expected a map of fields`);
    const o = g as Record<string, unknown>;
    if (typeof o.id !== 'string' && typeof o.id !== 'number') throw new ContestError(file, `group #${i + 1}: id missing`);
    const id = String(o.id);
    const name = typeof o.name === 'string' && o.name.trim() !== '' ? o.name : id;
    if (o.hidden !== undefined && o.hidden !== null && typeof o.hidden !== 'boolean') throw new ContestError(file, `group #${i + 1} (id "${id}"): hidden must be true or false`);
    return { id, name, hidden: o.hidden === true };
  });
}

/**
 * The groups that can have winners: every group named by a shown (non-hidden) team, plus those the
 * groups file lists; hidden groups left out. Sorted by id.
 */
export function contestGroups(teams: readonly TeamRow[], defined: readonly GroupDef[] = []): GroupDef[] {
  const byId = new Map<string, GroupDef>();
  for (const g of defined) byId.set(g.id, g);
  for (const t of teams) {
    if (t.hidden) continue;
    for (const id of t.groupIds) if (!byId.has(id)) byId.set(id, { id, name: id, hidden: false });
  }
  return [...byId.values()].filter((g) => !g.hidden).sort((a, b) => compareIds(a.id, b.id));
}
