// The judges' console contract: every request, event and payload between the console (React,
// src-renderer/console) and the judge core. One file is the source of truth: the Electron preload
// and IPC handlers and the browser's HTTP + Server-Sent Events client all follow it, and the
// console talks only to `JudgeApi`, never knowing which transport is behind it.
//
// Transports:
//   Electron: window.verdictJudge (preload) — invoke(channel, ...args) for requests, and
//             subscribe/watchOutput for events; channel names are the JudgeApi method names.
//             chooseProblemPackage: the main process shows a file dialog and imports what was chosen;
//             saveProblemFile: it shows a save dialog and writes a problem's test data or statement there.
//   Browser:  POST /api/console/<method> with a JSON array of the arguments -> JSON result;
//             POST /api/console/importProblem?name=<file name> with the package as the body
//             (Content-Type: application/zip, streamed to a file) -> AddedProblem;
//             GET /api/console/problem-files/<problemId>/<data|statement> -> the file, as a download;
//             GET /api/console/stream (SSE): `batch` events carrying ConsoleEvent[];
//             GET /api/console/output/<submissionId> (SSE): `output` events {data}, flow controlled
//             by POST /api/console/ackOutput [submissionId, chars].
//   Both require a judge or admin account (session cookie + CSRF token in the browser).

import type { GroupResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import type { PortalClarification, ScoreboardView } from './portalApi.ts';

export type { ScoreboardView };

/** Flow control of a live terminal: the core pauses sending above HIGH and resumes below LOW
 *  unacknowledged characters (acknowledged after the terminal has parsed them). */
export const OUTPUT_HIGH_WATERMARK_CHARS = 100_000;
export const OUTPUT_LOW_WATERMARK_CHARS = 5_000;
/** Events are batched: the console never redraws more often than this (about 30 times a second). */
export const EVENT_BATCH_INTERVAL_MS = 33;

export interface ConsoleClock {
  /** Epoch ms of the contest start, or null when unscheduled. */
  startTime: number | null;
  durationMs: number;
  freezeMs: number;
  penaltyMinutes: number;
  /** The core's clock when the snapshot was taken (the console corrects its own with it). */
  serverTime: number;
  started: boolean;
  frozen: boolean;
  ended: boolean;
  /** Judges released the final scoreboard. */
  thawed: boolean;
  /** The judges declared the results final (finalizeResults); absent: not final. */
  finalized?: boolean;
}

export type WorkerActivity =
  | { state: 'idle' }
  | { state: 'compiling'; submissionId: string; startedAt: number }
  /** `pass`: a multi-pass problem's pass of the test (from 1); the time limit holds for each pass. */
  | { state: 'running'; submissionId: string; startedAt: number; testIndex: number; testCount: number; testName: string; timeLimitMs: number; pass?: number };

export interface WorkerView {
  slot: number;
  activity: WorkerActivity;
}

export interface QueueEntry {
  submissionId: string;
  teamId: string;
  problemId: string;
  languageId: string;
  /** 1-based. */
  position: number;
  /** Epoch ms it entered the queue. */
  queuedAt: number;
  /** Rough epoch ms when judging should start. */
  estimatedStart: number | null;
  /** Its judging was stopped to give the worker to a submission ahead of it (fair sharing): it starts again from the beginning. */
  preempted: boolean;
}

export interface PoolView {
  workers: number;
  busy: number;
  paused: boolean;
  queued: number;
  sandbox: string;
  /** The judgehost: running, restarting (after a failure), failed (keeps failing), and why. */
  judgehost: { status: 'running' | 'restarting' | 'failed' | 'stopped'; restarts: number; lastFailure: { at: number; reason: string } | null };
  /** What keeps the judge from working, for a red banner; empty when all is well. */
  problems: string[];
}

/** What a judge may tell a judgehost (draining: remote ones only). */
export type { JudgehostMode as JudgehostOrder } from '../common/remoteJobs.ts';
import type { JudgehostMode as JudgehostOrder, JudgehostState } from '../common/remoteJobs.ts';

/** The local judgehost's id in JudgehostView (a remote one's is `remote:<its name>`). */
export const LOCAL_JUDGEHOST_ID = 'local';

export interface JudgehostView {
  /** LOCAL_JUDGEHOST_ID or `remote:<name>`: what setJudgehostMode takes. */
  id: string;
  name: string;
  local: boolean;
  workers: number;
  /** Its sandbox level (the README's "Sandbox" table); null when it did not say. */
  sandbox: string | null;
  /** The languages it takes judgings in (and answer files): the local one every language available on the server. */
  languages: string[];
  state: JudgehostState;
  /** Epoch ms of its last heartbeat (remote judgehosts; null for the local one). */
  lastHeartbeatAt: number | null;
  /** Epoch ms it was counted gone, or null. */
  goneAt: number | null;
  /** The submissions it judges now. */
  submissionIds: string[];
  /** Results it reported (remote judgehosts, since the server started; null for the local one). */
  judged: number | null;
  /** Median CPU ms of the reference workload at its start; null when not calibrated (`calibrationError` says why, if known). */
  calibrationMs: number | null;
  calibrationError: string | null;
  /** Its calibration over the local judgehost's (above 1: slower); null when either is unknown. */
  speedFactor: number | null;
  /** The speed factor is further than 10 % from 1: time limits do not mean the same there. */
  offSpeed: boolean;
}

/** Submissions judged per minute and queue length, sampled once a minute for the last minutes. */
export interface ThroughputSample {
  at: number;
  judgedPerMinute: number;
  queueLength: number;
}

export interface ConsoleSubmission {
  id: string;
  teamId: string;
  problemId: string;
  languageId: string;
  fileName: string;
  submittedAt: number;
  contestTimeMs: number;
  status: 'queued' | 'judging' | 'judged';
  verdict: Verdict | null;
  /** The verdict was set by a judge (see SubmissionDetail.overrides). */
  overridden: boolean;
  timeMs: number | null;
  memoryKb: number | null;
  /** Scoring problems: the current judgement's score (null otherwise, or while not judged). */
  score: number | null;
  /** A second judge checked its verdict (judging verification); absent or null: not verified. */
  verified?: StaffMark | null;
  /** The open rejudging it is in (its verdict here is still the current one); absent or null: none. */
  rejudgingId?: string | null;
}

/**
 * Which submissions a rejudging takes (the CCS requirements' filters): those judged that match every field
 * given; an empty selection takes every judged submission. A submission waiting for its verdict or in another
 * open rejudging is left out (counted as skipped).
 */
export interface RejudgingSelection {
  submissionIds?: string[];
  problemIds?: string[];
  teamIds?: string[];
  languageIds?: string[];
  /** Their current verdict. */
  verdicts?: Verdict[];
  /** Submitted at this contest time (ms) or later, and before `toContestMs`. */
  fromContestMs?: number;
  toContestMs?: number;
}

/** Submissions judged again into judgements nobody else sees until a judge applies them (or cancels them). */
export interface RejudgingSummary {
  id: string;
  reason: string;
  createdBy: string;
  createdAt: number;
  state: 'open' | 'applied' | 'cancelled';
  /** Who applied or cancelled it; null while open. */
  closed: StaffMark | null;
  /** Its submissions, and how many of them it has judged. */
  total: number;
  done: number;
}

interface RejudgingItem {
  submissionId: string;
  teamId: string;
  problemId: string;
  languageId: string;
  contestTimeMs: number;
  oldVerdict: Verdict | null;
  /** Null until the rejudging has judged it. */
  newVerdict: Verdict | null;
  /** Where its judging for the rejudging is. */
  status: 'queued' | 'judging' | 'judged';
}

export interface RejudgingDetail {
  rejudging: RejudgingSummary;
  items: RejudgingItem[];
  /** How many went from each old verdict to each new one (to: null, not judged yet): the rows and cells of the matrix. */
  changes: { from: Verdict | null; to: Verdict | null; count: number }[];
  /** Judged with a verdict other than the old one. */
  changed: number;
}

/** Who marked something (their username) and when (epoch ms). */
interface StaffMark {
  by: string;
  at: number;
}

/** A balloon owed: a team's first AC on a problem (balloons keep coming during the freeze: the staff's only). */
export interface BalloonView {
  submissionId: string;
  teamId: string;
  teamName: string;
  /** Where the team sits (the contest folder's teams file), null when not given. */
  location: string | null;
  problemId: string;
  label: string;
  /** The balloon's colour: its name (problems.yaml's color) and #rrggbb. */
  color: string;
  rgb: string;
  contestTimeMs: number;
  firstToSolve: boolean;
  delivered: StaffMark | null;
}

/** A print job as the staff see it (its text comes with getPrintJob). */
export interface ConsolePrintJob {
  id: string;
  teamId: string;
  /** The team's name and where it sat (the contest folder's teams file) when it sent the job; null: not given. */
  teamName: string;
  location: string | null;
  fileName: string;
  languageId: string | null;
  /** Epoch ms. */
  submittedAt: number;
  /** Who printed it (a judge, or 'print command') and when; null while pending. */
  printed: StaffMark | null;
  /** Why the contest's print command failed for it the last time (its exit status and stderr), null when it did not. */
  commandError: string | null;
}

export interface ConsolePrintJobWithText extends ConsolePrintJob {
  /** What the team sent, as it sent it. */
  text: string;
}

export interface PrintJobsView {
  /** Whether teams may print (contest.yaml's printing), and the print command's argv (null: none). */
  printing: { enabled: boolean; command: string[] | null };
  /** Every job: the pending ones first, oldest first; then the printed ones, newest first. */
  jobs: ConsolePrintJob[];
}

/** How many medals of each colour the awards give (CLICS gold-medal, silver-medal, bronze-medal: the best-ranked teams). */
export interface MedalCounts {
  gold: number;
  silver: number;
  bronze: number;
}

/** The awards as the judges' standings give them now (final once the results are). */
export interface AwardsView {
  medalCounts: MedalCounts;
  /** The judges set the medal counts (setMedalCounts); false: the defaults. */
  medalCountsSet: boolean;
  /** The CLICS awards in order (winner, medals, first to solve each problem, group winners), each with its teams. */
  awards: { id: string; citation: string; teams: { id: string; name: string }[] }[];
  /** Teams and the public see the awards (the judges released the results). */
  released: boolean;
  /** Why these are not the final awards yet (the contest runs, submissions wait); empty when they are. */
  warnings: string[];
}

type ScoreboardRowView = ScoreboardView['rows'][number];

/**
 * One step of the resolver (contest/resolverSteps.ts): a frozen cell of a team revealed (`solved`: it is solved
 * now; in a score contest, its score went up), with the team's row and every team's place after it; or a
 * finished team's awards shown.
 */
type ResolverStepView =
  | { kind: 'reveal'; teamId: string; problemId: string; solved: boolean; row: ScoreboardRowView; order: { teamId: string; rank: number }[] }
  | { kind: 'award'; teamId: string; awards: { id: string; citation: string }[] };

/** The awards ceremony's script: the frozen public scoreboard, then the steps that end at the final one. */
export interface ResolverView {
  contestName: string;
  scoreboardType: ScoreboardView['scoreboardType'];
  problems: ScoreboardView['problems'];
  frozen: ScoreboardRowView[];
  steps: ResolverStepView[];
  /** The judges released the results: the public scoreboard already shows the end. */
  released: boolean;
  /** Why the end is not the final results yet (submissions wait); empty when it is. */
  warnings: string[];
}

/** Submissions of one problem by the teams on the public scoreboard (hidden teams left out). */
export interface ProblemStats {
  problemId: string;
  label: string;
  name: string;
  rgb: string;
  submissions: number;
  teamsTried: number;
  teamsSolved: number;
  firstSolve: { teamId: string; teamName: string; contestTimeMs: number } | null;
  /** Count by verdict; `pending` for those without one yet. */
  verdicts: Partial<Record<Verdict | 'pending', number>>;
  /** Submissions over the contest in equal slices of `bucketMs` (the last one also holds any after the end). */
  histogram: { bucketMs: number; buckets: { accepted: number; rejected: number; pending: number }[] };
}

interface ConsoleRun {
  ordinal: number;
  testName: string;
  verdict: Verdict;
  timeMs: number;
  memoryKb: number;
  wallMs: number;
  message: string;
  /** Scoring problems: the test case's score, when it has one. */
  score: number | null;
}

export interface FailingTest {
  testName: string;
  /** Truncated to a readable size; `truncated` says so. */
  input: string;
  expected: string;
  output: string;
  truncated: boolean;
  /** The validator's message (judgemessage.txt or the default validator's first difference). */
  message: string;
}

interface OverrideEntry {
  verdict: Verdict;
  previous: Verdict | null;
  reason: string;
  by: string;
  at: number;
}

export interface SubmissionDetail {
  submission: ConsoleSubmission;
  /** The file it is judged from (its only file, or the entry file of several). */
  source: string;
  /** A submission of several files: the others, by name (empty for one file). */
  otherFiles: { fileName: string; source: string }[];
  compileOutput: string;
  judgeError: string | null;
  /** The judgehost of its current judgement (a remote judgehost's name, or the local one's); null before any. */
  judgehost: string | null;
  runs: ConsoleRun[];
  /** Scoring problems: each test group's result (parents first; '' is the whole submission); null otherwise. */
  groups: GroupResult[] | null;
  /** Input, expected answer and program output of the first failing test, when there is one. */
  failing: FailingTest | null;
  overrides: OverrideEntry[];
}

export interface ConsoleProblem {
  id: string;
  label: string;
  name: string;
  rgb: string;
  state: 'loading' | 'ready' | 'broken';
  error: string | null;
  timeLimitMs: number | null;
  memoryLimitMb: number | null;
  outputLimitMb: number | null;
  testCases: number | null;
  samples: { name: string; input: string; answer: string }[];
  /** The kind of the package's statement file (what "Download statement" gives), null when it has none or is not read yet. */
  statementKind: 'markdown' | 'html' | 'pdf' | 'latex' | null;
  /** How output is checked: the default validator, the package's own, or its interactor. */
  validation: 'default' | 'custom' | 'interactive' | null;
}

export interface ConsoleTeam {
  id: string;
  name: string;
  displayName: string;
  hidden: boolean;
  username: string | null;
  /** Where the team sits, in words, as the contest folder says; null when it does not. */
  location: string | null;
  /** The team's organization's name; null when it has none. */
  organization: string | null;
  /** The names of the team's categories (CLICS groups). */
  groups: string[];
}

/** The shape the portal uses, with the judges' own bookkeeping. */
export interface ConsoleClarification extends PortalClarification {
  /** A team's question a judge is answering (claimed until answered or released); absent or null: nobody. */
  claimed?: StaffMark | null;
}

export interface ConsoleLanguage {
  id: string;
  name: string;
  available: boolean;
  enabled: boolean;
  detail: string;
  /** The contest's time factor: its programs may run the problems' time limits times this (1: as the problem says). */
  timeFactor: number;
}

export interface ConsoleSnapshot {
  contest: { id: string; name: string };
  clock: ConsoleClock;
  pool: PoolView;
  workers: WorkerView[];
  judgehosts: JudgehostView[];
  queue: QueueEntry[];
  throughput: ThroughputSample[];
  languages: ConsoleLanguage[];
  /** Background work still running, in words. */
  preparing: string[];
}

/** What changed, pushed in batches (at most one batch every EVENT_BATCH_INTERVAL_MS). */
export type ConsoleEvent =
  | { type: 'pool'; pool: PoolView }
  | { type: 'workers'; workers: WorkerView[] }
  | { type: 'judgehosts'; judgehosts: JudgehostView[] }
  | { type: 'queue'; queue: QueueEntry[] }
  | { type: 'submission'; submission: ConsoleSubmission }
  | { type: 'clock'; clock: ConsoleClock }
  | { type: 'clarification'; clarification: ConsoleClarification }
  | { type: 'scoreboard' }
  | { type: 'throughput'; throughput: ThroughputSample[] }
  | { type: 'problems' }
  | { type: 'export'; job: ExportJob }
  /** A balloon was marked delivered or not (new balloons come with `scoreboard`). */
  | { type: 'balloons' }
  /** A rejudging was opened, judged one more submission, or was applied or cancelled. */
  | { type: 'rejudgings' }
  /** A print job came in, was printed, or its print command failed. */
  | { type: 'printJobs' };

export interface TeamImportSummary {
  added: number;
  updated: number;
  /** New accounts created for teams that had none. */
  newAccounts: number;
}

export interface PasswordSheetEntry {
  teamId: string;
  teamName: string;
  username: string;
  /** Null for an account imported with a hash only (its password is not known). */
  password: string | null;
}

export interface ExportJob {
  id: string;
  startedAt: number;
  endedAt?: number;
  state: 'running' | 'done' | 'failed';
  /** The export folder on the judge's machine. */
  path: string;
  filesWritten: number;
  /** Why it failed, or what is not final about the results. */
  message: string;
}

/** Files of a finished export that the console offers to open or download. */
export const EXPORT_FILES = ['standings.html', 'results.tsv', 'scoreboard.csv', 'scoreboard.json', 'awards.json', 'event-feed.ndjson', 'manifest.sha256'] as const;

export interface AnswerRequest {
  /** The question answered, or null for a new announcement. */
  replyToId: string | null;
  /** null: to everyone. */
  toTeamId: string | null;
  problemId: string | null;
  text: string;
}

/** A problem package added to the contest. */
export interface AddedProblem {
  id: string;
  label: string;
  name: string;
}

/**
 * How a console adds a problem package to the contest: it is read once (which checks it), copied
 * into the contest folder as `<id>.zip` or `<id>/` (id from the file name) and listed with the next
 * free label. The desktop app's main process shows a file dialog and reads the file (or folder) chosen
 * there, never a path the page names; a browser uploads the file the judge gave the page.
 */
/** A problem's files a judge can download: its test data (a zip of data/) or its statement file. */
export type ProblemFileKind = 'data' | 'statement';

/**
 * How this transport hands a judge a problem's file (the same bytes either way, console/problemFiles.ts): a
 * browser downloads it from `url`; the desktop's main process asks where to save it and writes it there
 * (the path saved to, or null when the judge cancelled the dialog).
 */
type ProblemDownload =
  | { via: 'link'; url: (problemId: string, kind: ProblemFileKind) => string }
  | { via: 'dialog'; save: (problemId: string, kind: ProblemFileKind) => Promise<string | null> };

/**
 * How this transport shows a judge a finished export (console/exportService.ts): a browser opens its files from
 * `url`; the desktop's main process opens the export's folder on this machine in the file manager.
 */
type ExportFiles =
  | { via: 'link'; url: (jobId: string, file: (typeof EXPORT_FILES)[number]) => string }
  | { via: 'folder'; open: (jobId: string) => Promise<void> };

type ProblemImport =
  | { via: 'dialog'; /** Null when the judge cancelled the dialog. */ choose: (kind: 'zip' | 'folder') => Promise<AddedProblem | null> }
  | { via: 'upload'; upload: (fileName: string, zip: Blob) => Promise<AddedProblem> };

export interface JudgeApi {
  getSnapshot(): Promise<ConsoleSnapshot>;
  /** All submissions, oldest first; `afterId` pages. */
  listSubmissions(afterId?: string | null, limit?: number): Promise<ConsoleSubmission[]>;
  getSubmission(id: string): Promise<SubmissionDetail>;
  getScoreboard(view: 'judges' | 'public'): Promise<ScoreboardView>;
  listProblems(): Promise<ConsoleProblem[]>;
  listTeams(): Promise<ConsoleTeam[]>;
  listClarifications(): Promise<ConsoleClarification[]>;

  pauseJudging(): Promise<void>;
  resumeJudging(): Promise<void>;
  setWorkers(workers: number): Promise<void>;
  /** Pauses, drains (remote judgehosts: they finish their judgings and exit) or resumes one judgehost (JudgehostView's id). */
  setJudgehostMode(judgehostId: string, mode: JudgehostOrder): Promise<void>;
  prioritise(submissionId: string): Promise<void>;
  /** Rejudges one submission now: its verdict is replaced as the new judging ends (the judging-error fix-up). */
  rejudgeSubmission(submissionId: string): Promise<void>;
  /** Opens a rejudging of the judged submissions selected (a reason is required); `skipped`: matched but left out. */
  createRejudging(selection: RejudgingSelection, reason: string): Promise<{ rejudging: RejudgingSummary; skipped: number }>;
  /** Newest first. */
  listRejudgings(): Promise<RejudgingSummary[]>;
  getRejudging(id: string): Promise<RejudgingDetail>;
  /** Makes every new judgement of a finished rejudging current at once: the scoreboard and the feed change now. */
  applyRejudging(id: string): Promise<RejudgingSummary>;
  /** Closes a rejudging without applying it: nothing anyone saw changes. */
  cancelRejudging(id: string): Promise<RejudgingSummary>;
  overrideVerdict(submissionId: string, verdict: Verdict, reason: string): Promise<void>;
  /** Stops the run in progress (the submission goes back to the queue unless paused). */
  killRun(submissionId: string): Promise<void>;
  answerClarification(answer: AnswerRequest): Promise<ConsoleClarification>;
  /**
   * Claims a team's unanswered question for this judge (others see who is answering it), or releases it,
   * whoever holds it. A claim another judge holds is refused (conflict) naming that judge; the answer releases it.
   */
  setClarificationClaimed(clarificationId: string, claimed: boolean): Promise<ConsoleClarification>;
  /** The stock answers a judge picks from (the contest folder's clarification-answers.yaml, or a default list). */
  listCannedAnswers(): Promise<string[]>;
  /** The schedule and the penalty per rejected submission (minutes; optional, kept when absent). */
  setContestTimes(times: { startTime: number | null; durationMs: number; freezeMs: number; penaltyMinutes?: number }): Promise<void>;
  /** Starts the contest now, its duration and freeze kept. Refused (conflict) once it has started. */
  startContestNow(): Promise<void>;
  /**
   * Ends the running contest now: its duration becomes the time it has run; a freeze that has begun keeps
   * its start, one not begun yet is dropped. Refused (conflict) before the start and after the end.
   */
  endContestNow(): Promise<void>;
  setLanguageEnabled(languageId: string, enabled: boolean): Promise<void>;
  /** Releases (or re-freezes) the public scoreboard after the contest; once the contest is over, a release is for good. */
  setThawed(thawed: boolean): Promise<void>;
  /**
   * Declares the results final (CLICS `finalized`; with the release, `end_of_updates` follows). Refused while the
   * contest runs, a submission waits for its verdict or has a judging error, or a question is unanswered.
   */
  finalizeResults(): Promise<void>;
  /**
   * Adds or updates teams from a list (CSV/TSV with a header naming at least `id` and `name`, and
   * optionally `display_name`, `organization`, `username`; DOMjudge's teams.tsv; or CLICS teams JSON).
   * New teams get an account with a generated password. Written into the contest folder.
   */
  importTeams(list: string): Promise<TeamImportSummary>;
  /** Every team account with its password, for the printable sheet. */
  getPasswordSheet(): Promise<PasswordSheetEntry[]>;
  /** Adds a problem package to the contest, as this transport can (ProblemImport). */
  importProblem: ProblemImport;
  /** A problem's test data or statement, as this transport hands a file over (ProblemDownload). */
  problemFiles: ProblemDownload;
  /**
   * Starts exporting the results (CLICS package, results.tsv, awards, CSV, printable HTML) into a new
   * folder of the data folder, in the background; progress arrives as `export` events. In a browser
   * the files of a finished export are at /api/console/exports/<id>/<file> (EXPORT_FILES).
   */
  startExport(): Promise<ExportJob>;
  listExports(): Promise<ExportJob[]>;
  /** A finished export's files, as this transport shows them (ExportFiles). */
  exportFiles: ExportFiles;

  /** The balloons owed so far, oldest first, with who delivered each. */
  listBalloons(): Promise<BalloonView[]>;
  /** Marks a balloon (by the submission that earned it) delivered, or not delivered after all. */
  setBalloonDelivered(submissionId: string, delivered: boolean): Promise<void>;
  /** Each problem's figures, in the contest's order. */
  getProblemStats(): Promise<ProblemStats[]>;
  /** Marks the verdict of a submission's current judgement verified by this judge, or not verified. */
  setVerified(submissionId: string, verified: boolean): Promise<void>;
  /** The print jobs (pending first) and the contest's printing. */
  listPrintJobs(): Promise<PrintJobsView>;
  /** A print job with its text. */
  getPrintJob(id: string): Promise<ConsolePrintJobWithText>;
  /** Marks a print job printed by this judge, or pending again. */
  setPrintJobPrinted(id: string, printed: boolean): Promise<void>;
  /** Sends a print job to the contest's print command (again) and waits for it: the job as it then is (its
   *  commandError says why the command failed). Refused where contest.yaml names no print_command. */
  sendPrintJob(id: string): Promise<ConsolePrintJob>;

  /** The awards as they stand (the judges' standings) and the medal counts they use. */
  getAwards(): Promise<AwardsView>;
  /** Sets how many medals of each colour the awards give (null: back to the defaults); the CLICS awards follow. */
  setMedalCounts(counts: MedalCounts | null): Promise<void>;
  /** The resolver's script for the ceremony. Refused (conflict) before the contest has ended: it reveals the freeze. */
  getResolver(): Promise<ResolverView>;

  /** Batched events; returns an unsubscribe function. */
  subscribe(listener: (events: ConsoleEvent[]) => void): () => void;
  /**
   * The live output (pty stream) of a submission being judged. `onData` gets chunks to write into a
   * terminal; call `ack()` once the terminal has parsed that chunk. Returns a stop function.
   */
  watchOutput(submissionId: string, onData: (data: string, ack: () => void) => void): () => void;
}

/** The request methods (everything but the two subscriptions, the import and the downloads), by name: the IPC channels and HTTP routes. */
export type JudgeRequestName = Exclude<keyof JudgeApi, 'subscribe' | 'watchOutput' | 'importProblem' | 'problemFiles' | 'exportFiles'>;

export const JUDGE_REQUESTS = [
  'getSnapshot',
  'listSubmissions',
  'getSubmission',
  'getScoreboard',
  'listProblems',
  'listTeams',
  'listClarifications',
  'pauseJudging',
  'resumeJudging',
  'setWorkers',
  'setJudgehostMode',
  'prioritise',
  'rejudgeSubmission',
  'createRejudging',
  'listRejudgings',
  'getRejudging',
  'applyRejudging',
  'cancelRejudging',
  'overrideVerdict',
  'killRun',
  'answerClarification',
  'setClarificationClaimed',
  'listCannedAnswers',
  'setContestTimes',
  'startContestNow',
  'endContestNow',
  'setLanguageEnabled',
  'setThawed',
  'finalizeResults',
  'importTeams',
  'getPasswordSheet',
  'startExport',
  'listExports',
  'listBalloons',
  'setBalloonDelivered',
  'getProblemStats',
  'setVerified',
  'listPrintJobs',
  'getPrintJob',
  'setPrintJobPrinted',
  'sendPrintJob',
  'getAwards',
  'setMedalCounts',
  'getResolver',
] as const satisfies readonly JudgeRequestName[];

// Every request method is listed (a missing one fails to compile here).
type Missing = Exclude<JudgeRequestName, (typeof JUDGE_REQUESTS)[number]>;
const allListed: [Missing] extends [never] ? true : Missing = true;
void allListed;

/** What the Electron preload exposes as `window.verdictJudge` (absent in a browser). */
export interface JudgeBridge {
  invoke(method: JudgeRequestName, ...args: unknown[]): Promise<unknown>;
  subscribe(listener: (events: ConsoleEvent[]) => void): () => void;
  watchOutput(submissionId: string, onData: (data: string, ack: () => void) => void): () => void;
  /** Shows the main process's file dialog and imports the package chosen; null when cancelled. */
  chooseProblemPackage(kind: 'zip' | 'folder'): Promise<AddedProblem | null>;
  /** Shows the main process's save dialog and writes the problem's file there; the path, or null when cancelled. */
  saveProblemFile(problemId: string, kind: ProblemFileKind): Promise<string | null>;
  /** Opens a finished export's folder in the file manager (the main process finds it by the job's id). */
  openExportFolder(jobId: string): Promise<void>;
}

/** IPC channel names, shared by the preload and the main process's handlers. */
export const IPC = {
  request: (method: JudgeRequestName) => `judge:${method}`,
  events: 'judge:events',
  watchOutput: 'judge:watch-output',
  output: 'judge:output',
  ackOutput: 'judge:ack-output',
  stopOutput: 'judge:stop-output',
  chooseProblemPackage: 'judge:choose-problem-package',
  saveProblemFile: 'judge:save-problem-file',
  openExportFolder: 'judge:open-export-folder',
} as const;
