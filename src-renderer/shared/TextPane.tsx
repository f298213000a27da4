// A text with line numbers and its first differing line marked: the expected and the produced output
// side by side, on a team's own submission page and in the console's submission view.
import type { Difference } from './diff.ts';
import './textPane.css';

/** The first differing line is marked by colour and by aria-current; a text shorter than the other shows where it ran out. */
export function TextPane({ title, text, difference }: { title: string; text: string; difference: Difference | null }) {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return (
    <figure className="pane" aria-label={title}>
      <figcaption>{title}</figcaption>
      <pre className="pane-text" tabIndex={0}>
        {text === '' ? (
          <span className="muted">(empty)</span>
        ) : (
          lines.map((line, i) => {
            const differs = difference !== null && difference.line === i + 1;
            return (
              <span key={i} className={differs ? 'line line-diff' : 'line'} aria-current={differs ? 'true' : undefined}>
                <span className="line-no" aria-hidden="true">
                  {i + 1}
                </span>
                {line || ' '}
                {'\n'}
              </span>
            );
          })
        )}
        {difference !== null && difference.line > lines.length && text !== '' && (
          <span className="line line-diff line-missing" aria-current="true">
            <span className="line-no" aria-hidden="true">
              {difference.line}
            </span>
            (nothing)
            {'\n'}
          </span>
        )}
      </pre>
    </figure>
  );
}
