// The contestants' portal API: the one place its requests and answers are typed. The server
// (src-main/server) and the portal page (src-renderer/portal) both follow it.
//
// All JSON. Authentication: the session cookie set by POST /api/login. Every POST sends
// `Content-Type: application/json` and the header `X-CSRF-Token: <csrfToken from Me>`.
// Errors: an HTTP status >= 400 with `ApiError` as the body.
//
//   POST /api/login                      LoginRequest -> Me           (401 on a wrong password)
//   POST /api/logout                     {} -> {}
//   GET  /api/me                         -> Me                        (401 when not logged in)
//   GET  /api/portal/overview            -> PortalOverview            (no login needed)
//   GET  /api/portal/problems/:id/statement -> the statement file (text/markdown, text/html or application/pdf)
//   GET  /api/portal/submissions         -> PortalSubmission[]        (the caller's team's, newest first)
//   GET  /api/portal/submissions/:id     -> PortalSubmissionDetail    (the caller's team's own only: another
//                                        team's id answers 404, exactly as an id that does not exist)
//   POST /api/portal/submissions         SubmitRequest -> 202 PortalSubmission
//                                        header `Idempotency-Key: <any unique string>`: a retried POST
//                                        with the same key returns the same submission
//                                        413 source too large, 429 too many submissions, 409 contest closed
//   GET  /api/portal/scoreboard          -> ScoreboardView            (frozen for teams during the freeze)
//   GET  /api/portal/clarifications      -> PortalClarification[]     (the team's own, answers to it, broadcasts)
//   POST /api/portal/clarifications      AskRequest -> 201 PortalClarification
//   GET  /api/portal/print               -> PortalPrintJobs           (the caller's team's jobs, newest first, and
//                                        whether it may print now)
//   GET  /api/portal/print/:id           -> PortalPrintJobWithText    (the team's own only: another team's id 404)
//   POST /api/portal/print               PrintRequest -> 201 PortalPrintJob
//                                        413 text too large, 429 too many jobs, 409 printing closed
//   GET  /api/portal/stream              Server-Sent Events; each event says what changed, the page then
//                                        re-fetches: `submissions`, `judgements` (own team's), `scoreboard`,
//                                        `clarifications`, `contest`/`state` (clock changes). Reconnects on
//                                        its own; where EventSource fails, poll every 10 s instead.

