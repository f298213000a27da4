// Judging verification: a second judge checks a verdict and marks it verified (DOMjudge's
// "verified"); the list marks verified submissions and can show only the unverified ones.
import { useState } from 'react';
import type { ConsoleSubmission } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatTimeOfDay } from '../../shared/format.ts';
import { judge } from '../api.ts';
import { perform, refreshDetail } from '../loaders.ts';
import { useConsole } from '../store/index.ts';
import './staff.css';

/** The list's mark of a verified verdict. */
export function VerifiedMark({ submission: s }: { submission: Pick<ConsoleSubmission, 'verified'> }) {
  if (!s.verified) return null;
  return (
    <span className="verified-mark" title={`Verified by ${s.verified.by} at ${formatTimeOfDay(s.verified.at)}`} aria-label={`verified by ${s.verified.by}`}>
      ✓
    </span>
  );
}

/** The detail's line: who verified the verdict and when, or that nobody has, with the button. */
export function VerificationLine({ submission: s }: { submission: ConsoleSubmission }) {
  const [busy, setBusy] = useState(false);
  const notify = useConsole((state) => state.notify);
  if (s.status !== 'judged') return null;
  const verified = s.verified ?? null;

  const toggle = async (): Promise<void> => {
    setBusy(true);
    const ok = await perform(`Could not change the verification of #${s.id}`, async () => {
      await judge.setVerified(s.id, verified === null);
      return true;
    });
    setBusy(false);
    if (ok) {
      notify('success', verified === null ? `The verdict of #${s.id} is marked verified.` : `The verdict of #${s.id} is no longer marked verified.`);
      void refreshDetail();
    }
  };

  return (
    <p className="verification" data-verified={verified !== null}>
      {verified ? (
        <span>
          <span className="verified-mark" aria-hidden="true">
            ✓
          </span>{' '}
          Verified by <strong>{verified.by}</strong> at {formatTimeOfDay(verified.at)}
        </span>
      ) : (
        <span className="muted">Not verified: a second judge checks the verdict and marks it verified.</span>
      )}
      <button type="button" className="small" disabled={busy} onClick={asyncHandler(toggle)}>
        {verified ? 'Mark not verified' : 'Mark verified'}
      </button>
    </p>
  );
}
