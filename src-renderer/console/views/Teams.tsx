// The teams: id, name, account, hidden (hidden teams are left off the public scoreboard).
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Loading, Notice } from '../../shared/ui.tsx';
import { refreshTeams } from '../loaders.ts';
import { useConsole } from '../store/index.ts';

export function Teams() {
  const { teams, loaded, error } = useConsole(useShallow((s) => ({ teams: s.teams, loaded: s.teamsLoaded, error: s.teamsError })));

  // No event says teams changed: look again whenever the list is opened.
  useEffect(() => {
    void refreshTeams();
  }, []);

  return (
    <section>
      <h1 id="teams-title">Teams</h1>
      {error && <Notice tone="error">Could not load the teams: {error}.</Notice>}
      {!loaded ? (
        !error && <Loading what="the teams" />
      ) : teams.length === 0 ? (
        <p className="muted">No teams.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Teams">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Display name</th>
                <th scope="col">Username</th>
                <th scope="col">Hidden</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id} data-team-id={t.id}>
                  <td className="mono">{t.id}</td>
                  <td>{t.name}</td>
                  <td>{t.displayName}</td>
                  <td className="mono">{t.username ?? <span className="muted">no account</span>}</td>
                  <td>{t.hidden ? <span className="chip chip-hidden">hidden</span> : <span className="muted">no</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
