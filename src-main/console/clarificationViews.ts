// The clarifications as the judges' console shows them: the portal's view of each, with the claim of
// a question a judge is answering (who and since when).
import { portalClarification } from '../core/views.ts';
import type { ClarificationClaim, ClarificationRow, Store } from '../store/store.ts';
import type { ConsoleClarification } from '../shared/judgeApi.ts';

function consoleClarification(row: ClarificationRow, claim: ClarificationClaim | null | undefined): ConsoleClarification {
  return { ...portalClarification(row), claimed: claim ? { by: claim.by, at: claim.at } : null };
}

/** Every clarification, oldest first, with the claims. */
export function consoleClarifications(store: Store): ConsoleClarification[] {
  const claims = store.clarificationClaims.all();
  return store.clarifications.list().map((row) => consoleClarification(row, claims.get(row.id)));
}

/** One clarification as it stands now, or null when there is none with that id. */
export function consoleClarificationById(store: Store, id: string): ConsoleClarification | null {
  const row = store.clarifications.list().find((c) => c.id === id);
  return row ? consoleClarification(row, store.clarificationClaims.of(id)) : null;
}
