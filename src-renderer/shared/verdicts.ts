// How verdicts read and look, for teams and judges alike.
import type { Verdict } from '../../src-main/common/types.ts';

export const VERDICT_NAMES: Readonly<Record<Verdict, string>> = {
  AC: 'Accepted',
  WA: 'Wrong answer',
  TLE: 'Time limit exceeded',
  MLE: 'Memory limit exceeded',
  RTE: 'Run-time error',
  OLE: 'Output limit exceeded',
  CE: 'Compile error',
  JE: 'Judging error',
};

/** The colour class of a verdict: accepted, rejected, or still pending. */
export type VerdictTone = 'accepted' | 'rejected' | 'pending';

export function verdictTone(verdict: Verdict | null): VerdictTone {
  if (verdict === 'AC') return 'accepted';
  if (verdict === null || verdict === 'JE') return 'pending';
  return 'rejected';
}
