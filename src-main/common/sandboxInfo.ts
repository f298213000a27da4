// What the judgehost's sandbox protects, as the core reports it to judges and refuses to judge
// without (unless they consent): shared by the judgehost, which measures it, and the core.

/** What protects a run, as reported to users (README "Sandbox"). */
export type SandboxLevel = 'full' | 'userns' | 'none';

/** Each level's strength: `full` (root: namespaces, cgroups, its own uid per slot) above `userns` above `none`. */
const STRENGTH: Record<SandboxLevel, number> = { none: 0, userns: 1, full: 2 };

/** Whether level `a` protects less than level `b`. */
export function isWeakerSandbox(a: SandboxLevel, b: SandboxLevel): boolean {
  return STRENGTH[a] < STRENGTH[b];
}

export interface SandboxInfo {
  level: SandboxLevel;
  /** The memory of a run's processes together is capped (a memory cgroup per worker slot), not only each process's. */
  memoryCgroup: boolean;
  /** One line for humans: which protections hold. */
  description: string;
}

/** What a run lacks when there is no sandbox (level `none`), for the judge who must consent to it. */
const UNSANDBOXED_GAPS: readonly string[] = [
  'programs can use the network',
  'programs can read the answers, the validators, other submissions and the judge\'s files',
  'programs can write anywhere the judge can',
  'programs run as the judge\'s own user',
  'a program that calls setsid can outlive its run',
];

/** Judging would run without a sandbox and the judge has not said that is acceptable. */
export class UnsandboxedError extends Error {
  readonly missing: readonly string[] = UNSANDBOXED_GAPS;
  constructor(why: string) {
    super(`no sandbox can be built here (${why}), so ${UNSANDBOXED_GAPS.join('; ')}. Judge anyway only with --allow-unsandboxed`);
    this.name = 'UnsandboxedError';
  }
}
