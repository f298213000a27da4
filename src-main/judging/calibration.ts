// How fast a judgehost runs programs, measured the same way on every judgehost at its start: the
// reference workload (resources/calibration: a C program stepping a fixed integer loop, compiled
// with the contest's own C flags) judged through the judgehost's own sandbox and runner on its
// five test cases (one compile, five runs); the median CPU time is its calibration. A judgehost's speed factor is
// its calibration over the server's local judgehost's: time limits mean the same on every judgehost
// only while the factors stay near 1 (the README says what must be alike).
import { join } from 'node:path';
import type { JudgeResult } from '../common/results.ts';
import { resourcePath } from '../common/paths.ts';
import type { LanguageInfo } from '../common/judgehostProtocol.ts';
import type { ProblemPackage } from '../common/types.ts';
import { readPackage } from '../package/readPackage.ts';

/** The language of the reference workload: the one every judge machine is expected to have. */
const CALIBRATION_LANGUAGE = 'c';
/** A speed factor further than this from 1 (a tenth) is flagged: time limits no longer mean the same there. */
const SPEED_TOLERANCE = 0.1;

export interface Calibration {
  /** Median CPU time of one run of the reference workload, in ms. */
  medianMs: number;
  /** Each run's CPU time, in ms. */
  runsMs: number[];
}

/** Judges a source against a package on the judgehost being calibrated (engine.ts: before its pool takes any job). */
type JudgeOne = (pkg: ProblemPackage, sourcePath: string, languageId: string) => Promise<JudgeResult>;

/** Times the reference workload; why not, where C is not available or the workload is not judged AC. */
export async function calibrate(judge: JudgeOne, languages: readonly LanguageInfo[]): Promise<Calibration | { error: string }> {
  if (!languages.some((l) => l.id === CALIBRATION_LANGUAGE && l.available)) return { error: `no ${CALIBRATION_LANGUAGE} compiler on this judgehost` };
  const dir = resourcePath('calibration');
  const pkg = await readPackage(dir);
  const result = await judge(pkg, join(dir, 'submissions', 'accepted', 'spin.c'), CALIBRATION_LANGUAGE);
  if (result.verdict !== 'AC') return { error: `the reference workload was judged ${result.verdict}${result.error ? `: ${result.error}` : ''}` };
  const runsMs = result.tests.map((t) => t.timeMs);
  return { medianMs: median(runsMs), runsMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A judgehost's calibration over the reference's (the server's local judgehost): above 1 it is slower. Null when either is unknown. */
export function speedFactor(calibrationMs: number | null, referenceMs: number | null): number | null {
  if (calibrationMs === null || referenceMs === null || referenceMs <= 0) return null;
  return calibrationMs / referenceMs;
}

/** The factor differs from 1 by more than SPEED_TOLERANCE: the judgehost is too fast or too slow for fair timing. */
export function isOffSpeed(factor: number | null): boolean {
  // Compared in whole per mille: 110 ms over 100 ms is 10 % off exactly, not 10.000000000000009 %.
  return factor !== null && Math.round(Math.abs(factor - 1) * 1000) > SPEED_TOLERANCE * 1000;
}
