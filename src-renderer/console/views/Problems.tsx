// The contest's problems as the core has loaded them: state (and why one is broken), limits, tests,
// validation, samples; downloading one's test data and statement; and rejudging all submissions of
// one (after a confirmation).
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AddedProblem, ConsoleProblem, ProblemFileKind } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { coalesce } from '../../shared/coalesce.ts';
import { formatSeconds } from '../../shared/format.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import '../../shared/textPane.css';
import { judge } from '../api.ts';
import { perform, refreshProblems } from '../loaders.ts';
import { openHref, rejudgingHref } from '../route.ts';
import { onSignal } from '../signals.ts';
import { useConsole } from '../store/index.ts';

export function Problems() {
  const { problems, loaded, error } = useConsole(useShallow((s) => ({ problems: s.problems, loaded: s.problemsLoaded, error: s.problemsError })));

  useEffect(() => {
    void refreshProblems();
    const refresh = coalesce(refreshProblems, 300);
    const stop = onSignal('problems', refresh);
    return () => {
      stop();
      refresh.cancel();
    };
  }, []);

  return (
    <section>
      <h1 id="problems-title">Problems</h1>
      <ImportPackage />
      {error && <Notice tone="error">Could not load the problems: {error}.</Notice>}
      {!loaded ? (
        !error && <Loading what="the problems" />
      ) : problems.length === 0 ? (
        <p className="muted">The contest has no problems.</p>
      ) : (
        <ul className="problem-cards">
          {problems.map((p) => (
            <ProblemCard key={p.id} problem={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

const STATE_TEXT: Record<ConsoleProblem['state'], string> = { loading: 'loading', ready: 'ready', broken: 'broken' };

function ProblemCard({ problem: p }: { problem: ConsoleProblem }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useConsole((s) => s.notify);
  const titleId = `problem-${p.id}-title`;

  const rejudge = async (): Promise<void> => {
    setBusy(true);
    const created = await perform(`Could not rejudge problem ${p.label}`, () => judge.createRejudging({ problemIds: [p.id] }, `problem ${p.label} rejudged`));
    setBusy(false);
    setConfirming(false);
    if (!created) return;
    const { rejudging: r, skipped } = created;
    notify('success', `Rejudging #${r.id}: ${r.total} submission${r.total === 1 ? '' : 's'} of problem ${p.label}${skipped > 0 ? ` (${skipped} still waiting for a verdict left out)` : ''}.`);
    openHref(rejudgingHref(r.id));
  };

  return (
    <li className="card problem-card" aria-labelledby={titleId} data-problem-id={p.id}>
      <header className="problem-card-head">
        <h2 id={titleId}>
          <ProblemDot rgb={p.rgb} />
          <span className="problem-label">{p.label}</span> {p.name}
        </h2>
        <span className={`chip chip-state-${p.state}`}>{STATE_TEXT[p.state]}</span>
      </header>
      {p.error && (
        <Notice tone={p.state === 'broken' ? 'error' : 'warning'}>
          <span className="pre-line">{p.error}</span>
        </Notice>
      )}
      <dl className="facts facts-row">
        <dt>Time limit</dt>
        <dd>{p.timeLimitMs === null ? '—' : formatSeconds(p.timeLimitMs)}</dd>
        <dt>Memory</dt>
        <dd>{p.memoryLimitMb === null ? '—' : `${p.memoryLimitMb} MiB`}</dd>
        <dt>Output</dt>
        <dd>{p.outputLimitMb === null ? '—' : `${p.outputLimitMb} MiB`}</dd>
        <dt>Tests</dt>
        <dd>{p.testCases ?? '—'}</dd>
        <dt>Validation</dt>
        <dd>{p.validation ?? '—'}</dd>
        <dt>Id</dt>
        <dd className="mono">{p.id}</dd>
      </dl>
      {p.samples.length > 0 && (
        <details className="samples">
          <summary>
            {p.samples.length} sample{p.samples.length === 1 ? '' : 's'}
          </summary>
          {p.samples.map((s) => (
            <div key={s.name} className="sample-pair">
              <figure className="pane">
                <figcaption>{s.name}: input</figcaption>
                <pre className="pane-text">{s.input}</pre>
              </figure>
              <figure className="pane">
                <figcaption>{s.name}: answer</figcaption>
                <pre className="pane-text">{s.answer}</pre>
              </figure>
            </div>
          ))}
        </details>
      )}
      <div className="button-row">
        {p.state === 'ready' && <ProblemDownloads problem={p} />}
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
            Rejudge problem
          </button>
        ) : (
          <div className="confirm" role="group" aria-label={`Confirm rejudging problem ${p.label}`}>
            <span>Rejudge every judged submission of {p.label}? Nothing changes until you apply the rejudging.</span>
            <button type="button" className="danger" onClick={asyncHandler(rejudge)} disabled={busy}>
              Yes, rejudge {p.label}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        )}
      </div>
    </li>
  );
}

const STATEMENT_NAMES: Record<NonNullable<ConsoleProblem['statementKind']>, string> = { pdf: 'PDF', html: 'HTML', markdown: 'Markdown', latex: 'LaTeX' };

/** The problem's test data (a zip of data/) and statement, as the transport hands a file over: a browser download, or the desktop's save dialog. */
function ProblemDownloads({ problem: p }: { problem: ConsoleProblem }) {
  const files = judge.problemFiles;
  const notify = useConsole((s) => s.notify);
  const downloads: { kind: ProblemFileKind; text: string }[] = [{ kind: 'data', text: 'Download test data' }];
  if (p.statementKind !== null) downloads.push({ kind: 'statement', text: `Download statement (${STATEMENT_NAMES[p.statementKind]})` });
  return downloads.map(({ kind, text }) => {
    const label = `${text} of problem ${p.label}`;
    if (files.via === 'link') {
      return (
        <a key={kind} className="button" href={files.url(p.id, kind)} download aria-label={label}>
          {text}
        </a>
      );
    }
    const save = async (): Promise<void> => {
      const path = await perform(`Could not save the ${kind === 'data' ? 'test data' : 'statement'} of problem ${p.label}`, () => files.save(p.id, kind));
      if (path) notify('success', `Saved ${path}.`);
    };
    return (
      <button key={kind} type="button" onClick={asyncHandler(save)} aria-label={label}>
        {text}…
      </button>
    );
  });
}

/** Adds a problem package to the running contest, as the transport can (ProblemImport). */
function ImportPackage() {
  const importer = judge.importProblem;
  return importer.via === 'dialog' ? <ChoosePackage choose={importer.choose} /> : <UploadPackage upload={importer.upload} />;
}

function announce(added: AddedProblem | null | undefined): void {
  if (!added) return;
  useConsole.getState().notify('success', `Problem ${added.label} (${added.name}) added to the contest.`);
  void refreshProblems();
}

/** The desktop app: the main process's file dialog chooses the package and the core reads it from there. */
function ChoosePackage({ choose }: { choose: (kind: 'zip' | 'folder') => Promise<AddedProblem | null> }) {
  const [busy, setBusy] = useState(false);
  const importChosen = async (kind: 'zip' | 'folder') => {
    setBusy(true);
    announce(await perform('Could not import the package', () => choose(kind)));
    setBusy(false);
  };
  return (
    <div className="card">
      <p>Add a problem package to the contest:</p>
      <button type="button" onClick={asyncHandler(() => importChosen('zip'))} disabled={busy}>
        {busy ? 'Importing…' : 'Choose a package (zip)…'}
      </button>{' '}
      <button type="button" onClick={asyncHandler(() => importChosen('folder'))} disabled={busy}>
        Choose a package folder…
      </button>
    </div>
  );
}

/** A browser: a package chosen or dropped on the area is uploaded. */
function UploadPackage({ upload }: { upload: (fileName: string, zip: Blob) => Promise<AddedProblem> }) {
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const notify = useConsole((s) => s.notify);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (!/\.(zip|kpp)$/i.test(file.name)) {
      notify('error', `${file.name}: drop a problem package as a .zip file`);
      return;
    }
    setBusy(true);
    announce(await perform(`Could not import ${file.name}`, () => upload(file.name, file)));
    setBusy(false);
  };

  return (
    <div
      className={`card drop-zone${over ? ' drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void importFile(e.dataTransfer.files[0]);
      }}
    >
      <p>Drop a problem package (.zip) here to add it to the contest, or</p>
      <label className="button">
        {busy ? 'Importing…' : 'Choose a package…'}
        <input type="file" className="visually-hidden" accept=".zip,.kpp" aria-label="Problem package (zip)" disabled={busy} onChange={(e) => void importFile(e.target.files?.[0])} />
      </label>
    </div>
  );
}
