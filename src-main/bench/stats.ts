// Small numeric helpers for the benchmark: percentiles, rounding, target checks.
import { readFileSync } from 'node:fs';
import { procStatFields } from '../common/processes.ts';
import { readdirOrEmpty, readFileOrEmpty } from '../common/quietFs.ts';

export interface Distribution {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (q in 0..1). */
function rank(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: round(rank(sorted, 0.5)),
    p90: round(rank(sorted, 0.9)),
    p99: round(rank(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.length ? sum / sorted.length : 0),
  };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  /** 'max': value must be <= limit; 'min': value must be >= limit. */
  kind: 'max' | 'min';
  unit: string;
  pass: boolean;
}

export function target(name: string, value: number, kind: 'max' | 'min', limit: number, unit: string): Target {
  const pass = kind === 'max' ? value <= limit : value >= limit;
  return { name, value: round(value), limit, kind, unit, pass };
}

export function formatTarget(t: Target): string {
  return `${t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${fmt(t.value)} ${t.unit} (target ${t.kind === 'max' ? '<=' : '>='} ${t.limit} ${t.unit})`;
}

export function fmt(value: number, digits = 2): string {
  return value.toFixed(digits);
}

export function formatDist(d: Distribution, unit = 'ms'): string {
  return `p50 ${fmt(d.p50)}  p90 ${fmt(d.p90)}  p99 ${fmt(d.p99)}  max ${fmt(d.max)}  mean ${fmt(d.mean)} ${unit}  (n=${d.n})`;
}

/** The 1/5/15-minute load averages, for the record (other work on the machine skews every figure). */
export function loadAverage(): [number, number, number] {
  try {
    const [a, b, c] = readFileSync('/proc/loadavg', 'utf8').trim().split(/\s+/).map(Number);
    return [a, b, c];
  } catch {
    return [0, 0, 0];
  }
}

/** CPU time (ms) of a process and of its reaped children, from /proc/<pid>/stat (USER_HZ = 100). */
/** CPU of what a judgehost started to judge (ms): the children it reaped (one-shot runners), plus its
 *  live slot hosts and the runs they reaped (their runners, inits, programs). */
export function spawnedCpuMs(judgehost: number): number | null {
  const own = processCpuMs(judgehost);
  if (!own) return null;
  let total = own.children;
  for (const tid of readdirOrEmpty(`/proc/${judgehost}/task`)) {
    for (const child of readFileOrEmpty(`/proc/${judgehost}/task/${tid}/children`).split(' ').filter(Boolean)) {
      if (!readFileOrEmpty(`/proc/${child}/cmdline`).includes('--slot-host')) continue;
      const host = processCpuMs(Number(child));
      if (host) total += host.self + host.children;
    }
  }
  return total;
}

/** CPU time (ms) of every process below `pid` (not `pid` itself), with what each has reaped: a run that ended
 *  counts in its parent, so two readings around a phase give that phase's CPU when nothing below exited unreaped. */
export function descendantsCpuMs(pid: number): number {
  let total = 0;
  for (const tid of readdirOrEmpty(`/proc/${pid}/task`)) {
    for (const child of readFileOrEmpty(`/proc/${pid}/task/${tid}/children`).split(' ').filter(Boolean)) {
      const cpu = processCpuMs(Number(child));
      if (cpu) total += cpu.self + cpu.children + descendantsCpuMs(Number(child));
    }
  }
  return total;
}

export function processCpuMs(pid: number): { self: number; children: number } | null {
  const f = procStatFields(pid)?.map(Number);
  if (!f) return null;
  // After the command: state(3) ... utime(14) stime(15) cutime(16) cstime(17).
  return { self: (f[11] + f[12]) * 10, children: (f[13] + f[14]) * 10 };
}

/** A report line on stdout (the figures). */
export const log = (line = ''): void => void process.stdout.write(`${line}\n`);
/** What the bench is doing now, on stderr (kept apart from the report). */
export const phase = (what: string): void => void process.stderr.write(`bench: ${what}...\n`);
