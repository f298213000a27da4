// /access: which endpoints, properties and capabilities a caller has. The properties are those of our
// schemas (schemas.ts), so what /access announces is exactly what the objects hold.
import { OBJECT_SCHEMAS, type ClicsAccess, type ClicsCapability, type ClicsType } from './schemas.ts';

/** Anonymous callers (the public), team accounts, judges, and admins (judges who may also give ids and times). */
export type ClicsRole = 'public' | 'team' | 'judge' | 'admin';

// Not offered, so never listed (and 404): persons and commentary, which Verdict has no concept of. Both are
// optional, and /access lists "only these endpoints" a provider offers: an empty collection would claim both.

/** What anyone may read: the configuration, the state, and the awards once released. */
const PUBLIC_TYPES: readonly ClicsType[] = ['contest', 'judgement-types', 'languages', 'problems', 'groups', 'organizations', 'teams', 'state', 'awards'];
/** A team also reads its own submissions, their judgements, its clarifications and its account (judges: all accounts). */
const TEAM_TYPES: readonly ClicsType[] = [...PUBLIC_TYPES, 'submissions', 'judgements', 'clarifications', 'accounts'];
/** Judges read everything, runs too (per-test results reveal the tests). */
const JUDGE_TYPES: readonly ClicsType[] = [...TEAM_TYPES, 'runs'];

/**
 * A team POSTs its own submissions and clarifications; a judge POSTs submissions for a team (as a proxy) and
 * clarifications, and sets or clears the contest's start and thaws the scoreboard (PATCH of the contest). An
 * admin does what a judge does and may also give a submission's or a clarification's time, and its id with
 * PUT (admin_submit, admin_clar: a proxy CCS forwarding what it received while the link was down).
 */
const CAPABILITIES: Record<ClicsRole, ClicsCapability[]> = {
  public: [],
  team: ['team_submit', 'post_clar'],
  judge: ['contest_start', 'contest_thaw', 'proxy_submit', 'post_clar'],
  admin: ['contest_start', 'contest_thaw', 'proxy_submit', 'post_clar', 'admin_submit', 'admin_clar'],
};

function typesFor(role: ClicsRole): readonly ClicsType[] {
  return role === 'judge' || role === 'admin' ? JUDGE_TYPES : role === 'team' ? TEAM_TYPES : PUBLIC_TYPES;
}

export function accessFor(role: ClicsRole): ClicsAccess {
  return {
    capabilities: [...CAPABILITIES[role]],
    endpoints: typesFor(role).map((type) => ({ type, properties: Object.keys(OBJECT_SCHEMAS[type].properties) })),
  };
}
