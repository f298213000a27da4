// The core's intake of submissions, whoever sends them (the portal, the CLICS API), with group commit:
// every submission arriving during one turn of the event loop is written in a single transaction, so a
// burst of 200 costs a handful of fsyncs instead of 200. Each sender still gets its answer only after its
// submission is durable; then the judging service is woken.
import type { NewSubmission, StoreError, SubmissionRow } from '../store/store.ts';
import type { Store } from '../store/store.ts';

/** A batch is written as soon as it has this many, even within one turn. */
const MAX_BATCH = 256;

interface Waiting {
  item: NewSubmission;
  resolve: (submission: SubmissionRow) => void;
  reject: (error: StoreError | Error) => void;
}

export class SubmissionIntake {
  private readonly store: Store;
  private readonly afterCommit: () => void;
  private batch: Waiting[] = [];
  private scheduled = false;

  /** `afterCommit` runs once per written batch (e.g. to wake the judging service). */
  constructor(store: Store, afterCommit: () => void) {
    this.store = store;
    this.afterCommit = afterCommit;
  }

  add(item: NewSubmission): Promise<SubmissionRow> {
    return new Promise((resolve, reject) => {
      this.batch.push({ item, resolve, reject });
      if (this.batch.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    let answers;
    try {
      answers = this.store.submissions.addBatch(batch.map((w) => w.item));
    } catch (error) {
      for (const w of batch) w.reject(error as Error);
      return;
    }
    answers.forEach((answer, i) => ('error' in answer ? batch[i].reject(answer.error) : batch[i].resolve(answer.submission)));
    this.afterCommit();
  }
}
