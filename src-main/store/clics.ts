// Rows -> CLICS Contest API objects, of the shapes ../clics/schemas.ts defines (2026-01). Pure functions, no
// database access; times written as ../clics/time.ts formats them.
import type {
  ClicsClarification,
  ClicsContest,
  ClicsGroup,
  ClicsJudgement,
  ClicsJudgementType,
  ClicsOrganization,
  ClicsProblem,
  ClicsRun,
  ClicsState,
  ClicsSubmission,
  ClicsTeam,
} from '../clics/schemas.ts';
import { clicsTime, contestTimeMs, relTime } from '../clics/time.ts';
import type { ContestTeam, ScoreboardType } from '../contest/model.ts';
import { countedScore } from '../contest/scoreScoreboard.ts';
import type { ClarificationRow, ContestRow, JudgementRow, ProblemRow, RunRow, SubmissionRow, TeamRow } from './rows.ts';

export type { ClicsState } from '../clics/schemas.ts';

/** Verdict's verdicts as CLICS judgement types: what costs penalty time follows the scoreboard's rules (scoreboard.ts). */
export const JUDGEMENT_TYPES: readonly ClicsJudgementType[] = [
  { id: 'AC', name: 'Accepted', penalty: false, solved: true },
  { id: 'WA', name: 'Wrong Answer', penalty: true, solved: false },
  { id: 'TLE', name: 'Time Limit Exceeded', penalty: true, solved: false },
  { id: 'MLE', name: 'Memory Limit Exceeded', penalty: true, solved: false },
  { id: 'RTE', name: 'Run-Time Error', penalty: true, solved: false },
  { id: 'OLE', name: 'Output Limit Exceeded', penalty: true, solved: false },
  { id: 'CE', name: 'Compile Error', penalty: false, solved: false },
  { id: 'JE', name: 'Judging Error', penalty: false, solved: false },
];

/** Seconds with millisecond precision, as CLICS numbers of seconds are given. */
function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

export function contestObject(c: ContestRow): ClicsContest {
  return {
    id: c.id,
    name: c.name,
    formal_name: c.formalName,
    start_time: c.startTime === null ? null : clicsTime(c.startTime),
    duration: relTime(c.durationMs),
    scoreboard_freeze_duration: relTime(c.freezeMs),
    // CLICS: a penalty time only for pass-fail scoreboards.
    ...(c.scoreboardType === 'score' ? { scoreboard_type: 'score' as const } : { scoreboard_type: 'pass-fail' as const, penalty_time: relTime(c.penaltyMinutes * 60_000) }),
  };
}

/** The most a submission to the problem can score in a score contest: a scoring problem's bound, 1 for a pass-fail
 *  problem (an AC scores 1); null while the package has not been read, or for a scoring problem without a bound. */
export function contestMaxScore(p: Pick<ProblemRow, 'scoring' | 'maxScore'>): number | null {
  if (p.scoring === null) return null;
  return p.scoring ? p.maxScore : 1;
}

/** In a score contest a problem has its max_score (contestMaxScore), left out while unknown. */
export function problemObject(p: ProblemRow, scoreboardType: ScoreboardType): ClicsProblem {
  const o: ClicsProblem = { id: p.id, label: p.label, name: p.name, ordinal: p.ordinal, test_data_count: p.testDataCount ?? 0 };
  const maxScore = scoreboardType === 'score' ? contestMaxScore(p) : null;
  if (maxScore !== null) o.max_score = maxScore;
  // rgb must be #rgb/#rrggbb when present; empty values are left out rather than sent invalid.
  if (/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(p.rgb)) o.rgb = p.rgb;
  if (p.color) o.color = p.color;
  if (p.timeLimitMs !== null) o.time_limit = seconds(p.timeLimitMs);
  return o;
}

/** A team's label is its id (Verdict has no seat numbers); hidden teams are not shown to teams or the public at all. */
export function teamObject(t: TeamRow): ClicsTeam {
  return {
    id: t.id,
    name: t.name,
    label: t.id,
    display_name: t.displayName,
    organization_id: t.organizationId,
    group_ids: t.groupIds,
  };
}

