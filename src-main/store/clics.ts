// Rows -> CLICS Contest API objects (ccs-specs 2026-01 field names). Pure functions, no database access.
// TIME: ISO 8601 with milliseconds and zone ("2026-03-01T09:00:00.000Z"); RELTIME: "(-)h:mm:ss.uuu".
import type { ClarificationRow, ContestRow, JudgementRow, ProblemRow, RunRow, SubmissionRow, TeamRow } from './rows.ts';

export interface ClicsContest {
  id: string;
  name: string;
  formal_name: string;
  start_time: string | null;
  duration: string;
  scoreboard_freeze_duration: string;
  /** RELTIME since 2026-01 (an integer of minutes before). */
  penalty_time: string;
}

export interface ClicsProblem {
  id: string;
  label: string;
  name: string;
  ordinal: number;
  rgb?: string;
  color?: string;
  /** Seconds; left out until the package has been read. */
  time_limit?: number;
  /** 0 until the package has been read. */
  test_data_count: number;
}

export interface ClicsTeam {
  id: string;
  name: string;
  display_name: string;
  organization_id: string | null;
  group_ids: string[];
  hidden: boolean;
}

export interface ClicsFile {
  href: string;
  filename: string;
  mime: string;
}

export interface ClicsSubmission {
  id: string;
  language_id: string;
  problem_id: string;
  team_id: string;
  time: string;
  contest_time: string;
  files: ClicsFile[];
}

export interface ClicsJudgement {
  id: string;
  submission_id: string;
  judgement_type_id: string | null;
  /** False once replaced by a rejudge or crash recovery (2026-01). */
  current: boolean;
  start_time: string;
  start_contest_time: string;
  end_time: string | null;
  end_contest_time: string | null;
  /** Seconds. */
  max_run_time: number | null;
}

export interface ClicsRun {
  id: string;
  judgement_id: string;
  ordinal: number;
  judgement_type_id: string;
  time: string;
  contest_time: string;
  /** Seconds. */
  run_time: number;
}

export interface ClicsClarification {
  id: string;
  from_team_id: string | null;
  to_team_id: string | null;
  reply_to_id: string | null;
  problem_id: string | null;
  text: string;
  time: string;
  contest_time: string;
}

export interface ClicsState {
  started: string | null;
  frozen: string | null;
  ended: string | null;
  thawed: string | null;
  finalized: string | null;
  end_of_updates: string | null;
}

/** Epoch ms -> CLICS TIME. */
export function clicsTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds -> CLICS RELTIME "(-)h:mm:ss.uuu" (hours unbounded). */
export function relTime(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms));
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${sign}${hours}:${pad2(minutes)}:${pad2(seconds)}.${String(millis).padStart(3, '0')}`;
}

/** CLICS RELTIME -> milliseconds (the inverse of relTime; `.uuu` optional). */
export function parseRelTime(text: string): number {
  const m = /^(-)?(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(text);
  if (!m) throw new Error(`not a RELTIME: ${JSON.stringify(text)}`);
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000 + (m[5] ? Number(m[5].padEnd(3, '0')) : 0);
  return m[1] ? -ms : ms;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Contest time of an absolute moment: relative to the start; 0 while no start is scheduled. */
export function contestTimeMs(startTime: number | null, at: number): number {
  return startTime === null ? 0 : at - startTime;
}

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
    penalty_time: relTime(c.penaltyMinutes * 60_000),
  };
}

export function problemObject(p: ProblemRow): ClicsProblem {
  const o: ClicsProblem = { id: p.id, label: p.label, name: p.name, ordinal: p.ordinal, test_data_count: p.testDataCount ?? 0 };
  // rgb must be #rgb/#rrggbb when present; empty values are left out rather than sent invalid.
  if (/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(p.rgb)) o.rgb = p.rgb;
  if (p.color) o.color = p.color;
  if (p.timeLimitMs !== null) o.time_limit = seconds(p.timeLimitMs);
  return o;
}

export function teamObject(t: TeamRow): ClicsTeam {
  return {
    id: t.id,
    name: t.name,
    display_name: t.displayName,
    organization_id: t.organizationId,
    group_ids: t.groupIds,
    hidden: t.hidden,
  };
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
    files: [{ href: `contests/${contestId}/submissions/${s.id}/files`, filename: 'files.zip', mime: 'application/zip' }],
  };
}

export function judgementObject(j: JudgementRow, startTime: number | null): ClicsJudgement {
  const ended = j.endTime !== null;
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
  };
}

export function runObject(r: RunRow, startTime: number | null): ClicsRun {
  return {
    id: r.id,
    judgement_id: r.judgementId,
    ordinal: r.ordinal,
    judgement_type_id: r.verdict,
    time: clicsTime(r.time),
    contest_time: relTime(contestTimeMs(startTime, r.time)),
    run_time: seconds(r.timeMs),
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
  thawed: number | null;
  finalized: number | null;
  endOfUpdates: number | null;
}

/** The contest state at `now`: started/frozen/ended follow from the schedule, the others are set by the judges. */
export function stateObject(c: ContestRow | null, marks: StateMarks, now: number): ClicsState {
  const start = c?.startTime ?? null;
  const at = (t: number | null): string | null => (t !== null && t <= now ? clicsTime(t) : null);
  const end = start === null || c === null ? null : start + c.durationMs;
  const freeze = end === null || c === null || c.freezeMs <= 0 ? null : end - c.freezeMs;
  return {
    started: at(start),
    frozen: at(freeze),
    ended: at(end),
    thawed: marks.thawed === null ? null : clicsTime(marks.thawed),
    finalized: marks.finalized === null ? null : clicsTime(marks.finalized),
    end_of_updates: marks.endOfUpdates === null ? null : clicsTime(marks.endOfUpdates),
  };
}
