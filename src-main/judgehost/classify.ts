// Turns what the runner measured into a verdict for one test run (before the output is checked).
import type { MemoryMode } from '../common/languages.ts';
import type { RunMeasurement } from './runner/runInPty.ts';
import type { Verdict } from '../common/types.ts';

const SIGKILL = 9;
const SIGXCPU = 24;
const SIGXFSZ = 25;

/** Runtimes told their heap size (JVM -Xmx) use more than the heap: code, metaspace, thread stacks. */
const RUNTIME_OVERHEAD_KB = 128 * 1024;

/** Under an address-space rlimit a program dies when an allocation fails, usually a little below the
 *  limit in resident memory (code, stack and the failed request count too): a crash at this
 *  fraction of the limit or above is taken as memory exhaustion. */
const NEAR_LIMIT_FRACTION = 0.8;

/** What runtimes print when their own heap limit (JVM -Xmx, Node's old space) or malloc gives out. */
const OUT_OF_MEMORY_MARKERS = [
  'java.lang.OutOfMemoryError',
  'JavaScript heap out of memory',
  'std::bad_alloc',
  'MemoryError',
  'memory allocation of',
  'out of memory',
];

export interface RunLimits {
  timeLimitMs: number;
  memoryLimitKb: number;
  outputLimitBytes: number;
  memoryMode: MemoryMode;
}

/** The memory a run may use, KiB: the limit, plus the runtime's own overhead for heap-limited runtimes. */
export function memoryAllowanceKb(limits: Pick<RunLimits, 'memoryLimitKb' | 'memoryMode'>): number {
  return limits.memoryLimitKb + (limits.memoryMode === 'heap' ? RUNTIME_OVERHEAD_KB : 0);
}

export interface RunFacts {
  measurement: RunMeasurement;
  outputBytes: number;
  /** The tail of the program's stderr, for recognising out-of-memory deaths. */
  stderrTail: string;
}

/** A run stopped at the wall-clock limit is the program's fault only if its own time (wall-clock
 *  time less the time it waited for a CPU) came this close to the wall-clock limit. */
const OWN_TIME_FRACTION = 0.9;
/** ...or if its processes together had at least this share of one CPU meanwhile (a fork bomb keeps
 *  its own main thread waiting: that is its doing, not the machine's). */
const FAIR_CPU_SHARE = 0.5;

/**
 * Whether a run stopped at the wall-clock limit was starved by a busy machine rather than slow or
 * waiting by itself: then the judge is at fault, and the test is judged again, never TLE.
 */
export function starvedByMachine(m: RunMeasurement, wallLimitMs: number): boolean {
  if (!m.wallTimeout || m.cpuTimeout) return false;
  return m.wallMs - m.runDelayMs < wallLimitMs * OWN_TIME_FRACTION && m.cpuMs < m.wallMs * FAIR_CPU_SHARE;
}

/**
 * The verdict decided by limits and exit status alone, or null when the output must be checked.
 * Precedence (DESIGN.md): RTE/MLE, TLE, OLE, then the output. A run stopped *by the judge* is not
 * a crash, so those stops are recognised first: output that reached the limit (the run was decided
 * then, even if a runtime that swallows write errors spun on until the time limit), then time.
 */
export function classifyRun({ measurement: m, outputBytes, stderrTail }: RunFacts, limits: RunLimits): { verdict: Verdict; reason: string } | null {
  if (m.signal === SIGXFSZ || outputBytes >= limits.outputLimitBytes) {
    return { verdict: 'OLE', reason: `output reached the limit of ${limits.outputLimitBytes} bytes` };
  }
  if (m.memoryKilled) {
    return { verdict: 'MLE', reason: `memory limit of ${Math.round(limits.memoryLimitKb / 1024)} MiB exceeded by the run's processes together (peak ${Math.round(m.groupMemoryKb / 1024)} MiB)` };
  }
  // The runner stops a program whose measured CPU time passes the limit (cpuTimeout); SIGXCPU is
  // RLIMIT_CPU's backstop a second above it.
  const killedForTime = m.cpuTimeout || m.wallTimeout || m.signal === SIGXCPU || (m.signal === SIGKILL && m.cpuMs > limits.timeLimitMs);
  if (killedForTime) {
    return {
      verdict: 'TLE',
      reason: m.wallTimeout && !m.cpuTimeout
        ? `no end after ${m.wallMs} ms of wall-clock time (${m.cpuMs} ms of CPU: waiting or starved)`
        : `CPU time limit of ${limits.timeLimitMs} ms exceeded (${m.cpuMs} ms)`,
    };
  }
  const crashed = m.signal !== 0 || m.exitCode !== 0;
  const overMemory = m.memoryKb > memoryAllowanceKb(limits);
  const saysOutOfMemory = OUT_OF_MEMORY_MARKERS.some((marker) => stderrTail.includes(marker));
  if (overMemory || (crashed && saysOutOfMemory)) {
    return { verdict: 'MLE', reason: `memory limit of ${Math.round(limits.memoryLimitKb / 1024)} MiB exceeded (peak ${Math.round(m.memoryKb / 1024)} MiB)` };
  }
  if (crashed && limits.memoryMode === 'rlimit' && m.memoryKb >= limits.memoryLimitKb * NEAR_LIMIT_FRACTION) {
    return { verdict: 'MLE', reason: `crashed at ${Math.round(m.memoryKb / 1024)} MiB, near the memory limit` };
  }
  if (crashed) {
    return { verdict: 'RTE', reason: m.signal ? `killed by signal ${m.signal}` : `exit code ${m.exitCode}` };
  }
  if (m.cpuMs > limits.timeLimitMs) {
    return { verdict: 'TLE', reason: `CPU time ${m.cpuMs} ms over the limit of ${limits.timeLimitMs} ms` };
  }
  return null;
}
