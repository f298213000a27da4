// Start now and End now: the contest's schedule changed at this moment by the core (JudgeApi's
// startContestNow / endContestNow), each after a confirmation that says what will happen.
import { useShallow } from 'zustand/react/shallow';
import { formatDateTime } from '../../shared/format.ts';
import { judge } from '../api.ts';
import { formatHoursMinutes } from '../format.ts';
import { useClockValue } from '../hooks.ts';
import { perform, refreshSnapshot } from '../loaders.ts';
import { useConsole } from '../store/index.ts';
import { useConfirmation } from './ConfirmDialog.tsx';

export function ContestControls() {
  const clock = useConsole(useShallow((s) => ({ startTime: s.clock?.startTime ?? null, durationMs: s.clock?.durationMs ?? 0, freezeMs: s.clock?.freezeMs ?? 0 })));
  const phase = useClockValue((r) => r?.phase ?? null);
  const countdownMs = useClockValue((r) => (r?.phase === 'running' ? Math.round((r.countdownMs ?? 0) / 60_000) * 60_000 : null));
  const pastFreeze = useClockValue((r) => r?.phase === 'running' && r.frozen);
  const notify = useConsole((s) => s.notify);
  const { ask, dialog } = useConfirmation();

  const act = async (what: 'start' | 'end'): Promise<void> => {
    const done = await perform(what === 'start' ? 'Could not start the contest' : 'Could not end the contest', async () => {
      await (what === 'start' ? judge.startContestNow() : judge.endContestNow());
      return true;
    });
    await refreshSnapshot();
    if (done) notify('success', what === 'start' ? 'The contest has started.' : 'The contest is over.');
  };

  const askStart = (): void =>
    ask({
      title: 'Start the contest now?',
      body: (
        <p>
          The contest starts now{clock.startTime !== null ? ` instead of ${formatDateTime(clock.startTime)}` : ''} and runs for {formatHoursMinutes(clock.durationMs)}. Teams see the
          problems and can submit at once.
        </p>
      ),
      confirm: 'Start the contest now',
      onConfirm: () => void act('start'),
    });

  const askEnd = (): void =>
    ask({
      title: 'End the contest now?',
      body: (
        <>
          <p>
            The contest ends now{countdownMs !== null ? `, ${formatHoursMinutes(countdownMs)} before its scheduled end` : ''}. Teams can no longer submit; what they have
            submitted is still judged.
          </p>
          {clock.freezeMs > 0 && (
            <p>{pastFreeze ? 'The scoreboard stays frozen from the moment the freeze began.' : 'The freeze has not begun, so there will be none: the scoreboard shows every result.'}</p>
          )}
        </>
      ),
      confirm: 'End the contest now',
      onConfirm: () => void act('end'),
    });

  return (
    <div className="contest-controls button-row">
      <button type="button" onClick={askStart} disabled={phase === null || phase === 'running' || phase === 'over'}>
        Start now
      </button>
      <button type="button" onClick={askEnd} disabled={phase !== 'running'}>
        End now
      </button>
      {dialog}
    </div>
  );
}
