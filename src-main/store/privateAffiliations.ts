// The groups and organizations that only hidden teams belong to. Hidden teams are the judges' business, and so
// is what only they name: listing such a group or organization publicly would reveal that hidden teams exist
// and where they come from. One that a visible team names too, or that no team names (the contest folder
// defines it), is public.
import type { TeamRow } from './rows.ts';

export interface PrivateAffiliations {
  groups: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
}

export function privateAffiliations(teams: readonly Pick<TeamRow, 'hidden' | 'groupIds' | 'organizationId'>[]): PrivateAffiliations {
  const named = { groups: new Set<string>(), organizations: new Set<string>() };
  const shown = { groups: new Set<string>(), organizations: new Set<string>() };
  for (const team of teams) {
    const into = team.hidden ? named : shown;
    for (const id of team.groupIds) into.groups.add(id);
    if (team.organizationId !== null) into.organizations.add(team.organizationId);
  }
  return {
    groups: new Set([...named.groups].filter((id) => !shown.groups.has(id))),
    organizations: new Set([...named.organizations].filter((id) => !shown.organizations.has(id))),
  };
}
