// verdict.json: what a CLICS contest package has no place for, so that `verdict import` brings the
// contest back whole: the time of every event (the feed's lines carry none), the judges' settings,
// judging details (judgehost, memory, compile output, run exit codes and messages, a scoring problem's
// test groups' results) and the audit trail of overridden verdicts. Other tools ignore the file; the CLICS files stand on their own.
import type { JudgementRow, RunRow, Store } from '../store/store.ts';

export const EXTRAS_FILE = 'verdict.json';
export const EXTRAS_FORMAT = 'verdict-contest-package';
export const EXTRAS_VERSION = 1;

interface JudgementExtras {
  judgehost: string;
  judged_verdict: string | null;
  overridden: boolean;
  max_memory_kb: number | null;
  compile_ok: boolean | null;
  compile_output: string | null;
  compile_time_ms: number | null;
  error: string | null;
  failing_output: string | null;
  invalidated_at: number | null;
  invalidated_why: 'rejudge' | 'recovery' | null;
  /** A scoring problem's test groups' results: a best-per-subtask scoreboard is computed from them. */
  groups?: GroupResultExtras[];
}

interface GroupResultExtras {
  name: string;
  verdict: string;
  score: number;
  max_score: number | null;
}

interface RunExtras {
  test_name: string;
  memory_kb: number;
  wall_ms: number;
  exit_code: number;
  signal: number;
  message: string;
}

interface OverrideExtras {
  submission_id: string;
  judgement_id: string;
  old_verdict: string;
  new_verdict: string;
  reason: string;
  by: string;
  time: number;
}

export interface PackageExtras {
  format: typeof EXTRAS_FORMAT;
  version: number;
  contest_id: string;
  /** Epoch ms of each line of event-feed.ndjson, in order. */
  event_times: number[];
  settings: Record<string, string>;
  judgements: Record<string, JudgementExtras>;
  runs: Record<string, RunExtras>;
  overrides: OverrideExtras[];
}

/** verdict.json's content: the judgements and runs as exported, the feed's event times, the rest from the store. */
export function packageExtras(store: Store, contestId: string, rows: { judgements: JudgementRow[]; runs: RunRow[]; eventTimes: number[] }): PackageExtras {
  const judgements: Record<string, JudgementExtras> = {};
  const runs: Record<string, RunExtras> = {};
  for (const j of rows.judgements) {
    judgements[j.id] = {
      judgehost: j.judgehost,
      judged_verdict: j.judgedVerdict,
      overridden: j.overridden,
      max_memory_kb: j.memoryKb,
      compile_ok: j.compileOk,
      compile_output: j.compileOutput,
      compile_time_ms: j.compileTimeMs,
      error: j.error,
      failing_output: j.failingOutput,
      invalidated_at: j.invalidatedAt,
      invalidated_why: j.invalidatedWhy,
      ...(j.groups ? { groups: j.groups.map((g) => ({ name: g.name, verdict: g.verdict, score: g.score, max_score: g.maxScore })) } : {}),
    };
  }
  for (const r of rows.runs) {
    runs[r.id] = { test_name: r.testName, memory_kb: r.memoryKb, wall_ms: r.wallMs, exit_code: r.exitCode, signal: r.signal, message: r.message };
  }
  const overrides = store.judgements.overrides().map((o) => ({
    submission_id: o.submissionId,
    judgement_id: o.judgementId,
    old_verdict: o.oldVerdict,
    new_verdict: o.newVerdict,
    reason: o.reason,
    by: o.by,
    time: o.time,
  }));
  return { format: EXTRAS_FORMAT, version: EXTRAS_VERSION, contest_id: contestId, event_times: rows.eventTimes, settings: store.settings.all(), judgements, runs, overrides };
}
