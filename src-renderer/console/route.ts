// The console's views live in the URL's hash (#/submissions/42, #/scoreboard): a reload keeps the
// view and the back button works, in the Electron window as in a browser.

/** 'resolver': the awards ceremony's full-screen board (opened from Awards, not listed in the navigation). */
export type View = 'dashboard' | 'submissions' | 'rejudgings' | 'scoreboard' | 'problems' | 'statistics' | 'teams' | 'clarifications' | 'balloons' | 'print-jobs' | 'awards' | 'resolver' | 'contest';

/** A view without an object of its own open. */
type PlainView = Exclude<View, 'submissions' | 'rejudgings' | 'print-jobs'>;

/** 'print-jobs' with a job: that job's printable page. */
export type Route =
  | { view: PlainView }
  | { view: 'submissions'; submissionId: string | null }
  | { view: 'rejudgings'; rejudgingId: string | null }
  | { view: 'print-jobs'; printJobId: string | null };

export const VIEWS: readonly { view: View; label: string }[] = [
  { view: 'dashboard', label: 'Dashboard' },
  { view: 'submissions', label: 'Submissions' },
  { view: 'rejudgings', label: 'Rejudgings' },
  { view: 'scoreboard', label: 'Scoreboard' },
  { view: 'problems', label: 'Problems' },
  { view: 'statistics', label: 'Statistics' },
  { view: 'teams', label: 'Teams' },
  { view: 'clarifications', label: 'Clarifications' },
  { view: 'balloons', label: 'Balloons' },
  { view: 'print-jobs', label: 'Print jobs' },
  { view: 'awards', label: 'Awards' },
  { view: 'contest', label: 'Contest' },
];

const NAMES = new Set<string>([...VIEWS.map((v) => v.view), 'resolver']);

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  const view = parts[0] ?? 'dashboard';
  if (view === 'submissions') return { view, submissionId: parts[1] ?? null };
  if (view === 'rejudgings') return { view, rejudgingId: parts[1] ?? null };
  if (view === 'print-jobs') return { view, printJobId: parts[1] ?? null };
  if (NAMES.has(view)) return { view: view as PlainView };
  return { view: 'dashboard' };
}

export function href(route: Route): string {
  if (route.view === 'submissions' && route.submissionId !== null) return `#/submissions/${encodeURIComponent(route.submissionId)}`;
  if (route.view === 'rejudgings' && route.rejudgingId !== null) return `#/rejudgings/${encodeURIComponent(route.rejudgingId)}`;
  if (route.view === 'print-jobs' && route.printJobId !== null) return `#/print-jobs/${encodeURIComponent(route.printJobId)}`;
  return `#/${route.view}`;
}

export const viewHref = (view: View): string => `#/${view}`;

export const submissionHref = (submissionId: string): string => href({ view: 'submissions', submissionId });

export const rejudgingHref = (rejudgingId: string): string => href({ view: 'rejudgings', rejudgingId });

export const printJobHref = (printJobId: string): string => href({ view: 'print-jobs', printJobId });

/** Opens a view from an event handler (after an action that created what it shows). */
export function openHref(hash: string): void {
  window.location.hash = hash;
}