import type { GroupResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';

export interface ApiError {
  error: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface Me {
  account: { id: string; username: string; type: 'team' | 'judge' | 'admin'; teamId: string | null };
  team: { id: string; name: string; displayName: string } | null;
  csrfToken: string;
}

interface PortalPhase {
  started: boolean;
  ended: boolean;
  frozen: boolean;
  contestTimeMs: number | null;
  remainingMs: number | null;
}

export interface PortalProblem {
  id: string;
  label: string;
  name: string;
  rgb: string;
  color: string;
  /** Null until the package has been read. */
  timeLimitMs: number | null;
  /** MiB (the package's `limits.memory`); null until the package has been read. */
  memoryLimitMb: number | null;
  /** 'latex' arrives converted to HTML, its math as TeX for the page to typeset. */
  statementKind: 'markdown' | 'html' | 'pdf' | 'latex' | null;
  /** The program talks with the judges' interactor instead of reading a file (null until the package has been read). */
  interactive: boolean | null;
  /** A submit-answer problem: a submission is the answer file, in no language (its languageId is
   *  ANSWER_LANGUAGE_ID, common/types.ts); null until the package has been read. */
  submitAnswer: boolean | null;
  samples: { name: string; input: string; answer: string }[];
}

export interface PortalOverview {
  contest: { id: string; name: string; formalName: string; startTime: number | null; durationMs: number; freezeMs: number; penaltyMinutes: number };
  /** The server's clock when answering (epoch ms): the page corrects its own clock with it. */
  serverTime: number;
  phase: PortalPhase;
  problems: PortalProblem[];
  /** timeFactor: the contest's for the language (its time limits are the problems' times this; 1: as the problem says). */
  languages: { id: string; name: string; extensions: string[]; timeFactor: number }[];
  /** Background work still running, in words ("hashing passwords: 120 of 1000"); empty when ready. */
  preparing: string[];
}

export interface PortalSubmission {
  id: string;
  problemId: string;
  languageId: string;
  fileName: string;
  /** Epoch ms. */
  submittedAt: number;
  contestTimeMs: number;
  status: 'queued' | 'judging' | 'judged';
  /** The verdict once judged; JE is shown to teams as still judging (never their fault). */
  verdict: Verdict | null;
  /** 1-based place in the judging queue while queued. */
  queuePosition: number | null;
  /** Rough wait until judging starts, from recent judging times and the number of workers. */
  estimatedWaitMs: number | null;
  /** While judging: tests done and total. */
  testsDone: number | null;
  testsTotal: number | null;
  timeMs: number | null;
  /** Scoring problems, once judged: the submission's score, and the most it could have scored (null: unbounded). */
  score: number | null;
  maxScore: number | null;
  /** Scoring problems, once judged: each test group's result (parents first; '' is the whole submission). */
  groups: GroupResult[] | null;
}

/** A team's own submission opened on its page: never anything of a secret test case. */
export interface PortalSubmissionDetail {
  submission: PortalSubmission;
  /** The entry file's text (submission.fileName). */
  source: string;
  /** A submission of several files: the others, by name (empty for one file). */
  otherFiles: { fileName: string; source: string }[];
  /** The compiler's messages (errors for a CE, else warnings), cut at compileOutputOmittedChars; '' when it said nothing. */
  compileOutput: string;
  /** Characters of the compiler's output left out at its end (0: all of it is shown). */
  compileOutputOmittedChars: number;
  /** The problem's sample test cases in judging order, each with how this submission did on it. */
  samples: PortalSampleResult[];
}

export interface PortalSampleResult {
  name: string;
  /** Null until judged, or when the sample was not run (judging stopped at an earlier rejection). */
  verdict: Verdict | null;
  timeMs: number | null;
  /** The sample the submission first failed on with a wrong answer: its input, the expected answer and the
   *  program's own output, each cut at the same length (`truncated` says whether any was). */
  wrongAnswer: { input: string; expected: string; output: string; truncated: boolean } | null;
}

export interface SubmitRequest {
  problemId: string;
  languageId: string;
  fileName: string;
  /** The source text (UTF-8). */
  source: string;
  /** A program of several files: the others (at most 15, 256 KiB with the first together). The judge
   *  runs the one called main.*, else the first of the language's sources by name. */
  otherFiles?: { fileName: string; source: string }[];
}

export interface ScoreboardView {
  frozen: boolean;
  /** 'score': rows are ranked by `score` and cells show theirs (solved and penalty are not shown). */
  scoreboardType: 'pass-fail' | 'score';
  /** maxScore (score contests): the most a submission can score, null while unknown or unbounded. */
  problems: { id: string; label: string; rgb: string; maxScore: number | null }[];
  /** The categories (CLICS groups) the board's teams belong to, by id: what the board can be filtered by. */
  groups: { id: string; name: string }[];
  rows: {
    rank: number;
    teamId: string;
    teamName: string;
    /** The team's organization (university, school), shown under its name; null when it has none. */
    affiliation: string | null;
    /** The team's categories (ids of `groups`). */
    groupIds: string[];
    solved: number;
    penalty: number;
    /** Score contests: the total score; null otherwise. */
    score: number | null;
    problems: {
      problemId: string;
      attempts: number;
      pending: number;
      solved: boolean;
      /** Pass-fail: the minute of the solution; score contests: the minute the cell reached its score. */
      timeMinutes: number | null;
      firstToSolve: boolean;
      /** Score contests only: the team's score for the problem. */
      score?: number;
    }[];
  }[];
}

export interface PortalClarification {
  id: string;
  fromTeamId: string | null;
  toTeamId: string | null;
  problemId: string | null;
  replyToId: string | null;
  text: string;
  /** Epoch ms. */
  time: number;
}

export interface AskRequest {
  problemId: string | null;
  text: string;
}

/** A source file or pasted text a team sends to be printed (the staff take the printout to its seat). */
export interface PrintRequest {
  /** The file's name ('' for pasted text): shown on the printout; its extension says the language. */
  fileName: string;
  text: string;
}

export interface PortalPrintJob {
  id: string;
  fileName: string;
  /** The language its extension says, or null. */
  languageId: string | null;
  /** Epoch ms. */
  submittedAt: number;
  /** Whether the staff (or the print command) printed it. */
  printed: boolean;
}

export interface PortalPrintJobWithText extends PortalPrintJob {
  text: string;
}

export interface PortalPrintJobs {
  /** Why the team may not print now (printing off, the contest not running), or null when it may. */
  closed: string | null;
  /** The largest text a job may have, in bytes (UTF-8). */
  maxBytes: number;
  /** The team's own jobs, newest first. */
  jobs: PortalPrintJob[];
}
