// A submission's result as the team sees it, in the list and on its own page: the verdict (JE shown
// as still judging), its score and time, or its place in the queue and the test being run.
import type { PortalSubmission } from '../../../src-main/shared/portalApi.ts';
import { GroupTable, scoreOutOf } from '../../shared/GroupTable.tsx';
import { formatSeconds, formatWait } from '../../shared/format.ts';
import { useNow } from '../../shared/ticker.ts';
import { VERDICT_NAMES } from '../../shared/verdicts.ts';
import { usePortal } from '../store.ts';

/** JE is the judges' problem, never the team's: teams see it as still judging. */
export const shownVerdict = (s: PortalSubmission) => (s.status === 'judged' && s.verdict !== 'JE' ? s.verdict : null);

/** The verdict with its score and time, or where the submission stands while it waits or is judged. */
export function SubmissionResult({ submission: s }: { submission: PortalSubmission }) {
  const verdict = shownVerdict(s);
  if (verdict) {
    return (
      <>
        <span className="verdict">{VERDICT_NAMES[verdict]}</span>
        {s.score !== null && (
          <span className="score" data-score={s.score}>
            {scoreOutOf(s.score, s.maxScore)} points
          </span>
        )}
        {s.timeMs !== null && verdict !== 'CE' && <span className="muted detail">{formatSeconds(s.timeMs)}</span>}
        {s.groups && s.groups.some((g) => g.name !== '') && (
          <details className="groups">
            <summary>Test groups</summary>
            <GroupTable groups={s.groups} label={`Test groups of submission ${s.id}`} />
          </details>
        )}
      </>
    );
  }
  if (s.status === 'queued') return <QueuedText submission={s} />;
  return (
    <span className="pending">
      <span className="spinner" aria-hidden="true" />
      {s.testsDone !== null && s.testsTotal ? `Judging: running test ${Math.min(s.testsDone + 1, s.testsTotal)}/${s.testsTotal}` : 'Judging…'}
    </span>
  );
}

function QueuedText({ submission: s }: { submission: PortalSubmission }) {
  // Count the estimate down between refreshes.
  const now = useNow(1000);
  const fetchedAt = usePortal((state) => state.submissionsAt);
  const left = s.estimatedWaitMs !== null ? s.estimatedWaitMs - Math.max(0, now - fetchedAt) : null;
  const parts = ['Queued'];
  if (s.queuePosition !== null) parts.push(`position ${s.queuePosition} in queue`);
  if (s.estimatedWaitMs !== null) parts.push(left !== null && left > 0 ? formatWait(left) : 'soon');
  return (
    <span className="pending">
      <span className="spinner" aria-hidden="true" />
      {parts.join(', ')}
    </span>
  );
}
