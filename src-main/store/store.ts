// The durable contest store: all contest state in one SQLite file (better-sqlite3, WAL, synchronous=FULL),
// opened by db.ts and read and written through one repository per aggregate. Every change appends its
// event(s) to the event outbox (events.ts) in the same transaction; listeners hear about them only after
// that transaction has committed. A change that spans repositories runs in one store.db.transaction.
// Plain Node: no 'electron' import.
import { AccountRepository } from './accounts.ts';
import { BalloonDeliveryRepository } from './balloonDeliveries.ts';
import { ClarificationClaimRepository } from './clarificationClaims.ts';
import { ClarificationRepository } from './clarifications.ts';
import { ContestRepository } from './contest.ts';
import { StoreDatabase } from './db.ts';
import { EventLog } from './events.ts';
import type { ContestHistory } from './history.ts';
import { JudgementRepository } from './judgements.ts';
import { PrintJobRepository } from './printJobs.ts';
import { JudgingQueue } from './queue.ts';
import { RejudgingRepository } from './rejudgings.ts';
import { StoreError } from './rows.ts';
import { SettingsRepository } from './settings.ts';
import { SubmissionRepository } from './submissions.ts';
import { VerificationRepository } from './verifications.ts';

export * from './rows.ts';
export { STORE_FILE_NAME, storeFileIn } from './db.ts';
export { importedSchedule } from './contest.ts';
export type { StoredEventJson } from './events.ts';
export type { NewSubmission } from './submissions.ts';
export type { ClarificationClaim } from './clarificationClaims.ts';

export class Store {
  /** The connection: transactions that span repositories, diagnostics. */
  readonly db: StoreDatabase;
  /** The event outbox: appended with each change, delivered after commit, read back by token. */
  readonly events: EventLog;
  /** The contest, its problems and teams, its schedule and CLICS state. */
  readonly contest: ContestRepository;
  readonly accounts: AccountRepository;
  readonly submissions: SubmissionRepository;
  /** Judgements, their runs and overrides. */
  readonly judgements: JudgementRepository;
  /** The submissions waiting to be judged, in the fair order. */
  readonly queue: JudgingQueue;
  /** Submissions judged again without changing their verdicts until a judge applies it. */
  readonly rejudgings: RejudgingRepository;
  readonly clarifications: ClarificationRepository;
  /** Which judge is answering which question (the answer releases it). */
  readonly clarificationClaims: ClarificationClaimRepository;
  /** The judges' settings kept with the contest. */
  readonly settings: SettingsRepository;
  /** The staff's own bookkeeping: balloons delivered, judgements verified. */
  readonly balloons: BalloonDeliveryRepository;
  readonly verifications: VerificationRepository;
  /** Sources teams sent to be printed. */
  readonly printJobs: PrintJobRepository;

  private constructor(db: StoreDatabase) {
    this.db = db;
    this.events = new EventLog(db);
    this.accounts = new AccountRepository(db);
    this.contest = new ContestRepository(db, this.events, this.accounts);
    this.submissions = new SubmissionRepository(db, this.events, this.contest);
    this.judgements = new JudgementRepository(db, this.events, this.contest);
    this.queue = new JudgingQueue(db);
    this.clarifications = new ClarificationRepository(db, this.events, this.contest);
    this.clarificationClaims = new ClarificationClaimRepository(db);
    this.rejudgings = new RejudgingRepository(db, this.contest, this.judgements);
    this.settings = new SettingsRepository(db);
    this.balloons = new BalloonDeliveryRepository(db);
    this.verifications = new VerificationRepository(db);
    this.printJobs = new PrintJobRepository(db);
  }

  /** Opens (creating folder and file as needed) and migrates the store. ':memory:' gives a private in-memory one. */
  static open(file: string): Store {
    const db = StoreDatabase.open(file);
    try {
      return new Store(db);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** Closes the database; the store can no longer be used. */
  close(): void {
    this.db.close();
  }

  /**
   * Loads a whole contest history into this empty store as it was: ids, times and the event log kept,
   * no event appended (`verdict import`). One transaction: all of it or nothing.
   */
  loadHistory(h: ContestHistory): void {
    this.db.transaction(() => {
      if (this.contest.current() !== null || this.events.lastToken() !== null) throw new StoreError('conflict', 'a history can only be loaded into an empty store');
      this.contest.loadHistory(h);
      this.submissions.loadHistory(h.submissions);
      this.judgements.loadHistory(h);
      this.clarifications.loadHistory(h.clarifications);
      // After the submissions: an event that names only its submission is its team's.
      this.events.loadHistory(h.events, new Set(h.teams.filter((t) => t.hidden).map((t) => t.id)), h.marks.thawed !== null);
      for (const [key, value] of Object.entries(h.settings)) this.settings.set(key, value);
    });
  }
}
