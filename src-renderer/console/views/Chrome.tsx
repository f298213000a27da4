// What surrounds every view: the top bar (contest, clock, link state, account), the section links,
// and the notices (errors from the API stay until dismissed).
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { clockText, type ContestReading } from '../../shared/clock.ts';
import { formatClock } from '../../shared/format.ts';
import { useClockValue } from '../hooks.ts';
import { VIEWS, viewHref, type View } from '../route.ts';
import { unansweredCount } from '../store/clarifications.ts';
import type { ConsoleNotice } from '../store/connection.ts';
import { useConsole } from '../store/index.ts';
import type { LinkStatus } from '../transport/http.ts';

const topBarClock = (reading: ContestReading | null): string => clockText(reading, (r) => `${formatClock(r.contestTimeMs ?? 0)} · ${formatClock(r.countdownMs ?? 0)} left`);

// Plain words for the live link (the dot's colour says the same): no "reconnecting/polling" jargon.
const LINK_TEXT: Record<LinkStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Connection lost — retrying…', offline: 'Connection lost — retrying…' };
const LINK_TITLE: Record<LinkStatus, string> = {
  connecting: 'Connecting to the judge’s server…',
  live: 'Connected: submissions, verdicts and questions arrive as they happen',
  reconnecting: 'The connection to the judge’s server dropped: trying again…',
  offline: 'The judge’s server cannot be reached: trying again every few seconds',
};

export function TopBar({ onLogout }: { onLogout: (() => void) | null }) {
  const { contestName, link, user } = useConsole(
    useShallow((s) => ({ contestName: s.contest?.name ?? 'Verdict', link: s.link, user: s.me?.account.username ?? null })),
  );
  const text = useClockValue(topBarClock);
  const phase = useClockValue((r) => r?.phase ?? null);
  const frozen = useClockValue((r) => r?.frozen ?? false);
  const paused = useConsole((s) => s.pool?.paused ?? false);
  return (
    <header className="topbar">
      <div className="topbar-title">
        {contestName} <span className="topbar-sub">judges’ console</span>
      </div>
      <div className={`topbar-clock clock-${phase ?? 'unknown'}`} role="timer" aria-live="off" aria-label="Contest time">
        {text}
        {frozen && <span className="chip chip-frozen">frozen</span>}
        {paused && <span className="chip chip-paused">judging paused</span>}
      </div>
      <div className="topbar-user">
        <span className={`conn conn-${link}`} title={LINK_TITLE[link]} data-connection={link}>
          <span className="conn-dot" aria-hidden="true" />
          {LINK_TEXT[link]}
        </span>
        {user && <span className="team-name">{user}</span>}
        {onLogout && (
          <button type="button" className="ghost" onClick={onLogout}>
            Log out
          </button>
        )}
      </div>
    </header>
  );
}

export function Nav({ current }: { current: View }) {
  const unanswered = useConsole((s) => unansweredCount(s.clarifications));
  const queued = useConsole((s) => s.pool?.queued ?? 0);
  return (
    <nav className="sidebar" aria-label="Sections">
      {VIEWS.map(({ view, label }) => {
        const badge = view === 'clarifications' ? unanswered : view === 'dashboard' ? queued : 0;
        return (
          <a key={view} href={viewHref(view)} className={view === current ? 'side-link active' : 'side-link'} aria-current={view === current ? 'page' : undefined}>
            {label}
            {badge > 0 && (
              <span className={view === 'clarifications' ? 'badge badge-unread' : 'badge badge-pending'} aria-hidden="true">
                {badge}
              </span>
            )}
          </a>
        );
      })}
    </nav>
  );
}

/** Confirmations go by themselves; errors stay until the judge dismisses them. */
const CONFIRMATION_MS = 6_000;

export function Notices() {
  const notices = useConsole((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-label="Notices">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeItem({ notice: n }: { notice: ConsoleNotice }) {
  const dismiss = useConsole((s) => s.dismissNotice);
  const lasting = n.tone === 'error' || n.tone === 'warning';
  useEffect(() => {
    if (lasting) return;
    const timer = setTimeout(() => dismiss(n.id), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [n.id, n.count, lasting, dismiss]);
  return (
    <div className={`notice notice-${n.tone} notice-dismissable`} role={n.tone === 'error' ? 'alert' : 'status'}>
      <span>
        {n.text}
        {n.count > 1 && <span className="muted"> (×{n.count})</span>}
      </span>
      <button type="button" className="small" onClick={() => dismiss(n.id)} aria-label="Dismiss notice">
        ✕
      </button>
    </div>
  );
}
