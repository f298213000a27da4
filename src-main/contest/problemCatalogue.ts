// The contest's problem packages, read lazily and once: opening a contest never waits for them.
// All are read in the background right after start; a request for one not yet read waits for
// that one only. A broken package is reported (judging its submissions gives JE) and the rest go on.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TIME_LIMIT_MS, readPackage } from '../package/readPackage.ts';
import type { ProblemPackage } from '../common/types.ts';
import type { ContestProblem } from './model.ts';

export type ProblemStatus = { state: 'loading' } | { state: 'ready'; timeLimitMs: number; testCases: number; submitAnswer: boolean } | { state: 'broken'; error: string };

export class ProblemCatalogue {
  private readonly problems: Map<string, ContestProblem>;
  private readonly loads = new Map<string, Promise<ProblemPackage>>();
  private readonly statuses = new Map<string, ProblemStatus>();
  private readonly onReady: (problem: ContestProblem, pkg: ProblemPackage) => void;

  constructor(problems: readonly ContestProblem[], onReady: (problem: ContestProblem, pkg: ProblemPackage) => void = () => {}) {
    this.problems = new Map(problems.map((p) => [p.id, p]));
    this.onReady = onReady;
    for (const p of problems) this.statuses.set(p.id, { state: 'loading' });
  }

  /** A problem added while the contest runs (an imported package, read by the import: kept, not read again). */
  add(problem: ContestProblem, pkg: ProblemPackage): void {
    this.problems.set(problem.id, problem);
    this.loads.set(problem.id, Promise.resolve(this.ready(problem, pkg)));
  }

  /** Starts reading every package (one at a time, so start-up I/O stays gentle). */
  async preloadAll(): Promise<void> {
    for (const id of this.problems.keys()) await this.get(id).catch(() => {});
  }

  get(problemId: string): Promise<ProblemPackage> {
    let load = this.loads.get(problemId);
    if (!load) {
      const problem = this.problems.get(problemId);
      if (!problem) return Promise.reject(new Error(`unknown problem '${problemId}'`));
      load = readPackage(problem.packagePath).then(
        (pkg) => this.ready(problem, pkg),
        (error: Error) => {
          this.statuses.set(problemId, { state: 'broken', error: error.message });
          throw error;
        },
      );
      this.loads.set(problemId, load);
    }
    return load;
  }

  private ready(problem: ContestProblem, pkg: ProblemPackage): ProblemPackage {
    this.statuses.set(problem.id, { state: 'ready', timeLimitMs: timeLimitOf(pkg), testCases: pkg.testCases.length, submitAnswer: pkg.submitAnswer });
    this.onReady(problem, pkg);
    return pkg;
  }

  status(problemId: string): ProblemStatus | null {
    return this.statuses.get(problemId) ?? null;
  }

  /** Whether a problem read so far is a submit-answer problem (its submissions are answer files, not programs). */
  hasSubmitAnswer(): boolean {
    return [...this.statuses.values()].some((s) => s.state === 'ready' && s.submitAnswer);
  }

  /** How many packages are still being read (for "still preparing" messages). */
  loading(): number {
    return [...this.statuses.values()].filter((s) => s.state === 'loading').length;
  }

  dispose(): void {
    for (const load of this.loads.values()) load.then((pkg) => pkg.dispose(), () => {});
  }
}

export function timeLimitOf(pkg: ProblemPackage): number {
  return pkg.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
}

export type StatementKind = 'markdown' | 'html' | 'pdf' | 'latex';

/**
 * The statement file of a package (2023-07 `statement/` or legacy `problem_statement/`): Markdown,
 * HTML, PDF, or LaTeX (shown converted: a built PDF beside it is preferred, being exact). English
 * first, then any language.
 */
export function findStatement(pkg: ProblemPackage): { path: string; kind: StatementKind } | null {
  const kinds: [RegExp, StatementKind][] = [
    [/^problem(\.en)?\.md$/, 'markdown'],
    [/^problem(\.en)?\.html$/, 'html'],
    [/^problem(\.en)?\.pdf$/, 'pdf'],
    [/^problem(\.en)?\.tex$/, 'latex'],
    [/^problem\.\w+\.md$/, 'markdown'],
    [/^problem\.\w+\.pdf$/, 'pdf'],
    [/^problem\.\w+\.tex$/, 'latex'],
  ];
  for (const folder of ['statement', 'problem_statement']) {
    const dir = join(pkg.dir, folder);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir);
    for (const [pattern, kind] of kinds) {
      const file = files.find((f) => pattern.test(f));
      if (file) return { path: join(dir, file), kind };
    }
  }
  return null;
}
