// Rejudgings, as DOMjudge's jury has them and simpler: pick submissions (a problem's, a team's, a verdict's,
// or by id), they are judged again while teams, the scoreboard and the Contest API still see the old
// verdicts; the rejudging shows its progress, each old → new verdict and a matrix of the changes, then a
// judge applies it (every new verdict at once) or cancels it (nothing changes).
import { useCallback, useState, type FormEvent } from 'react';
import type { RejudgingDetail, RejudgingSelection, RejudgingSummary } from '../../../src-main/shared/judgeApi.ts';
import { VERDICTS, type Verdict } from '../../../src-main/common/types.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatContestTime, formatTimeOfDay, parseContestTime } from '../../shared/format.ts';
import { ProblemOptions } from '../../shared/problems.tsx';
import { Field, FormError, Loading, Notice } from '../../shared/ui.tsx';
import { VERDICT_NAMES } from '../../shared/verdicts.ts';
import { judge } from '../api.ts';
import { useLiveQuery } from '../liveQuery.ts';
import { perform } from '../loaders.ts';
import { openHref, rejudgingHref, submissionHref, viewHref } from '../route.ts';
import { useConsole } from '../store/index.ts';
import { ProblemTag, RunVerdict, TeamOptions, useNames, VerdictOptions } from './common.tsx';
import { useConfirmation } from './ConfirmDialog.tsx';
import './rejudgings.css';

const listRejudgings = (): Promise<RejudgingSummary[]> => judge.listRejudgings();

const STATE_TEXT: Record<RejudgingSummary['state'], string> = { open: 'open', applied: 'applied', cancelled: 'cancelled' };

export function Rejudgings({ id }: { id: string | null }) {
  return id === null ? <RejudgingList /> : <RejudgingView key={id} id={id} />;
}

