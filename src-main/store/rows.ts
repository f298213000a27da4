// What the store hands out: plain rows, camelCase, times as epoch ms, ids of generated objects as decimal strings.
import type { ClicsType } from '../clics/schemas.ts';
import type { AccountType, ScoreboardType, ScoreMode } from '../contest/model.ts';
import type { GroupResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';

export interface ContestRow {
  id: string;
  name: string;
  formalName: string;
  /** Epoch ms, or null while the start is not scheduled. */
  startTime: number | null;
  durationMs: number;
  freezeMs: number;
  penaltyMinutes: number;
  scoreboardType: ScoreboardType;
  scoreMode: ScoreMode;
}

export interface ProblemRow {
  id: string;
  label: string;
  name: string;
  ordinal: number;
  color: string;
  rgb: string;
  packagePath: string;
  /** Null until the package has been read (contest.setProblemInfo). */
  timeLimitMs: number | null;
  testDataCount: number | null;
  /** Whether the package is a scoring problem; null until it has been read. */
  scoring: boolean | null;
  /** A scoring problem's most a submission can score; null when unbounded, pass-fail or not read yet. */
  maxScore: number | null;
}

export interface TeamRow {
  id: string;
  name: string;
  displayName: string;
  organizationId: string | null;
  groupIds: string[];
  hidden: boolean;
}

export interface AccountRow {
  id: string;
  username: string;
  type: AccountType;
  teamId: string | null;
  /** Format of password.ts (`scrypt$N$r$p$salt$key`), or a hash given by the contest folder; null = no password set. */
  passwordHash: string | null;
}

export interface SessionRow {
  accountId: string;
  csrfToken: string;
  expiresAt: number;
}

export type SubmissionStatus = 'queued' | 'judging' | 'judged';

export interface SubmissionRow {
  /** Decimal string of an integer sequence. */
  id: string;
  teamId: string;
  problemId: string;
  languageId: string;
  fileName: string;
  submittedAt: number;
  contestTimeMs: number;
  /** CLICS entry_point: what the judge runs (the Java class, the file of a script); null for C, C++ and the like. */
  entryPoint: string | null;
  status: SubmissionStatus;
  /** Verdict of the current (valid) judgement, null while there is none or it has not ended. */
  verdict: Verdict | null;
  /** True when that verdict was set by a judge (judgements.override). */
  overridden: boolean;
  judgementId: string | null;
  timeMs: number | null;
  memoryKb: number | null;
  /** Scoring problems: the current judgement's score; null otherwise or while there is none. */
  score: number | null;
  /**
   * The open rejudging it is in (rejudgings.ts), or null. Its `status` then stays 'judged': the queue and its
   * judging belong to the rejudging (RejudgingItemRow.status), and nobody but the judges hears of them.
   */
  rejudgingId: string | null;
}

export interface JudgementRow {
  id: string;
  submissionId: string;
  judgehost: string;
  /** False once a rejudge or crash recovery replaced it. */
  valid: boolean;
  startTime: number;
  endTime: number | null;
  /** The verdict that counts (after any override). */
  verdict: Verdict | null;
  /** The verdict judging produced. */
  judgedVerdict: Verdict | null;
  overridden: boolean;
  timeMs: number | null;
  memoryKb: number | null;
  compileOk: boolean | null;
  compileOutput: string | null;
  compileTimeMs: number | null;
  /** For JE: what went wrong on the judge's side. */
  error: string | null;
  /** The program's output on the first failing test (bounded), or null. */
  failingOutput: string | null;
  /** When a rejudge or crash recovery replaced it, and which; null while current. */
  invalidatedAt: number | null;
  invalidatedWhy: 'rejudge' | 'recovery' | null;
  /** Scoring problems: the submission's score as judged (an override changes the verdict, not the score). */
  score: number | null;
  /** Scoring problems: each test group's result (common/results.ts); null otherwise. */
  groups: GroupResult[] | null;
}

export interface RunRow {
  id: string;
  judgementId: string;
  /** 1-based position of the test case. */
  ordinal: number;
  testName: string;
  verdict: Verdict;
  timeMs: number;
  memoryKb: number;
  wallMs: number;
  exitCode: number;
  signal: number;
  message: string;
  /** When the run was recorded (epoch ms). */
  time: number;
  /** Scoring problems: the test case's score, when it has one. */
  score: number | null;
}

export interface OverrideRow {
  id: string;
  submissionId: string;
  judgementId: string;
  oldVerdict: Verdict;
  newVerdict: Verdict;
  reason: string;
  by: string;
  time: number;
}

export interface ClarificationRow {
  id: string;
  /** Null: from the judges. */
  fromTeamId: string | null;
  /** Null: to the judges (when from a team) or to everyone (when from the judges). */
  toTeamId: string | null;
  replyToId: string | null;
  problemId: string | null;
  text: string;
  time: number;
  contestTimeMs: number;
}

/** The CLICS notification types (schemas.ts): `contest` and `state` are singletons (id null). */
export type EventType = ClicsType;
export type EventOp = 'create' | 'update' | 'delete';

/** An event as the store keeps it: with who may see it, worked out once when it was appended (eventAudience.ts). */
export interface StoredEvent extends EventRow {
  /** EVERYONE, JUDGES_ONLY or a team id (storedAudience): test it with maySee. */
  audience: string;
}

export interface EventRow {
  /** Decimal string, strictly increasing in commit order. */
  token: string;
  type: EventType;
  /** Id of the object; null for the singletons `contest` and `state`. */
  id: string | null;
  op: EventOp;
  /** The CLICS object after the change; null for deletions. */
  data: Record<string, unknown> | null;
  /** Epoch ms. */
  time: number;
}

type RejudgingState = 'open' | 'applied' | 'cancelled';

/** Submissions judged again into judgements that are not current until a judge applies them (rejudgings.ts). */
export interface RejudgingRow {
  id: string;
  reason: string;
  createdBy: string;
  createdAt: number;
  state: RejudgingState;
  /** Who applied or cancelled it, and when (epoch ms); null while open. */
  closedBy: string | null;
  closedAt: number | null;
  /** How many submissions it holds, and of those how many its judging has finished. */
  total: number;
  done: number;
}

/** A submission of a rejudging: its verdict before, and the rejudging's judgement of it. */
export interface RejudgingItemRow {
  submissionId: string;
  teamId: string;
  problemId: string;
  languageId: string;
  contestTimeMs: number;
  /** The judgement current when the rejudging began, and its verdict (overrides included). */
  oldJudgementId: string;
  oldVerdict: Verdict | null;
  /** The rejudging's judgement (null before its judging starts) and its verdict (null until it ends). */
  newJudgementId: string | null;
  newVerdict: Verdict | null;
  /** Where the rejudging's judging of it is; 'judged' once the rejudging is closed. */
  status: SubmissionStatus;
}

/** A waiting submission's place in the fair order: its level (priority) and its team's turn (see store.queue.list). */
export interface QueuePlace {
  id: string;
  teamId: string;
  priority: number;
  turn: number;
}

export interface QueueStats {
  queued: number;
  judging: number;
  /** Age of the submission waiting longest (since it was last queued), null when the queue is empty. */
  oldestQueuedAgeMs: number | null;
}

/** A request the store refuses: `code` lets a server map it to a status (not_found 404, conflict 409, invalid 400). */
export class StoreError extends Error {
  readonly code: 'not_found' | 'conflict' | 'invalid';
  constructor(code: 'not_found' | 'conflict' | 'invalid', message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
