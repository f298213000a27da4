// Small pieces the console's views share (the ones both pages use are in shared/ui.tsx and shared/problems.tsx).
import { useMemo } from 'react';
import type { ConsoleLanguage, ConsoleProblem, ConsoleSubmission, ConsoleTeam } from '../../../src-main/shared/judgeApi.ts';
import type { Verdict } from '../../../src-main/common/types.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { VERDICT_NAMES, verdictTone } from '../../shared/verdicts.ts';
import { useConsole } from '../store/index.ts';

const VERDICTS = Object.keys(VERDICT_NAMES) as Verdict[];

export function ProblemTag({ problem, fallback }: { problem: Pick<ConsoleProblem, 'label' | 'rgb' | 'name'> | undefined; fallback?: string }) {
  if (!problem) return <span className="problem-tag">{fallback ?? '?'}</span>;
  return (
    <span className="problem-tag" title={problem.name}>
      <ProblemDot rgb={problem.rgb} />
      {problem.label}
    </span>
  );
}

/** A submission's result: the verdict in its colour, or where it is in judging. */
export function VerdictBadge({ submission, long = false }: { submission: Pick<ConsoleSubmission, 'status' | 'verdict' | 'overridden'>; long?: boolean }) {
  const verdict = submission.status === 'judged' ? submission.verdict : null;
  const tone = verdict ? verdictTone(verdict) : 'pending';
  const text = verdict ? (long ? VERDICT_NAMES[verdict] : verdict) : submission.status === 'judging' ? 'judging' : 'queued';
  return (
    <span className={`verdict-badge tone-${tone}${verdict === 'JE' ? ' tone-error' : ''}`} title={verdict ? VERDICT_NAMES[verdict] : undefined} data-verdict={verdict ?? submission.status}>
      {text}
      {submission.overridden && (
        <span className="overridden-mark" title="Verdict overridden by a judge" aria-label="overridden">
          ✎
        </span>
      )}
    </span>
  );
}

export function RunVerdict({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict-badge tone-${verdictTone(verdict)}${verdict === 'JE' ? ' tone-error' : ''}`} title={VERDICT_NAMES[verdict]} data-verdict={verdict}>
      {verdict}
    </span>
  );
}

export interface Names {
  team(id: string): string;
  problem(id: string): string;
  language(id: string): string;
  problemById: ReadonlyMap<string, ConsoleProblem>;
  teamById: ReadonlyMap<string, ConsoleTeam>;
  languageById: ReadonlyMap<string, ConsoleLanguage>;
}

/** Lookups by id for the lists in the store; the same object until one of the lists changes. */
export function useNames(): Names {
  const teams = useConsole((s) => s.teams);
  const problems = useConsole((s) => s.problems);
  const languages = useConsole((s) => s.languages);
  return useMemo(() => {
    const teamById = new Map(teams.map((t) => [t.id, t]));
    const problemById = new Map(problems.map((p) => [p.id, p]));
    const languageById = new Map(languages.map((l) => [l.id, l]));
    return {
      teamById,
      problemById,
      languageById,
      team: (id: string) => {
        const t = teamById.get(id);
        return t ? t.displayName || t.name : id;
      },
      problem: (id: string) => problemById.get(id)?.label ?? id,
      language: (id: string) => languageById.get(id)?.name ?? id,
    };
  }, [teams, problems, languages]);
}

/** The options of a team select: each team by its display name, in the list's order. */
export function TeamOptions({ teams }: { teams: readonly Pick<ConsoleTeam, 'id' | 'name' | 'displayName'>[] }) {
  return (
    <>
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.displayName || t.name}
        </option>
      ))}
    </>
  );
}

/** One option per verdict: "WA — Wrong answer". */
export function VerdictOptions() {
  return (
    <>
      {VERDICTS.map((v) => (
        <option key={v} value={v}>
          {v} — {VERDICT_NAMES[v]}
        </option>
      ))}
    </>
  );
}
