// The section links under the top bar.
import { href, tabRoute, type Tab } from '../route.ts';
import { unreadCount, usePortal } from '../store.ts';

const TABS: { tab: Tab; label: string }[] = [
  { tab: 'problems', label: 'Problems' },
  { tab: 'submit', label: 'Submit' },
  { tab: 'submissions', label: 'My submissions' },
  { tab: 'scoreboard', label: 'Scoreboard' },
  { tab: 'clarifications', label: 'Clarifications' },
  { tab: 'print', label: 'Print' },
];

export function Tabs({ current }: { current: Tab }) {
  const unread = usePortal(unreadCount);
  const pending = usePortal((s) => (s.submissions ?? []).filter((x) => x.status !== 'judged').length);
  return (
    <nav className="tabs" aria-label="Sections">
      {TABS.map(({ tab, label }) => {
        const badge = tab === 'clarifications' ? unread : tab === 'submissions' ? pending : 0;
        const badgeId = `tab-badge-${tab}`;
        return (
          <a
            key={tab}
            href={href(tabRoute(tab))}
            className={tab === current ? 'tab active' : 'tab'}
            aria-current={tab === current ? 'page' : undefined}
            aria-describedby={badge > 0 ? badgeId : undefined}
          >
            {label}
            {/* Outside the link's name (tests and screen readers find "Clarifications"), told as its description. */}
            {badge > 0 && (
              <span className={tab === 'clarifications' ? 'badge badge-unread' : 'badge badge-pending'} aria-hidden="true">
                {badge}
              </span>
            )}
            {badge > 0 && (
              <span className="visually-hidden" id={badgeId} aria-hidden="true">
                {badge} {tab === 'clarifications' ? 'unread' : 'waiting for a verdict'}
              </span>
            )}
          </a>
        );
      })}
    </nav>
  );
}
