// The resolver for the awards ceremony, on the judge's screen or a projector: the frozen scoreboard, then
// the freeze revealed one step at a time from the bottom (the core's script, contest/resolverSteps.ts).
// Space or → is the next step, ← one back, F full screen, Esc back to the Awards view. A team that solves
// slides up to its new place; a finished team's awards are shown over the board.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ResolverView } from '../../../src-main/shared/judgeApi.ts';
import { messageOf } from '../../shared/http.ts';
import { formatScore } from '../../shared/format.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { judge } from '../api.ts';
import { resolverFrames, type ResolverFrame } from '../resolverFrames.ts';
import { viewHref } from '../route.ts';
import './awards.css';

/** How long a team takes to slide to its new place. */
const MOVE_MS = 900;

type Row = ResolverView['frozen'][number];
type Cell = Row['problems'][number];

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const leave = () => {
  if (document.fullscreenElement) void document.exitFullscreen();
  window.location.hash = viewHref('awards');
};

export function Resolver() {
  const [view, setView] = useState<ResolverView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    judge.getResolver().then(setView, (e: unknown) => setError(messageOf(e)));
  }, []);
  // Until the board is up (it has its own keys), Esc still leaves.
  useEffect(() => {
    if (view) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view]);

  return (
    <main className="resolver" aria-label="Resolver">
      {view ? (
        <Board view={view} />
      ) : (
        <div className="resolver-notice">
          <h1>Resolver</h1>
          <p role="status">{error ? `The resolver cannot start: ${error}.` : 'Loading the frozen results…'}</p>
          <button type="button" onClick={leave}>
            Back to the awards
          </button>
        </div>
      )}
    </main>
  );
}

