// Views live in the URL's hash (#/problems/abc, #/submissions, ...): any static server can serve
// the page, a reload keeps the view, and the browser's back button works.
import { useHashRoute } from '../shared/useHashRoute.ts';

export type Route =
  | { view: 'problems' }
  | { view: 'problem'; problemId: string }
  | { view: 'submit'; problemId: string | null }
  | { view: 'submissions' }
  | { view: 'submission'; submissionId: string }
  | { view: 'scoreboard' }
  | { view: 'clarifications' }
  | { view: 'print' };

export type Tab = 'problems' | 'submit' | 'submissions' | 'scoreboard' | 'clarifications' | 'print';

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  switch (parts[0]) {
    case 'problems':
      return parts[1] ? { view: 'problem', problemId: parts[1] } : { view: 'problems' };
    case 'submit':
      return { view: 'submit', problemId: parts[1] ?? null };
    case 'submissions':
      return parts[1] ? { view: 'submission', submissionId: parts[1] } : { view: 'submissions' };
    case 'scoreboard':
      return { view: 'scoreboard' };
    case 'clarifications':
      return { view: 'clarifications' };
    case 'print':
      return { view: 'print' };
    default:
      return { view: 'problems' };
  }
}

export function href(route: Route): string {
  switch (route.view) {
    case 'problem':
      return `#/problems/${encodeURIComponent(route.problemId)}`;
    case 'submit':
      return route.problemId ? `#/submit/${encodeURIComponent(route.problemId)}` : '#/submit';
    case 'submission':
      return `#/submissions/${encodeURIComponent(route.submissionId)}`;
    default:
      return `#/${route.view}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function tabOf(route: Route): Tab {
  return route.view === 'problem' ? 'problems' : route.view === 'submission' ? 'submissions' : route.view;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function useRoute(): Route {
  return useHashRoute(parseHash);
}

/** Where a tab leads. */
export function tabRoute(tab: Tab): Route {
  return tab === 'submit' ? { view: 'submit', problemId: null } : { view: tab };
}
