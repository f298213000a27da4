// Team groups for awards and results: the ids the teams name (group_ids), with names and hidden flags
// from the contest folder's groups.json / groups.yaml (CLICS groups, read by contest/folderLists.ts)
// when it has one. The store keeps only the ids, so without that file a group's name is its id.
import type { GroupDef } from '../contest/folderLists.ts';
import { compareIds } from '../contest/scoreboard.ts';
import { privateAffiliations } from '../store/privateAffiliations.ts';
import type { TeamRow } from '../store/store.ts';

/**
 * The groups that can have winners: every group named by a shown (non-hidden) team, plus those the
 * groups file lists; hidden groups left out, and those only hidden teams belong to (an award for one
 * would name it publicly, as the Contest API never does). Sorted by id.
 */
export function contestGroups(teams: readonly TeamRow[], defined: readonly GroupDef[] = []): GroupDef[] {
  const byId = new Map<string, GroupDef>();
  for (const g of defined) byId.set(g.id, g);
  for (const t of teams) {
    if (t.hidden) continue;
    for (const id of t.groupIds) if (!byId.has(id)) byId.set(id, { id, name: id, hidden: false });
  }
  const onlyHidden = privateAffiliations(teams).groups;
  return [...byId.values()].filter((g) => !g.hidden && !onlyHidden.has(g.id)).sort((a, b) => compareIds(a.id, b.id));
}
