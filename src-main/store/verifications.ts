// Judgements a second judge has checked and marked verified (as DOMjudge's "verified" flag): who and
// when, by judgement, so a rejudge's new judgement starts unverified. Staff-only: no CLICS event.
import { intId, type StoreDatabase } from './db.ts';
import { StoreError } from './rows.ts';

export interface Verification {
  judgementId: string;
  /** Epoch ms. */
  at: number;
  /** The judge's username. */
  by: string;
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  const select = 'SELECT CAST(judgement_id AS TEXT) AS judgementId, verified_at AS at, verified_by AS by FROM verifications';
  return {
    list: p(select),
    one: p(`${select} WHERE judgement_id = ?`),
    endedJudgement: p('SELECT 1 FROM judgements WHERE id = ? AND end_time IS NOT NULL'),
    verify: p('INSERT INTO verifications (judgement_id, verified_at, verified_by) VALUES (?, ?, ?) ON CONFLICT (judgement_id) DO NOTHING'),
    unverify: p('DELETE FROM verifications WHERE judgement_id = ?'),
  };
}

export class VerificationRepository {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase) {
    this.s = prepareStatements(db);
  }

  /** Every verification, by judgement id. */
  all(): Map<string, Verification> {
    return new Map((this.s.list.all() as Verification[]).map((v) => [v.judgementId, v]));
  }

  of(judgementId: string | null): Verification | null {
    const n = intId(judgementId);
    return n === null ? null : ((this.s.one.get(n) as Verification | undefined) ?? null);
  }

  /** Marks a finished judgement verified (the first mark stands) or, with `verified` false, unverified. */
  set(judgementId: string, verified: boolean, by: string, now: number = Date.now()): void {
    const n = intId(judgementId);
    if (n === null || this.s.endedJudgement.get(n) === undefined) throw new StoreError('conflict', `judgement ${judgementId} has not finished: only a verdict can be verified`);
    if (verified) this.s.verify.run(n, now, by);
    else this.s.unverify.run(n);
  }
}
