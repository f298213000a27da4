// Small pieces the portal's views share (the ones both pages use are in shared/ui.tsx and shared/problems.tsx).
import { useState } from 'react';
import type { PortalProblem } from '../../../src-main/shared/portalApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { copyText } from '../../shared/clipboard.ts';
import { ProblemDot } from '../../shared/problems.tsx';

export function ProblemTag({ problem }: { problem: Pick<PortalProblem, 'label' | 'rgb' | 'color'> | undefined }) {
  if (!problem) return <span className="problem-tag">?</span>;
  return (
    <span className="problem-tag">
      <ProblemDot rgb={problem.rgb} title={problem.color || undefined} />
      {problem.label}
    </span>
  );
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async (): Promise<void> => {
    setState((await copyText(text)) ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" className="small" onClick={asyncHandler(onClick)} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
    </button>
  );
}
