// "Skip to content": the first thing a keyboard reaches on every page, hidden until focused, so the
// top bar and the tabs or navigation need not be tabbed through on each view. Both pages route by
// the URL's hash, so the link moves focus itself instead of navigating to #main-content.
import type { MouseEvent } from 'react';

/** The id of the element the skip link focuses: each page's <main> (with tabIndex -1). */
export const MAIN_CONTENT_ID = 'main-content';

export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    const main = document.getElementById(MAIN_CONTENT_ID);
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skip}>
      Skip to content
    </a>
  );
}
