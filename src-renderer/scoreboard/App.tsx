// The public scoreboard on a projector: the contest's name, its clock and the public (frozen) board
// in large type, kept current without a click. The board is asked for every few seconds with its
// ETag (an unchanged board costs a 304); the schedule and the server's clock every 15 s, and at once
// when the board freezes or thaws (the judges changed the schedule or released the results).
// `?category=<group id>` shows one category's teams (their overall ranks kept): a projector per
// category needs no control on the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PortalOverview, ScoreboardView } from '../../src-main/shared/portalApi.ts';
import { clockOffset, readSchedule } from '../shared/clock.ts';
import { formatClock, formatCountdown } from '../shared/format.ts';
import { boardOfCategory } from '../shared/CategoryFilter.tsx';
import { ScoreboardTable } from '../shared/ScoreboardTable.tsx';
import { useNow } from '../shared/ticker.ts';

/** How often the board is asked for (a 304 when unchanged). */
const BOARD_POLL_MS = 3_000;
/** How often the schedule and the server's clock are read again (the judges may move the start or the end). */
const SCHEDULE_POLL_MS = 15_000;
/** The category this projector shows (a group id), or null for every team. */
const CATEGORY = new URLSearchParams(window.location.search).get('category');

interface Clock {
  name: string;
  schedule: PortalOverview['contest'];
  /** Server clock minus the local one. */
  offsetMs: number;
}

export function App() {
  const [board, setBoard] = useState<ScoreboardView | null>(null);
  const [clock, setClock] = useState<Clock | null>(null);
  const [offline, setOffline] = useState(false);
  const etag = useRef<string | null>(null);

  // State is set when the answers arrive (callbacks, never the effect's own body).
  const loadBoard = useCallback((): void => {
    void fetchBoard(etag.current).then((answer) => {
      setOffline(answer === null);
      if (answer === null || answer === 'unchanged') return;
      etag.current = answer.etag;
      setBoard(answer.board);
    });
  }, []);

  const loadClock = useCallback((): void => {
    void fetchClock().then((answer) => {
      if (answer) setClock(answer);
    });
  }, []);

  useEffect(() => {
    loadBoard();
    loadClock();
    const boardTimer = setInterval(loadBoard, BOARD_POLL_MS);
    const clockTimer = setInterval(loadClock, SCHEDULE_POLL_MS);
    return () => {
      clearInterval(boardTimer);
      clearInterval(clockTimer);
    };
  }, [loadBoard, loadClock]);

  useEffect(() => {
    if (clock) document.title = `${clock.name} — scoreboard`;
  }, [clock]);

  const category = board?.groups.find((g) => g.id === CATEGORY) ?? null;
  const frozen = board?.frozen ?? null;
  useEffect(() => {
    if (frozen !== null) loadClock();
  }, [frozen, loadClock]);

  return (
    <main className="projector">
      <header className="projector-head">
        <h1>
          {clock?.name ?? 'Scoreboard'}
          {category && <span className="projector-category"> · {category.name}</span>}
        </h1>
        <ContestClock clock={clock} />
      </header>
      {board?.frozen && (
        <p className="projector-frozen" role="status">
          The scoreboard is frozen: results of the last submissions are hidden until the ceremony.
        </p>
      )}
      {offline && (
        <p className="projector-offline" role="status">
          Cannot reach the judge’s server: showing the last scoreboard received.
        </p>
      )}
      {board === null ? (
        <p className="projector-waiting">{offline ? '' : 'Loading the scoreboard…'}</p>
      ) : (
        <div className="projector-board">
          <ScoreboardTable board={boardOfCategory(board, category?.id ?? null)} label={category ? `Scoreboard: ${category.name}` : 'Scoreboard'} />
        </div>
      )}
    </main>
  );
}

/** The board, 'unchanged' (304 to its ETag, or an error answer: the last board stays), or null when the server cannot be reached. */
async function fetchBoard(etag: string | null): Promise<{ board: ScoreboardView; etag: string | null } | 'unchanged' | null> {
  try {
    const response = await fetch('/api/public/scoreboard', { headers: etag ? { 'if-none-match': etag } : {}, cache: 'no-store' });
    if (response.status === 304 || !response.ok) return 'unchanged';
    return { board: (await response.json()) as ScoreboardView, etag: response.headers.get('etag') };
  } catch {
    return null;
  }
}

/** The contest's name, schedule and the server's clock; null when they cannot be read now. */
async function fetchClock(): Promise<Clock | null> {
  try {
    const sentAt = Date.now();
    const response = await fetch('/api/portal/overview', { cache: 'no-store' });
    if (!response.ok) return null;
    const overview = (await response.json()) as PortalOverview;
    return { name: overview.contest.formalName || overview.contest.name, schedule: overview.contest, offsetMs: clockOffset(overview.serverTime, sentAt, Date.now()) };
  } catch {
    return null;
  }
}

function ContestClock({ clock }: { clock: Clock | null }) {
  const now = useNow();
  if (!clock) return null;
  const { startTime, durationMs, freezeMs } = clock.schedule;
  if (startTime === null) return <p className="projector-clock">Not scheduled</p>;
  const reading = readSchedule({ startTime, durationMs, freezeMs }, now + clock.offsetMs);
  const text =
    reading.phase === 'before' ? `Starts in ${formatCountdown(reading.countdownMs ?? 0)}` : reading.phase === 'over' ? 'Contest over' : `${formatClock(reading.countdownMs ?? 0)} left`;
  return (
    <p className="projector-clock" role="timer" aria-label="Contest time">
      {text}
    </p>
  );
}
