// Notices above every view: the server still preparing, the contest not started or over, lost contact.
import { useShallow } from 'zustand/react/shallow';
import { formatCountdown } from '../../shared/format.ts';
import { selectPreparing, usePortal } from '../store.ts';
import { useClockValue } from '../useClock.ts';
import { Notice } from './common.tsx';

export function ContestNotices() {
  const { preparing, overviewError, hasOverview } = usePortal(
    useShallow((s) => ({ preparing: selectPreparing(s), overviewError: s.overviewError, hasOverview: s.overview !== null })),
  );
  const state = useClockValue((c) => c?.state ?? null);
  const startsIn = useClockValue((c) => (c?.state === 'before' ? formatCountdown(c.countdownMs ?? 0) : null));

  return (
    <div className="notices">
      {overviewError && (
        <Notice tone="error" role="alert">
          {hasOverview ? 'Lost contact with the judge’s server' : 'Cannot reach the judge’s server'} ({overviewError}). The page keeps trying.
        </Notice>
      )}
      {state === 'before' && (
        <Notice tone="info" role="status">
          <strong>The contest has not started yet.</strong> It starts in <span className="mono">{startsIn}</span>; submitting opens then.
        </Notice>
      )}
      {state === 'unscheduled' && (
        <Notice tone="info" role="status">
          <strong>The contest has not been scheduled yet.</strong> Submitting opens when it starts.
        </Notice>
      )}
      {state === 'over' && (
        <Notice tone="warning" role="status">
          <strong>The contest is over.</strong> Submissions are closed.
        </Notice>
      )}
      {preparing.length > 0 && (
        <Notice tone="warning">
          <strong>The judge’s server is still getting ready:</strong>
          <ul>
            {preparing.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  );
}
