// Which judge is answering a team's question (DOMjudge's "claim"): one claim per question, so that
// two judges do not answer it twice. The first claim stands until a judge releases it or the question
// is answered (clarifications.ts drops it in the answer's transaction). Staff-only: no CLICS event.
import { intId, type StoreDatabase } from './db.ts';
import { StoreError } from './rows.ts';

export interface ClarificationClaim {
  clarificationId: string;
  /** The judge's username. */
  by: string;
  /** Epoch ms. */
  at: number;
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  const select = 'SELECT CAST(clarification_id AS TEXT) AS clarificationId, claimed_by AS by, claimed_at AS at FROM clarification_claims';
  return {
    list: p(select),
    one: p(`${select} WHERE clarification_id = ?`),
    question: p('SELECT 1 FROM clarifications WHERE id = ? AND from_team_id IS NOT NULL'),
    answered: p('SELECT 1 FROM clarifications WHERE reply_to_id = ? AND from_team_id IS NULL LIMIT 1'),
    claim: p('INSERT INTO clarification_claims (clarification_id, claimed_by, claimed_at) VALUES (?, ?, ?) ON CONFLICT (clarification_id) DO NOTHING'),
    release: p('DELETE FROM clarification_claims WHERE clarification_id = ?'),
  };
}

export class ClarificationClaimRepository {
  private readonly db: StoreDatabase;
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase) {
    this.db = db;
    this.s = prepareStatements(db);
  }

  /** Every claim, by question id. */
  all(): Map<string, ClarificationClaim> {
    return new Map((this.s.list.all() as ClarificationClaim[]).map((c) => [c.clarificationId, c]));
  }

  of(clarificationId: string): ClarificationClaim | null {
    const n = intId(clarificationId);
    return n === null ? null : ((this.s.one.get(n) as ClarificationClaim | undefined) ?? null);
  }

  /**
   * Claims an unanswered question for `by`, unless someone holds it already. Returns the claim that
   * stands afterwards: `by`'s, or the judge's who was first (the caller says who has it).
   */
  claim(clarificationId: string, by: string, now: number = Date.now()): ClarificationClaim {
    return this.db.transaction(() => {
      const n = intId(clarificationId);
      if (n === null || this.s.question.get(n) === undefined) throw new StoreError('not_found', `no question ${clarificationId}`);
      if (this.s.answered.get(n) !== undefined) throw new StoreError('conflict', `question ${clarificationId} is answered already`);
      this.s.claim.run(n, by, now);
      return this.s.one.get(n) as ClarificationClaim;
    });
  }

  /** Releases a question's claim, whoever holds it (a judge may take over a colleague's). */
  release(clarificationId: string): void {
    const n = intId(clarificationId);
    if (n !== null) this.s.release.run(n);
  }
}
