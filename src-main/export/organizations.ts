// Team organizations (universities, schools) for the contest package's organizations.json (CLICS
// organizations): those the contest folder's organizations.json / organizations.yaml defines, plus any
// id a team names that the file does not (named by its id then), so every team's organization_id
// resolves. The store keeps only the ids.
import { ContestError } from '../contest/model.ts';
import { compareIds } from '../contest/scoreboard.ts';
import type { TeamRow } from '../store/store.ts';
import type { ClicsOrganization } from '../clics/schemas.ts';
import { readListFile, textField } from './listFile.ts';

export type { ClicsOrganization } from '../clics/schemas.ts';

/** The organizations file of a contest folder, or [] when there is none. Throws ContestError when it is malformed. */
export function readOrganizationsFile(contestDir: string): ClicsOrganization[] {
  return readListFile(contestDir, 'organization').map((o) => {
    const name = textField(o, 'name', o.id);
    const org: ClicsOrganization = { id: o.id, name, formal_name: textField(o, 'formal_name', name) };
    const country = textField(o, 'country', '');
    if (country !== '') {
      if (!/^[A-Z]{3}$/.test(country)) throw new ContestError(o.file, `${o.where}: country must be an ISO 3166-1 alpha-3 code such as "NLD", got "${country}"`);
      org.country = country;
    }
    return org;
  });
}

/** The organizations of the package: those defined, and those the teams name; sorted by id. */
export function contestOrganizations(teams: readonly TeamRow[], defined: readonly ClicsOrganization[] = []): ClicsOrganization[] {
  const byId = new Map<string, ClicsOrganization>();
  for (const o of defined) byId.set(o.id, o);
  for (const t of teams) {
    if (t.organizationId !== null && !byId.has(t.organizationId)) byId.set(t.organizationId, { id: t.organizationId, name: t.organizationId, formal_name: t.organizationId });
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}
