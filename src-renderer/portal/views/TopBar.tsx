// The bar on every page: contest name, time left, team, live/polling state, log out.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { clockText, type ContestReading } from '../../shared/clock.ts';
import { formatClock } from '../../shared/format.ts';
import { logout, usePortal, type Connection } from '../store.ts';
import { useClockValue } from '../useClock.ts';

const topBarClock = (clock: ContestReading | null): string => clockText(clock, (c) => `${formatClock(c.countdownMs ?? 0)} left`);

const CONNECTION_TEXT: Record<Connection, string> = {
  offline: '',
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  polling: 'polling',
};

const CONNECTION_TITLE: Record<Connection, string> = {
  offline: '',
  connecting: 'Connecting to the live updates…',
  live: 'Updates arrive as they happen',
  reconnecting: 'The connection dropped: reconnecting…',
  polling: 'Live updates are not available: the page checks every 10 seconds',
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
