// Notices above every view: the server still preparing, the contest not started or over, lost contact.
import { useShallow } from 'zustand/react/shallow';
import { formatCountdown } from '../../shared/format.ts';
import { Notice } from '../../shared/ui.tsx';
import { selectPreparing, usePortal } from '../store.ts';
import { useClockValue } from '../useClock.ts';

export function ContestNotices() {
  const { preparing, overviewError, hasOverview } = usePortal(
    useShallow((s) => ({ preparing: selectPreparing(s), overviewError: s.overviewError, hasOverview: s.overview !== null })),
  );
  const phase = useClockValue((c) => c?.phase ?? null);
  const startsIn = useClockValue((c) => (c?.phase === 'before' ? formatCountdown(c.countdownMs ?? 0) : null));

  return (
    <div className="notices">
      {overviewError && (
        <Notice tone="error" role="alert">
          {hasOverview ? 'Lost contact with the judge’s server' : 'Cannot reach the judge’s server'} ({overviewError}). The page keeps trying.
        </Notice>
      )}
      {phase === 'before' && (
        <Notice tone="info" role="status">
          <strong>The contest has not started yet.</strong> It starts in <span className="mono">{startsIn}</span>; submitting opens then.
        </Notice>
      )}
      {phase === 'unscheduled' && (
        <Notice tone="info" role="status">
          <strong>The contest has not been scheduled yet.</strong> Submitting opens when it starts.
        </Notice>
      )}
      {phase === 'over' && (
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
