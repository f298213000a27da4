// Which balloons the runners have delivered: one row per delivered balloon, keyed by the submission
// that earned it (a team's first AC on a problem, contest/balloons.ts). Staff-only bookkeeping: no
// CLICS event, no part of an exported contest.
import { intId, type StoreDatabase } from './db.ts';
import { StoreError } from './rows.ts';

export interface BalloonDelivery {
  submissionId: string;
  /** Epoch ms. */
  at: number;
  /** The staff account's username. */
  by: string;
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    list: p('SELECT CAST(submission_id AS TEXT) AS submissionId, delivered_at AS at, delivered_by AS by FROM balloon_deliveries'),
    submissionExists: p('SELECT 1 FROM submissions WHERE id = ?'),
    mark: p('INSERT INTO balloon_deliveries (submission_id, delivered_at, delivered_by) VALUES (?, ?, ?) ON CONFLICT (submission_id) DO NOTHING'),
    unmark: p('DELETE FROM balloon_deliveries WHERE submission_id = ?'),
  };
}

export class BalloonDeliveryRepository {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase) {
    this.s = prepareStatements(db);
  }

  /** Every delivery, by submission id. */
  all(): Map<string, BalloonDelivery> {
    return new Map((this.s.list.all() as BalloonDelivery[]).map((d) => [d.submissionId, d]));
  }

  /** Marks the balloon of `submissionId` delivered (the first mark stands) or, with `delivered` false, not delivered. */
  mark(submissionId: string, delivered: boolean, by: string, now: number = Date.now()): void {
    const n = intId(submissionId);
    if (n === null || this.s.submissionExists.get(n) === undefined) throw new StoreError('not_found', `unknown submission ${submissionId}`);
    if (delivered) this.s.mark.run(n, now, by);
    else this.s.unmark.run(n);
  }
}