function Board({ view }: { view: ResolverView }) {
  const frames = useMemo(() => resolverFrames(view), [view]);
  const [step, setStep] = useState(0);
  const [fullScreen, setFullScreen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const frame = frames[step] ?? frames[0];
  const last = frames.length - 1;

  const next = useCallback(() => setStep((s) => Math.min(s + 1, last)), [last]);
  const back = useCallback(() => setStep((s) => Math.max(s - 1, 0)), []);
  const toggleFullScreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen();
  }, []);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // A focused button acts on Space and Enter itself.
      if (e.target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
      if (e.key === ' ' || e.key === 'ArrowRight' || e.key === 'PageDown') next();
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') back();
      else if (e.key === 'Escape') leave();
      else if (e.key === 'f' || e.key === 'F') toggleFullScreen();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, back, toggleFullScreen]);

  return (
    <div className="resolver-root" ref={rootRef}>
      <div className="resolver-bar">
        <h1>{view.contestName}</h1>
        <span className="progress" data-testid="resolver-progress">
          {step === last ? 'Final results' : `Step ${step} of ${last}`}
        </span>
        <button type="button" onClick={back} disabled={step === 0}>
          ← Back
        </button>
        <button type="button" onClick={next} disabled={step === last}>
          Next →
        </button>
        <button type="button" onClick={toggleFullScreen}>
          {fullScreen ? 'Leave full screen' : 'Full screen'}
        </button>
        <button type="button" onClick={leave}>
          Exit
        </button>
      </div>
      <p className="resolver-help">
        Space or → next · ← back · F full screen · Esc exit
        {!view.released && ' · Teams and the public still see the frozen board'}
        {view.warnings.length > 0 && ` · ${view.warnings.join('; ')}`}
      </p>
      <Table view={view} frame={frame} target={frame.focus ?? firstFocus(view)} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {describe(frame)}
      </p>
      {frame.award && (
        <section className="resolver-award" aria-labelledby="resolver-award-team" data-team-id={frame.award.teamId}>
          <h2 id="resolver-award-team">{frame.award.teamName}</h2>
          <ul>
            {frame.award.awards.map((a) => (
              <li key={a.id}>{a.citation}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Where the ceremony begins: the first step's team (the lowest with something to reveal). */
function firstFocus(view: ResolverView): string | null {
  return view.steps[0]?.teamId ?? null;
}

function describe(frame: ResolverFrame): string {
  if (frame.award) return `${frame.award.teamName}: ${frame.award.awards.map((a) => a.citation).join(', ')}`;
  if (!frame.revealed) return '';
  const row = frame.rows.find((r) => r.teamId === frame.revealed!.teamId);
  const name = row?.teamName ?? frame.revealed.teamId;
  return frame.revealed.solved ? `${name} solved problem ${frame.revealed.problemId}, now ranked ${row?.rank ?? '?'}` : `${name} did not solve problem ${frame.revealed.problemId}`;
}

function Table({ view, frame, target }: { view: ResolverView; frame: ResolverFrame; target: string | null }) {
  const boardRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const lastTops = useRef(new Map<string, number>());
  const scored = view.scoreboardType === 'score';
  const focusIndex = frame.focus === null ? frame.rows.length : frame.rows.findIndex((r) => r.teamId === frame.focus);
  // Teams below the one the step acted on are finished (the one itself too once its awards are shown).
  const finishedFrom = frame.award ? focusIndex : focusIndex + 1;

  // Rows slide from where they were to their new places (FLIP: measure, offset back, let go).
  useLayoutEffect(() => {
    const tops = new Map<string, number>();
    for (const [id, el] of rowRefs.current) tops.set(id, el.offsetTop);
    if (!reducedMotion()) {
      for (const [id, el] of rowRefs.current) {
        const before = lastTops.current.get(id);
        const after = tops.get(id)!;
        if (before === undefined || before === after) continue;
        el.style.transition = 'none';
        el.style.transform = `translateY(${before - after}px)`;
        void el.offsetHeight; // the offset takes effect before the transition starts
        el.style.transition = `transform ${MOVE_MS}ms ease-in-out`;
        el.style.transform = '';
      }
    }
    lastTops.current = tops;
    // The team at work in the middle of the screen.
    const board = boardRef.current;
    const row = target === null ? undefined : rowRefs.current.get(target);
    if (board && row) board.scrollTo({ top: Math.max(0, row.offsetTop - board.clientHeight / 2), behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, [frame, target]);

  return (
    <div className="resolver-board" ref={boardRef} tabIndex={0} aria-label="Scoreboard being resolved">
      <table className="resolver-table" aria-label="Scoreboard">
        <thead>
          <tr>
            <th scope="col" className="rank">
              Rank
            </th>
            <th scope="col">Team</th>
            {scored ? (
              <th scope="col" className="total">
                Score
              </th>
            ) : (
              <>
                <th scope="col" className="total">
                  Solved
                </th>
                <th scope="col" className="total">
                  Time
                </th>
              </>
            )}
            {view.problems.map((p) => (
              <th scope="col" key={p.id}>
                <ProblemDot rgb={p.rgb} /> {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {frame.rows.map((row, i) => (
            <tr
              key={row.teamId}
              ref={(el) => {
                if (el) rowRefs.current.set(row.teamId, el);
                else rowRefs.current.delete(row.teamId);
              }}
              data-team-id={row.teamId}
              className={row.teamId === frame.focus ? 'focus' : i >= finishedFrom ? 'finished' : undefined}
              aria-current={row.teamId === frame.focus ? 'true' : undefined}
            >
              <td className="rank">{row.rank}</td>
              <th scope="row">{row.teamName}</th>
              {scored ? (
                <td className="total">{formatScore(row.score ?? 0)}</td>
              ) : (
                <>
                  <td className="total">{row.solved}</td>
                  <td className="total">{row.penalty}</td>
                </>
              )}
              {view.problems.map((p) => (
                <ResolverCell
                  key={p.id}
                  label={p.label}
                  scored={scored}
                  cell={row.problems.find((c) => c.problemId === p.id)}
                  revealed={frame.revealed?.teamId === row.teamId && frame.revealed.problemId === p.id}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const tries = (n: number): string => `${n} ${n === 1 ? 'try' : 'tries'}`;

function ResolverCell({ cell, label, scored, revealed }: { cell: Cell | undefined; label: string; scored: boolean; revealed: boolean }) {
  if (!cell || (cell.attempts === 0 && cell.pending === 0)) return <td className="cell" />;
  const score = cell.score ?? 0;
  const state = cell.pending > 0 && !cell.solved ? 'pending' : cell.solved ? (cell.firstToSolve ? 'first' : 'solved') : scored && score > 0 ? 'partial' : 'failed';
  const main = state === 'pending' ? '?' : scored ? formatScore(score) : cell.solved ? String(cell.timeMinutes ?? '✓') : '✗';
  const sub = state === 'pending' ? `${cell.pending} pending` : tries(cell.attempts);
  const words = state === 'pending' ? `${label}: ${tries(cell.attempts)}, ${cell.pending} pending` : cell.solved ? `${label}: solved, ${tries(cell.attempts)}` : `${label}: not solved, ${tries(cell.attempts)}`;
  return (
    <td className={`cell cell-${state}${revealed ? ' revealed' : ''}`} data-cell={state}>
      <span className="visually-hidden">{words}</span>
      <span aria-hidden="true">
        {main}
        <small>{sub}</small>
      </span>
    </td>
  );
}