function RejudgingList() {
  const { data, error } = useLiveQuery(listRejudgings, ['rejudgings']);
  return (
    <section className="rejudgings-view">
      <h1>Rejudgings</h1>
      <p className="muted">
        A rejudging judges submissions again without changing any verdict: teams, the scoreboard and the Contest API see the new verdicts only once you apply it. To fix a single
        judging error at once, use Rejudge now on the submission.
      </p>
      <NewRejudging />
      <h2>All rejudgings</h2>
      {error && <Notice tone="error">Could not load the rejudgings: {error}.</Notice>}
      {data === null ? (
        !error && <Loading what="the rejudgings" />
      ) : data.length === 0 ? (
        <p className="muted">No rejudging yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="rejudgings-table" aria-label="Rejudgings">
            <thead>
              <tr>
                <th scope="col">Rejudging</th>
                <th scope="col">Reason</th>
                <th scope="col">Judged</th>
                <th scope="col">State</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.id} data-rejudging-id={r.id}>
                  <td>
                    <a href={rejudgingHref(r.id)}>#{r.id}</a>
                  </td>
                  <td className="reason">{r.reason}</td>
                  <td className="mono">
                    {r.done} / {r.total}
                  </td>
                  <td>
                    <StateChip state={r.state} />
                  </td>
                  <td>
                    {formatTimeOfDay(r.createdAt)} <span className="muted">by {r.createdBy}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function StateChip({ state }: { state: RejudgingSummary['state'] }) {
  return <span className={`chip chip-rejudging-${state}`}>{STATE_TEXT[state]}</span>;
}

/** The verdict select's option for every verdict but AC (the CCS requirements' "all rejected submissions"). */
const REJECTED = 'rejected';

/** "12, 15 17" → ['12', '15', '17']. */
function submissionIdsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The selection form: every field given must match; none given takes every judged submission. */
function NewRejudging() {
  const teams = useConsole((s) => s.teams);
  const problems = useConsole((s) => s.problems);
  const languages = useConsole((s) => s.languages);
  const notify = useConsole((s) => s.notify);
  const [problemId, setProblemId] = useState('');
  const [teamId, setTeamId] = useState('');
  const [languageId, setLanguageId] = useState('');
  const [verdict, setVerdict] = useState('');
  const [ids, setIds] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem('Give a reason: it is kept with the rejudging.');
      return;
    }
    const submissionIds = submissionIdsOf(ids);
    const fromContestMs = from.trim() ? parseContestTime(from) : undefined;
    const toContestMs = until.trim() ? parseContestTime(until) : undefined;
    if (fromContestMs === null || toContestMs === null) {
      setProblem('Give contest times as h:mm (e.g. 1:30), or leave them empty.');
      return;
    }
    const selection: RejudgingSelection = {
      ...(problemId ? { problemIds: [problemId] } : {}),
      ...(teamId ? { teamIds: [teamId] } : {}),
      ...(languageId ? { languageIds: [languageId] } : {}),
      ...(verdict ? { verdicts: verdict === REJECTED ? VERDICTS.filter((v) => v !== 'AC') : [verdict as Verdict] } : {}),
      ...(submissionIds.length > 0 ? { submissionIds } : {}),
      ...(fromContestMs !== undefined ? { fromContestMs } : {}),
      ...(toContestMs !== undefined ? { toContestMs } : {}),
    };
    setProblem(null);
    setBusy(true);
    const created = await perform('Could not start the rejudging', () => judge.createRejudging(selection, reason));
    setBusy(false);
    if (!created) return;
    const { rejudging: r, skipped } = created;
    notify('success', `Rejudging #${r.id}: ${r.total} submission${r.total === 1 ? '' : 's'}${skipped > 0 ? `; ${skipped} left out (waiting for a verdict or in another rejudging)` : ''}.`);
    openHref(rejudgingHref(r.id));
  };

  return (
    <form className="card new-rejudging" aria-labelledby="new-rejudging-title" onSubmit={asyncHandler(start)}>
      <h2 id="new-rejudging-title">New rejudging</h2>
      <div className="filters">
        <Field label="Problem">
          {(id) => (
            <select id={id} value={problemId} onChange={(e) => setProblemId(e.target.value)}>
              <option value="">All problems</option>
              <ProblemOptions problems={problems} />
            </select>
          )}
        </Field>
        <Field label="Team">
          {(id) => (
            <select id={id} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">All teams</option>
              <TeamOptions teams={teams} />
            </select>
          )}
        </Field>
        <Field label="Language">
          {(id) => (
            <select id={id} value={languageId} onChange={(e) => setLanguageId(e.target.value)}>
              <option value="">All languages</option>
              {languages.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Verdict now">
          {(id) => (
            <select id={id} value={verdict} onChange={(e) => setVerdict(e.target.value)}>
              <option value="">All verdicts</option>
              <option value={REJECTED}>Rejected (all but AC)</option>
              <VerdictOptions />
            </select>
          )}
        </Field>
        <Field label="Submitted from (contest time)">
          {(id) => <input id={id} value={from} placeholder="0:00" onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="Until before">
          {(id) => <input id={id} value={until} placeholder="the end" onChange={(e) => setUntil(e.target.value)} />}
        </Field>
        <Field label="Submissions (ids)">
          {(id) => <input id={id} value={ids} inputMode="numeric" placeholder="all" onChange={(e) => setIds(e.target.value)} />}
        </Field>
        <Field label="Reason" className="field-grow">
          {(id) => <input id={id} value={reason} placeholder="e.g. time limit of B raised to 2 s" onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
      <FormError message={problem} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Start rejudging
        </button>
      </div>
    </form>
  );
}

function RejudgingView({ id }: { id: string }) {
  const fetchDetail = useCallback(() => judge.getRejudging(id), [id]);
  // Applying changes verdicts: the store's judgement events come as 'scoreboard' too.
  const { data, error, reload } = useLiveQuery(fetchDetail, ['rejudgings', 'scoreboard']);
  return (
    <section className="rejudgings-view">
      <p className="back-link">
        <a href={viewHref('rejudgings')}>← All rejudgings</a>
      </p>
      <h1>Rejudging #{id}</h1>
      {error && <Notice tone="error">Could not load rejudging #{id}: {error}.</Notice>}
      {data === null ? !error && <Loading what={`rejudging #${id}`} /> : <RejudgingBody detail={data} onChanged={reload} />}
    </section>
  );
}

function RejudgingBody({ detail, onChanged }: { detail: RejudgingDetail; onChanged: () => Promise<void> }) {
  const r = detail.rejudging;
  const notify = useConsole((s) => s.notify);
  const { ask, dialog } = useConfirmation();
  const [busy, setBusy] = useState(false);
  const [changedOnly, setChangedOnly] = useState(false);
  const finished = r.done === r.total;

  const act = async (what: string, run: () => Promise<RejudgingSummary>, done: string): Promise<void> => {
    setBusy(true);
    const ok = await perform(what, run);
    setBusy(false);
    if (ok) notify('success', done);
    await onChanged();
  };
  const apply = () =>
    ask({
      title: `Apply rejudging #${r.id}?`,
      body: (
        <p>
          The new verdicts of its {r.total} submissions become current at once: {detail.changed} verdict{detail.changed === 1 ? '' : 's'} change for the teams, on the scoreboard
          and in the Contest API.
        </p>
      ),
      confirm: 'Apply the new verdicts',
      onConfirm: asyncHandler(() => act(`Could not apply rejudging #${r.id}`, () => judge.applyRejudging(r.id), `Rejudging #${r.id} applied.`)),
    });
  const cancel = () =>
    ask({
      title: `Cancel rejudging #${r.id}?`,
      body: <p>Its new judgements are discarded; every verdict stays as it is.</p>,
      confirm: 'Cancel the rejudging',
      onConfirm: asyncHandler(() => act(`Could not cancel rejudging #${r.id}`, () => judge.cancelRejudging(r.id), `Rejudging #${r.id} cancelled: nothing changed.`)),
    });

  const items = changedOnly ? detail.items.filter((i) => i.newVerdict !== null && i.newVerdict !== i.oldVerdict) : detail.items;
  return (
    <>
      <dl className="facts facts-row">
        <dt>State</dt>
        <dd>
          <StateChip state={r.state} />
        </dd>
        <dt>Reason</dt>
        <dd>{r.reason}</dd>
        <dt>Started</dt>
        <dd>
          {formatTimeOfDay(r.createdAt)} by {r.createdBy}
        </dd>
        {r.closed && (
          <>
            <dt>{r.state === 'applied' ? 'Applied' : 'Cancelled'}</dt>
            <dd>
              {formatTimeOfDay(r.closed.at)} by {r.closed.by}
            </dd>
          </>
        )}
      </dl>
      <div className="rejudging-progress">
        <label htmlFor="rejudging-progress">
          Judged {r.done} of {r.total}
          {finished ? `: ${detail.changed} verdict${detail.changed === 1 ? '' : 's'} would change` : ''}
        </label>
        <progress id="rejudging-progress" max={r.total} value={r.done} />
      </div>
      {r.state === 'open' && (
        <div className="button-row">
          <button type="button" className="primary" disabled={busy || !finished} onClick={apply}>
            Apply
          </button>
          <button type="button" className="danger" disabled={busy} onClick={cancel}>
            Cancel rejudging
          </button>
          {!finished && <span className="muted">Apply once every submission is judged.</span>}
        </div>
      )}
      <h2 id="changes-title">Verdicts before and after</h2>
      <ChangeMatrix detail={detail} />
      <div className="view-head">
        <h2 id="rejudged-title">Submissions</h2>
        <label className="toggle">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />
          Changed only
        </label>
      </div>
      <RejudgedTable items={items} />
      {dialog}
    </>
  );
}

/** Where a verdict goes in the matrix: VERDICTS' order, not judged yet last. */
const rank = (v: Verdict | null) => (v === null ? VERDICTS.length : VERDICTS.indexOf(v));

/** Rows: the verdict before; columns: the verdict after (— not judged yet). Cells off the diagonal are changes. */
function ChangeMatrix({ detail }: { detail: RejudgingDetail }) {
  const label = (v: Verdict | null) => v ?? '—';
  const froms = [...new Set(detail.changes.map((c) => c.from))].sort((a, b) => rank(a) - rank(b));
  const tos = [...new Set(detail.changes.map((c) => c.to))].sort((a, b) => rank(a) - rank(b));
  const count = (from: Verdict | null, to: Verdict | null) => detail.changes.find((c) => c.from === from && c.to === to)?.count ?? 0;
  return (
    <div className="table-wrap">
      <table className="change-matrix" aria-labelledby="changes-title">
        <thead>
          <tr>
            <th scope="col">Before ↓ · after →</th>
            {tos.map((to) => (
              <th key={label(to)} scope="col" title={to ? VERDICT_NAMES[to] : 'not judged yet'}>
                {label(to)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {froms.map((from) => (
            <tr key={label(from)}>
              <th scope="row" title={from ? VERDICT_NAMES[from] : undefined}>
                {label(from)}
              </th>
              {tos.map((to) => {
                const n = count(from, to);
                const change = to !== null && to !== from && n > 0;
                return (
                  <td key={label(to)} className={`mono${change ? ' cell-changed' : ''}${n === 0 ? ' muted' : ''}`} data-from={label(from)} data-to={label(to)}>
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RejudgedTable({ items }: { items: RejudgingDetail['items'] }) {
  const names = useNames();
  if (items.length === 0) return <p className="muted">No verdict changed.</p>;
  return (
    <div className="table-wrap">
      <table className="rejudged-table" aria-labelledby="rejudged-title">
        <thead>
          <tr>
            <th scope="col">Submission</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Team</th>
            <th scope="col">Problem</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.submissionId} data-submission-id={i.submissionId} className={i.newVerdict !== null && i.newVerdict !== i.oldVerdict ? 'row-changed' : undefined}>
              <td>
                <a href={submissionHref(i.submissionId)}>#{i.submissionId}</a>
              </td>
              <td>{i.oldVerdict ? <RunVerdict verdict={i.oldVerdict} /> : '—'}</td>
              <td data-after={i.newVerdict ?? i.status}>{i.newVerdict ? <RunVerdict verdict={i.newVerdict} /> : <span className="verdict-badge tone-pending">{i.status}</span>}</td>
              <td>{names.team(i.teamId)}</td>
              <td>
                <ProblemTag problem={names.problemById.get(i.problemId)} fallback={i.problemId} />
              </td>
              <td className="mono">{formatContestTime(i.contestTimeMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
