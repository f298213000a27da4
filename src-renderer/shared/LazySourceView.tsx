// The source view as the portal's and the console's submission pages load it: CodeMirror comes with the
// first source shown (a chunk of its own), the plain text stands in until it has.
import { retryingLazy } from './retryingLazy.tsx';

export const LazySourceView = retryingLazy(() => import('./SourceView.tsx'), {
  what: 'the source view',
  placeholder: ({ source }) => <pre className="output-block">{source}</pre>,
});
