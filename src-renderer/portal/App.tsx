// The contestants' portal (placeholder), served to the contestants' browsers over the LAN.

export function App() {
  return (
    <main>
      <h1>Verdict — contest portal</h1>
      <p>The portal is being built: problems, submissions and the scoreboard will appear here.</p>
    </main>
  );
}
