// Every judgehost on the dashboard: the local one and each remote one the server has heard from
// (gone ones stay, with when), with its workers, sandbox level, languages, state, last heartbeat, the
// submissions it judges, and its speed factor against the local judgehost (flagged beyond 10 %);
// a judge pauses, resumes or drains one here.
import { useState } from 'react';
import type { JudgehostOrder, JudgehostView } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { judge } from '../api.ts';
import { formatSpan } from '../format.ts';
import { useServerNow } from '../hooks.ts';
import { perform, refreshSnapshot } from '../loaders.ts';
import { submissionHref } from '../route.ts';
import { useConsole } from '../store/index.ts';
import { useConfirmation } from './ConfirmDialog.tsx';

const STATE_CHIP: Readonly<Record<JudgehostView['state'], string>> = {
  live: 'chip chip-ok',
  paused: 'chip chip-paused',
  draining: 'chip chip-warn',
  gone: 'chip chip-state-broken',
};

export function JudgehostsTable() {
  const judgehosts = useConsole((s) => s.judgehosts);
  const now = useServerNow(1000);
  const { ask, dialog } = useConfirmation();
  const [busy, setBusy] = useState(false);

  const order = async (j: JudgehostView, mode: JudgehostOrder): Promise<void> => {
    setBusy(true);
    await perform(`Could not change judgehost ${j.name}`, () => judge.setJudgehostMode(j.id, mode));
    await refreshSnapshot();
    setBusy(false);
  };
  const drain = (j: JudgehostView) =>
    ask({
      title: `Drain judgehost ${j.name}?`,
      body: <p>It takes no new judgings, finishes the ones it runs, reports them, and then its process stops (for maintenance). Start it again to have it judge.</p>,
      confirm: 'Drain it',
      onConfirm: () => void order(j, 'draining'),
    });

  return (
    <section className="dash-section">
      <h2 id="judgehosts-title">Judgehosts</h2>
      <div className="table-wrap">
        <table className="judgehosts" aria-labelledby="judgehosts-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Workers
              </th>
              <th scope="col">Sandbox</th>
              <th scope="col">Languages</th>
              <th scope="col">Last heartbeat</th>
              <th scope="col">Judging</th>
              <th scope="col">Speed factor</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {judgehosts.map((j) => (
              <tr key={j.id} data-judgehost={j.id}>
                <th scope="row">{j.name}</th>
                <td>
                  <span className={STATE_CHIP[j.state]}>{j.state}</span>
                  {j.goneAt !== null && <span className="muted small"> {formatSpan(now - j.goneAt)} ago</span>}
                </td>
                <td className="num">{j.workers}</td>
                <td>{j.sandbox ?? '—'}</td>
                <td>{j.languages.length === 0 ? '—' : j.languages.join(', ')}</td>
                <td className="mono">{j.lastHeartbeatAt === null ? '—' : `${formatSpan(now - j.lastHeartbeatAt)} ago`}</td>
                <td>
                  {j.submissionIds.length === 0 ? (
                    <span className="muted">nothing</span>
                  ) : (
                    j.submissionIds.map((id, i) => (
                      <span key={id}>
                        {i > 0 && ', '}
                        <a href={submissionHref(id)}>#{id}</a>
                      </span>
                    ))
                  )}
                </td>
                <td>
                  <SpeedFactor judgehost={j} />
                </td>
                <td>
                  <div className="button-row">
                    {j.state === 'live' && (
                      <button type="button" disabled={busy} onClick={asyncHandler(() => order(j, 'paused'))}>
                        Pause
                      </button>
                    )}
                    {j.state === 'paused' && (
                      <button type="button" className="primary" disabled={busy} onClick={asyncHandler(() => order(j, 'active'))}>
                        Resume
                      </button>
                    )}
                    {!j.local && (j.state === 'live' || j.state === 'paused') && (
                      <button type="button" className="danger" disabled={busy} onClick={() => drain(j)}>
                        Drain
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog}
    </section>
  );
}

function SpeedFactor({ judgehost: j }: { judgehost: JudgehostView }) {
  if (j.speedFactor === null) {
    const why = j.calibrationError ?? (j.calibrationMs === null ? 'not calibrated' : 'the local judgehost is not calibrated');
    return <span className="muted">— ({why})</span>;
  }
  const figure = `×${j.speedFactor.toFixed(2)}`;
  const timed = j.calibrationMs === null ? '' : ` (${j.calibrationMs} ms)`;
  if (!j.offSpeed) return <span className="mono">{figure + timed}</span>;
  return (
    <span className="chip chip-warn" title="More than 10 % faster or slower than the server's own judgehost: time limits do not mean the same there.">
      {figure}: {j.speedFactor > 1 ? 'slower' : 'faster'} than the server{timed}
    </span>
  );
}
