// Team organizations (universities, schools) for the contest package's organizations.json (CLICS
// organizations): those the contest folder's organizations.json / organizations.yaml defines (read by
// contest/folderLists.ts), plus any id a team names that the file does not (named by its id then), so
// every team's organization_id resolves. The store keeps only the ids.
import { compareIds } from '../contest/scoreboard.ts';
import type { TeamRow } from '../store/store.ts';
import type { ClicsOrganization } from '../clics/schemas.ts';

export type { ClicsOrganization } from '../clics/schemas.ts';

/** The organizations of the package: those defined, and those the teams name; sorted by id. */
export function contestOrganizations(teams: readonly TeamRow[], defined: readonly ClicsOrganization[] = []): ClicsOrganization[] {
  const byId = new Map<string, ClicsOrganization>();
  for (const o of defined) byId.set(o.id, o);
  for (const t of teams) {
    if (t.organizationId !== null && !byId.has(t.organizationId)) byId.set(t.organizationId, { id: t.organizationId, name: t.organizationId, formal_name: t.organizationId });
  }
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}
