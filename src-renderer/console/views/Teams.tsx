// The teams: id, name, organization, categories, location, account, hidden (hidden teams are left off the public scoreboard).
import { useEffect, useState, type FormEvent } from 'react';
import type { PasswordSheetEntry } from '../../../src-main/shared/judgeApi.ts';
import { useShallow } from 'zustand/react/shallow';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { perform, refreshTeams } from '../loaders.ts';
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
      <ImportTeams />
      <PasswordSheet />
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
                <th scope="col">Organization</th>
                <th scope="col">Categories</th>
                <th scope="col">Location</th>
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
                  <td>{t.organization ?? <span className="muted">none</span>}</td>
                  <td>{t.groups.length > 0 ? t.groups.join(', ') : <span className="muted">none</span>}</td>
                  <td>{t.location ?? <span className="muted">not given</span>}</td>
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

/** Adds or updates teams from a pasted or chosen list; new teams get generated passwords. */
function ImportTeams() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const notify = useConsole((s) => s.notify);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const summary = await perform('Could not import the teams', () => judge.importTeams(text));
    setBusy(false);
    if (!summary) return;
    notify('success', `Teams imported: ${summary.added} added, ${summary.updated} updated, ${summary.newAccounts} new accounts.`);
    setText('');
    void refreshTeams();
  };

  return (
    <details className="card import-teams">
      <summary>Import teams</summary>
      <form onSubmit={asyncHandler(submit)}>
        <p className="muted small">
          CSV (comma or semicolon) or TSV with a first line naming the columns (at least <code>id</code> and <code>name</code>; also <code>display_name</code>, <code>organization</code>,{' '}
          <code>username</code>), DOMjudge&apos;s teams.tsv, or CLICS teams JSON. New teams get an account with a generated password.
        </p>
        <label className="field">
          <span>Team list</span>
          <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </label>
        <div className="button-row">
          <label className="button">
            Choose a file…
            <input
              type="file"
              className="visually-hidden"
              accept=".csv,.tsv,.txt,.json"
              onChange={(e) => void e.target.files?.[0]?.text().then(setText)}
            />
          </label>
          <button type="submit" className="primary" disabled={busy || !text.trim()}>
            Import teams
          </button>
        </div>
      </form>
    </details>
  );
}

/** Every team's login on one printable page (cut into slips and handed out). */
function PasswordSheet() {
  const [sheet, setSheet] = useState<PasswordSheetEntry[] | null>(null);

  const open = async () => {
    const entries = await perform('Could not load the passwords', () => judge.getPasswordSheet());
    if (entries) setSheet(entries);
  };
  useEffect(() => {
    if (sheet) window.print();
  }, [sheet]);

  return (
    <>
      <div className="button-row">
        <button type="button" onClick={() => void open()}>
          Print passwords
        </button>
        {sheet && (
          <button type="button" onClick={() => setSheet(null)}>
            Hide passwords
          </button>
        )}
      </div>
      {sheet && (
        <div className="password-sheet" role="region" aria-label="Password sheet">
          {sheet.map((entry) => (
            <div key={entry.username} className="password-slip">
              <strong>{entry.teamName}</strong>
              <span>
                user <code>{entry.username}</code>
              </span>
              <span>password {entry.password ? <code>{entry.password}</code> : <em>set elsewhere</em>}</span>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
