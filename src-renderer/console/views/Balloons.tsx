// The balloon list: a balloon for each team's first AC on a problem (balloons keep coming during
// the freeze: this list is the staff's), newest first, with the team's location, the problem's
// colour and who delivered it; "Undelivered only" for the runners, and a printable slip per balloon.
import { useState } from 'react';
import type { BalloonView } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatContestTime, formatTimeOfDay } from '../../shared/format.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { useLiveQuery } from '../liveQuery.ts';
import { perform } from '../loaders.ts';
import { useConsole } from '../store/index.ts';
import './staff.css';

const listBalloons = (): Promise<BalloonView[]> => judge.listBalloons();

export function Balloons() {
  const { data, error, reload } = useLiveQuery(listBalloons, ['scoreboard', 'balloons']);
  const [undeliveredOnly, setUndeliveredOnly] = useState(true);
  const shown = (data ?? []).filter((b) => !undeliveredOnly || b.delivered === null).reverse();
  const waiting = (data ?? []).filter((b) => b.delivered === null).length;

  return (
    <section className="balloons-view">
      <div className="balloons-screen">
        <div className="view-head">
          <h1 id="balloons-title">Balloons</h1>
          <label className="toggle">
            <input type="checkbox" checked={undeliveredOnly} onChange={(e) => setUndeliveredOnly(e.target.checked)} />
            Undelivered only
          </label>
          <button type="button" disabled={shown.length === 0} onClick={() => window.print()}>
            Print slips ({shown.length})
          </button>
        </div>
        <p className="muted">A balloon for each team’s first accepted submission on a problem; they keep coming during the freeze (only the staff see this list).</p>
        {error && <Notice tone="error">Could not load the balloons: {error}.</Notice>}
        {data === null ? (
          !error && <Loading what="the balloons" />
        ) : (
          <>
            <p className="muted count" role="status" aria-live="polite">
              {waiting === 0 ? 'Every balloon is delivered.' : `${waiting} to deliver`} · {data.length} in all
            </p>
            <div className="table-wrap">
              <table className="balloons-table" aria-label="Balloons">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Balloon</th>
                    <th scope="col">Team</th>
                    <th scope="col">Location</th>
                    <th scope="col">Delivered</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((b) => (
                    <BalloonRow key={b.submissionId} balloon={b} onChanged={reload} />
                  ))}
                </tbody>
              </table>
              {shown.length === 0 && <p className="muted empty">{data.length === 0 ? 'No balloons yet.' : 'Nothing to deliver.'}</p>}
            </div>
          </>
        )}
      </div>
      <BalloonSlips balloons={shown} />
    </section>
  );
}

function BalloonColour({ balloon: b }: { balloon: BalloonView }) {
  return (
    <span className="balloon-colour">
      <ProblemDot rgb={b.rgb} />
      <strong>{b.label}</strong> {b.color && <span>{b.color}</span>}
      {b.firstToSolve && (
        <span className="chip chip-first" title="The first team to solve this problem">
          first to solve
        </span>
      )}
    </span>
  );
}

function BalloonRow({ balloon: b, onChanged }: { balloon: BalloonView; onChanged: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const notify = useConsole((s) => s.notify);
  const mark = async (delivered: boolean): Promise<void> => {
    setBusy(true);
    const ok = await perform(`Could not mark the balloon of #${b.submissionId}`, async () => {
      await judge.setBalloonDelivered(b.submissionId, delivered);
      return true;
    });
    setBusy(false);
    if (ok) {
      notify('success', delivered ? `Balloon ${b.label} for ${b.teamName}: delivered.` : `Balloon ${b.label} for ${b.teamName}: not delivered after all.`);
      await onChanged();
    }
  };
  return (
    <tr data-submission-id={b.submissionId} data-delivered={b.delivered !== null}>
      <td className="mono">{formatContestTime(b.contestTimeMs)}</td>
      <td>
        <BalloonColour balloon={b} />
      </td>
      <td>{b.teamName}</td>
      <td>{b.location ?? <span className="muted">not given</span>}</td>
      <td>
        {b.delivered ? (
          <span className="balloon-done">
            by {b.delivered.by} at {formatTimeOfDay(b.delivered.at)}{' '}
            <button type="button" className="small ghost" disabled={busy} onClick={asyncHandler(() => mark(false))} aria-label={`Undo the delivery of balloon ${b.label} for ${b.teamName}`}>
              Undo
            </button>
          </span>
        ) : (
          <button type="button" className="small primary" disabled={busy} onClick={asyncHandler(() => mark(true))} aria-label={`Mark balloon ${b.label} for ${b.teamName} delivered`}>
            Mark delivered
          </button>
        )}
      </td>
    </tr>
  );
}

/** Printed only (print CSS): one slip per page for the runner to take along. */
function BalloonSlips({ balloons }: { balloons: readonly BalloonView[] }) {
  return (
    <div className="balloon-slips" aria-hidden="true">
      {balloons.map((b) => (
        <div className="balloon-slip" key={b.submissionId}>
          <p className="slip-balloon">
            <ProblemDot rgb={b.rgb} /> Problem {b.label}
            {b.color && ` — ${b.color} balloon`}
          </p>
          {b.firstToSolve && <p className="slip-first">★ First to solve problem {b.label}</p>}
          <p className="slip-team">{b.teamName}</p>
          <p className="slip-location">{b.location ?? 'Location not given'}</p>
          <p className="slip-meta">
            Solved at {formatContestTime(b.contestTimeMs)} · submission #{b.submissionId}
          </p>
        </div>
      ))}
    </div>
  );
}