/** The groups of a contest: those its groups file defines, and every one a team names (named by its id then); by id. */
export function groupObjects(teams: readonly Pick<ContestTeam, 'groupIds'>[], defined: readonly { id: string; name: string }[] = []): ClicsGroup[] {
  const byId = new Map<string, ClicsGroup>();
  for (const g of defined) byId.set(g.id, { id: g.id, name: g.name });
  for (const t of teams) for (const id of t.groupIds) if (!byId.has(id)) byId.set(id, { id, name: id });
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

/** The organizations of a contest: those its organizations file defines, and every one a team names; by id. */
export function organizationObjects(teams: readonly Pick<ContestTeam, 'organizationId'>[], defined: readonly ClicsOrganization[] = []): ClicsOrganization[] {
  const byId = new Map<string, ClicsOrganization>();
  for (const o of defined) byId.set(o.id, { id: o.id, name: o.name, formal_name: o.formal_name, ...(o.country === undefined ? {} : { country: o.country }) });
  for (const t of teams) {
    if (t.organizationId !== null && !byId.has(t.organizationId)) byId.set(t.organizationId, { id: t.organizationId, name: t.organizationId, formal_name: t.organizationId });
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The entry point a submission's language needs ("Submissions", entry_point): the public class for Java (the
 * rule the judge compiles by: the public class, else the first class, else Main), MainKt for Kotlin (Verdict
 * saves the source as main.kt), the file for interpreted languages; null where the language has one
 * unambiguous entry point (C, C++, compiled languages).
 */
export function entryPointOf(languageId: string, fileName: string, source: string): string | null {
  switch (languageId) {
    case 'java': {
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      const publicClass = /\bpublic\s+(?:(?:final|abstract|strictfp)\s+)*(?:class|record|enum|interface)\s+([A-Za-z_$][\w$]*)/.exec(code);
      const anyClass = /\b(?:class|record)\s+([A-Za-z_$][\w$]*)/.exec(code);
      return publicClass?.[1] ?? anyClass?.[1] ?? 'Main';
    }
    case 'kotlin':
      return 'MainKt';
    case 'python':
    case 'javascript':
      return fileName;
    default:
      return null;
  }
}

/** `files` points at the CLICS files endpoint (relative to the API base URL), which serves a zip of the source. */
export function submissionObject(s: SubmissionRow, contestId: string): ClicsSubmission {
  return {
    id: s.id,
    language_id: s.languageId,
    problem_id: s.problemId,
    team_id: s.teamId,
    time: clicsTime(s.submittedAt),
    contest_time: relTime(s.contestTimeMs),
    entry_point: s.entryPoint,
    files: [{ href: `contests/${contestId}/submissions/${s.id}/files`, filename: 'files.zip', mime: 'application/zip' }],
  };
}

/** In a score contest a finished judgement has the score it counts for (scoreScoreboard.ts's countedScore). */
export function judgementObject(j: JudgementRow, startTime: number | null, scoreboardType: ScoreboardType): ClicsJudgement {
  const ended = j.endTime !== null;
  const score = ended && scoreboardType === 'score' ? countedScore(j.verdict, j.score) : null;
  return {
    id: j.id,
    submission_id: j.submissionId,
    judgement_type_id: ended ? j.verdict : null,
    current: j.valid,
    start_time: clicsTime(j.startTime),
    start_contest_time: relTime(contestTimeMs(startTime, j.startTime)),
    end_time: j.endTime === null ? null : clicsTime(j.endTime),
    end_contest_time: j.endTime === null ? null : relTime(contestTimeMs(startTime, j.endTime)),
    max_run_time: ended && j.timeMs !== null ? seconds(j.timeMs) : null,
    ...(score === null ? {} : { score }),
  };
}

/** A run's score only in a score contest, and only where the test case has one (CLICS: omitted where not meaningful). */
export function runObject(r: RunRow, startTime: number | null, scoreboardType: ScoreboardType): ClicsRun {
  return {
    id: r.id,
    judgement_id: r.judgementId,
    ordinal: r.ordinal,
    judgement_type_id: r.verdict,
    time: clicsTime(r.time),
    contest_time: relTime(contestTimeMs(startTime, r.time)),
    run_time: seconds(r.timeMs),
    ...(scoreboardType === 'score' && r.score !== null ? { score: r.score } : {}),
  };
}

export function clarificationObject(c: ClarificationRow): ClicsClarification {
  return {
    id: c.id,
    from_team_id: c.fromTeamId,
    to_team_id: c.toTeamId,
    reply_to_id: c.replyToId,
    problem_id: c.problemId,
    text: c.text,
    time: clicsTime(c.time),
    contest_time: relTime(c.contestTimeMs),
  };
}

export interface StateMarks {
  /** When the judges released the results (the public scoreboard shows everything from then on). */
  thawed: number | null;
  finalized: number | null;
  endOfUpdates: number | null;
}

/**
 * The contest state at `now`: started/frozen/ended follow from the schedule, the others from the judges' marks,
 * in the order CLICS requires (started < frozen < ended < thawed < end_of_updates, ended < finalized <
 * end_of_updates): a contest never frozen is never thawed; a release before the end shows as thawed at the end;
 * finalized only once ended; end_of_updates only once finalized and, if frozen, thawed.
 */
export function stateObject(c: Pick<ContestRow, 'startTime' | 'durationMs' | 'freezeMs'> | null, marks: StateMarks, now: number): ClicsState {
  const start = c?.startTime ?? null;
  const reached = (t: number | null): number | null => (t !== null && t <= now ? t : null);
  const end = start === null || c === null ? null : start + c.durationMs;
  const freeze = end === null || c === null || c.freezeMs <= 0 ? null : end - c.freezeMs;
  const started = reached(start);
  const frozen = reached(freeze);
  const ended = reached(end);
  const thawed = frozen !== null && ended !== null && marks.thawed !== null ? Math.max(marks.thawed, ended) : null;
  const finalized = ended !== null && marks.finalized !== null ? Math.max(marks.finalized, ended) : null;
  const endOfUpdates = finalized !== null && (frozen === null || thawed !== null) && marks.endOfUpdates !== null ? Math.max(marks.endOfUpdates, finalized, thawed ?? 0) : null;
  const time = (t: number | null): string | null => (t === null ? null : clicsTime(t));
  return {
    started: time(started),
    frozen: time(frozen),
    ended: time(ended),
    thawed: time(thawed),
    finalized: time(finalized),
    end_of_updates: time(endOfUpdates),
  };
}
