// The bar on every page: contest name, time left, team, the connection's state, log out.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { clockText, type ContestReading } from '../../shared/clock.ts';
import { formatClock } from '../../shared/format.ts';
import { logout, usePortal, type Connection } from '../store.ts';
import { useClockValue } from '../useClock.ts';

const topBarClock = (clock: ContestReading | null): string => clockText(clock, (c) => `${formatClock(c.countdownMs ?? 0)} left`);

// Plain words for the state of the live updates (the dot's colour says the same).
const CONNECTION_TEXT: Record<Connection, string> = {
  offline: '',
  connecting: 'Connecting…',
  live: 'Live',
  retrying: 'Connection lost — retrying…',
  polling: 'Checking for news now and then',
};

const CONNECTION_TITLE: Record<Connection, string> = {
  offline: '',
  connecting: 'Connecting to the judge’s server…',
  live: 'Connected: verdicts, answers and the scoreboard arrive as they happen',
  retrying: 'The judge’s server cannot be reached: the page keeps trying and catches up once it is back',
  polling: 'Live updates are paused: the page asks the judge’s server for news every few seconds',
};

export function TopBar() {
  const { contestName, teamName, username, connection } = usePortal(
    useShallow((s) => ({
      contestName: s.overview ? s.overview.contest.formalName || s.overview.contest.name : 'Contest',
      teamName: s.me?.team ? s.me.team.displayName || s.me.team.name : null,
      username: s.me?.account.username ?? null,
      connection: s.connection,
    })),
  );
  const clock = useClockValue(topBarClock);
  const phase = useClockValue((c) => c?.phase ?? null);
  const frozen = useClockValue((c) => c?.phase === 'running' && c.frozen);
  const [leaving, setLeaving] = useState(false);

  return (
    <header className="topbar">
      <div className="topbar-title">{contestName}</div>
      <div className={`topbar-clock clock-${phase ?? 'unknown'}`} role="timer" aria-live="off" aria-label="Contest clock">
        {clock}
        {frozen && <span className="chip chip-frozen">frozen</span>}
      </div>
      {username !== null && (
        <div className="topbar-user">
          {connection !== 'offline' && (
            <span className={`conn conn-${connection}`} title={CONNECTION_TITLE[connection]} data-connection={connection}>
              <span className="conn-dot" aria-hidden="true" />
              {CONNECTION_TEXT[connection]}
            </span>
          )}
          <span className="team-name" title={username}>
            {teamName ?? username}
          </span>
          <button
            type="button"
            className="ghost"
            disabled={leaving}
            onClick={() => {
              setLeaving(true);
              void logout().finally(() => setLeaving(false));
            }}
          >
            Log out
          </button>
        </div>
      )}
    </header>
  );
}
