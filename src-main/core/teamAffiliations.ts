// Teams' affiliations as the in-app scoreboards and the console's team list show them: each team's
// organization (by its name) and categories (CLICS groups), and the categories a scoreboard can be
// filtered by. What the public and the teams see leaves out the groups and organizations only hidden
// teams belong to (store/privateAffiliations.ts) and the groups the contest folder marks hidden, as
// the Contest API and standings.html do; the judges see them all.
import type { TeamRow } from '../store/rows.ts';
import { privateAffiliations } from '../store/privateAffiliations.ts';
import type { CoreContext } from './context.ts';

export interface TeamAffiliations {
  /** The categories shown, in the order the contest names them (by id). */
  groups: { id: string; name: string }[];
  /** A team's organization's name, or null when it has none or it is not shown. */
  organizationOf(team: Pick<TeamRow, 'organizationId'>): string | null;
  /** The ids of the shown categories a team belongs to. */
  groupsOf(team: Pick<TeamRow, 'groupIds'>): string[];
}

/** `teams`: the contest's teams when the caller has read them already. */
export function teamAffiliations(ctx: Pick<CoreContext, 'store' | 'contest'>, view: 'judges' | 'public', teams?: readonly TeamRow[]): TeamAffiliations {
  const { store } = ctx;
  const judgesOnly = view === 'judges' ? null : privateAffiliations(teams ?? store.contest.teams());
  const hiddenGroups = new Set(view === 'judges' ? [] : (ctx.contest.groups ?? []).filter((g) => g.hidden).map((g) => g.id));
  const groups = store.contest.announced('groups').filter((g) => !hiddenGroups.has(g.id) && !(judgesOnly?.groups.has(g.id) ?? false));
  const shownGroups = new Set(groups.map((g) => g.id));
  const organizations = new Map(
    store.contest
      .announced('organizations')
      .filter((o) => !(judgesOnly?.organizations.has(o.id) ?? false))
      .map((o) => [o.id, o.name]),
  );
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    organizationOf: (team) => (team.organizationId === null ? null : (organizations.get(team.organizationId) ?? null)),
    groupsOf: (team) => team.groupIds.filter((id) => shownGroups.has(id)),
  };
}
