// The judges' console (placeholder). The same page runs in the Electron window and, served by
// `verdict serve`, in a browser; `window.verdict` exists only in the first.

export function App() {
  const desktop = window.verdict;
  return (
    <main>
      <h1>Verdict — judges' console</h1>
      <p>The console is being built: the queue, submissions, verdicts and the scoreboard will appear here.</p>
      <p className="muted">
        {desktop ? `Desktop app ${desktop.version} on ${desktop.platform}` : 'Running in a browser'}
      </p>
    </main>
  );
}
