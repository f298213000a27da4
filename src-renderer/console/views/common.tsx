// Small pieces the console's views share (the portal's look: notices, fields, problem dots, verdicts).
import { useId, useMemo, type ReactNode } from 'react';
import type { ConsoleLanguage, ConsoleProblem, ConsoleSubmission, ConsoleTeam } from '../../../src-main/shared/judgeApi.ts';
import type { Verdict } from '../../../src-main/judge/types.ts';
import { cssColour } from '../../shared/format.ts';
import { VERDICT_NAMES, verdictTone } from '../../shared/verdicts.ts';
import { useConsole } from '../store/index.ts';

export const VERDICTS = Object.keys(VERDICT_NAMES) as Verdict[];

export function Notice({ tone = 'info', children, role }: { tone?: 'info' | 'warning' | 'error' | 'success'; children: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** A labelled form field; the <label> points at the control by id, so its accessible name is exactly `label`. */
export function Field({ label, children, className }: { label: string; children: (id: string) => ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function ProblemDot({ rgb }: { rgb: string | null | undefined }) {
  const colour = cssColour(rgb);
  return <span className={colour ? 'dot' : 'dot dot-none'} style={colour ? { backgroundColor: colour } : undefined} aria-hidden="true" />;
}

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

/** The options of a problem select: "A — Hello", in contest order. */
export function ProblemOptions({ problems }: { problems: readonly { id: string; label: string; name: string }[] }) {
  return (
    <>
      {problems.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label} — {p.name}
        </option>
      ))}
    </>
  );
}
