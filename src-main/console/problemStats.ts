// Each problem's figures for the console's statistics: attempts, teams that tried and solved it, the
// first solve, the verdicts given and when submissions came. Teams on the public scoreboard only
// (hidden teams are the judges' own); the verdicts are the judges' (never frozen).
import type { Verdict } from '../common/types.ts';
import { balloonsOf } from '../contest/balloons.ts';
import type { ProblemStats } from '../shared/judgeApi.ts';

/** Slices of the contest the histogram shows. */
export const HISTOGRAM_BUCKETS = 20;

interface StatsInput {
  problems: ReadonlyArray<{ id: string; label: string; name: string; rgb: string }>;
  teams: ReadonlyArray<{ id: string; displayName: string; hidden: boolean }>;
  submissions: ReadonlyArray<{ id: string; teamId: string; problemId: string; contestTimeMs: number; verdict: Verdict | null }>;
  durationMs: number;
}

export function problemStats({ problems, teams, submissions, durationMs }: StatsInput): ProblemStats[] {
  const teamById = new Map(teams.filter((t) => !t.hidden).map((t) => [t.id, t]));
  const counted = submissions.filter((s) => teamById.has(s.teamId));
  const firstSolves = new Map(balloonsOf(teams, counted).filter((b) => b.firstToSolve).map((b) => [b.problemId, b]));
  const bucketMs = Math.max(1, Math.ceil(durationMs / HISTOGRAM_BUCKETS));
  return problems.map((p) => {
    const own = counted.filter((s) => s.problemId === p.id);
    const verdicts: ProblemStats['verdicts'] = {};
    const buckets = Array.from({ length: HISTOGRAM_BUCKETS }, () => ({ accepted: 0, rejected: 0, pending: 0 }));
    const tried = new Set<string>();
    const solved = new Set<string>();
    for (const s of own) {
      const key = s.verdict ?? 'pending';
      verdicts[key] = (verdicts[key] ?? 0) + 1;
      tried.add(s.teamId);
      if (s.verdict === 'AC') solved.add(s.teamId);
      const bucket = buckets[Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, Math.floor(s.contestTimeMs / bucketMs)))];
      if (s.verdict === 'AC') bucket.accepted++;
      else if (s.verdict === null || s.verdict === 'JE') bucket.pending++;
      else bucket.rejected++;
    }
    const first = firstSolves.get(p.id);
    return {
      problemId: p.id,
      label: p.label,
      name: p.name,
      rgb: p.rgb,
      submissions: own.length,
      teamsTried: tried.size,
      teamsSolved: solved.size,
      firstSolve: first ? { teamId: first.teamId, teamName: teamById.get(first.teamId)!.displayName, contestTimeMs: first.contestTimeMs } : null,
      verdicts,
      histogram: { bucketMs, buckets },
    };
  });
}
