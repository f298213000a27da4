// Who may see a store event: worked out once, when the store appends the event, and kept with it
// (its `audience` column, StoredEvent.audience): a team's feed is read by index, and the portal
// stream and the CLICS event feed test the stored audience (maySee) with no lookup per event.
import type { EventRow } from './rows.ts';

/**
 * null: everyone; a team id: that team (and judges); undefined: judges only.
 * `teamOfSubmission` resolves the team of a submission id (judgements name only the submission);
 * `isHiddenTeam` says whether a team is hidden (team objects do not say so since CLICS 2026-01: without
 * it, a team event is hidden only when its data says `hidden: true`, as events written before did).
 * Awards are for the judges until the results are released: the store gives their audience itself.
 */
export function eventAudience(
  event: Pick<EventRow, 'type' | 'id' | 'data'> | { type: string; id: string | null; data: Record<string, unknown> | null },
  teamOfSubmission: (submissionId: string) => string | null,
  isHiddenTeam?: (teamId: string) => boolean,
): string | null | undefined {
  const data = event.data;
  switch (event.type) {
    case 'submissions':
      return (data?.team_id as string | undefined) ?? (event.id ? teamOfSubmission(event.id) : null) ?? undefined;
    case 'judgements':
      return data ? (teamOfSubmission(String(data.submission_id)) ?? undefined) : undefined;
    case 'runs':
      // Per-test results reveal how many tests there are and which failed.
      return undefined;
    case 'clarifications':
      if (!data) return undefined;
      if (Array.isArray(data.to_team_ids) && typeof data.to_team_ids[0] === 'string') return data.to_team_ids[0];
      if (typeof data.to_team_id === 'string' && data.to_team_id) return data.to_team_id; // written before 2026-01
      if (typeof data.from_team_id === 'string' && data.from_team_id) return data.from_team_id;
      return null; // a broadcast from the judges
    case 'teams':
      if (isHiddenTeam && event.id !== null) return isHiddenTeam(event.id) ? undefined : null;
      return data?.hidden === true ? undefined : null;
    case 'awards':
      return undefined;
    default:
      return null; // contest, judgement types, languages, groups, organizations, problems, state
  }
}

/** The audience as stored: EVERYONE, JUDGES_ONLY, or a team id (team ids never contain these characters). */
export const EVERYONE = '*';
export const JUDGES_ONLY = '#';

export function storedAudience(audience: string | null | undefined): string {
  return audience === null ? EVERYONE : audience === undefined ? JUDGES_ONLY : audience;
}

/** Whether a team may see an event of this stored audience: one for everyone, or for that team. */
export function maySee(stored: string, team: string): boolean {
  return stored === EVERYONE || stored === team;
}
