// All submissions, newest first, in a virtualized table: only the rows in view (plus a few) are
// in the DOM, each a fixed height, so 10,000 rows scroll smoothly. Rows read their submission from
// the store by id, so an event redraws only the row it changed (and the list when ids were added).
import { memo, useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import { formatContestTime, formatScore, formatTimeOfDay } from '../../shared/format.ts';
import { ProblemOptions } from '../../shared/problems.tsx';
import { Field, Loading, Notice } from '../../shared/ui.tsx';
import { filterIds, isEmptyFilter, NO_FILTER } from '../filters.ts';
import { formatRunTime } from '../format.ts';
import { rejudgingHref, submissionHref } from '../route.ts';
import { useConsole } from '../store/index.ts';
import { ProblemTag, TeamOptions, useNames, VerdictBadge, VerdictOptions, type Names } from './common.tsx';
import { VerifiedMark } from './Verification.tsx';

/** Every row is exactly this tall (CSS .subs-row matches): the virtualizer needs no measuring. */
const ROW_HEIGHT_PX = 36;

export function Submissions() {
  const { byId, order, loaded, error, filter, teams, problems } = useConsole(
    useShallow((s) => ({
      byId: s.submissions,
      order: s.submissionOrder,
      loaded: s.submissionsLoaded,
      error: s.submissionsError,
      filter: s.filter,
      teams: s.teams,
      problems: s.problems,
    })),
  );
  const setFilter = useConsole((s) => s.setFilter);
  const names = useNames();
  // Typing stays smooth: the table filters with the deferred value.
  const deferredFilter = useDeferredValue(filter);
  const ids = useMemo(() => filterIds(order, byId, deferredFilter, names), [order, byId, deferredFilter, names]);

  return (
    <section className="submissions-view">
      <h1 id="submissions-title">Submissions</h1>
      <div className="filters" role="search" aria-label="Filter submissions">
        <Field label="Team">
          {(id) => (
            <select id={id} value={filter.teamId} onChange={(e) => setFilter({ teamId: e.target.value })}>
              <option value="">All teams</option>
              <TeamOptions teams={teams} />
            </select>
          )}
        </Field>
        <Field label="Problem">
          {(id) => (
            <select id={id} value={filter.problemId} onChange={(e) => setFilter({ problemId: e.target.value })}>
              <option value="">All problems</option>
              <ProblemOptions problems={problems} />
            </select>
          )}
        </Field>
        <Field label="Verdict">
          {(id) => (
            <select id={id} value={filter.verdict} onChange={(e) => setFilter({ verdict: e.target.value })}>
              <option value="">All verdicts</option>
              <option value="pending">Pending (queued or judging)</option>
              <option value="overridden">Overridden</option>
              <option value="unverified">Judged, not verified</option>
              <VerdictOptions />
            </select>
          )}
        </Field>
        <Field label="Search" className="field-grow">
          {(id) => <input id={id} type="search" value={filter.text} placeholder="id, team, file, language…" onChange={(e) => setFilter({ text: e.target.value })} />}
        </Field>
        {!isEmptyFilter(filter) && (
          <button type="button" className="small clear-filter" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        )}
      </div>
      {error && <Notice tone="error">Could not load the submissions: {error}.</Notice>}
      {!loaded ? (
        !error && <Loading what="the submissions" />
      ) : (
        <>
          <p className="muted count" role="status" aria-live="polite">
            {ids.length === order.length ? `${order.length} submissions` : `${ids.length} of ${order.length} submissions`}
          </p>
          <VirtualTable ids={ids} names={names} />
        </>
      )}
    </section>
  );
}

function VirtualTable({ ids, names }: { ids: readonly string[]; names: Names }) {
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  // TanStack Virtual has no API the React Compiler can memoize (its one virtualizer object answers
  // getVirtualItems() from state it mutates; TanStack/virtual#736): the compiler would skip this
  // component, which is the right outcome. The renderer is not compiled; the rule stays on so any
  // other such library is seen.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
    getItemKey: (index) => ids[index]!,
  });
  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const top = items.length > 0 ? items[0]!.start : 0;
  const bottom = items.length > 0 ? total - items[items.length - 1]!.end : 0;

  // Scrolled down, the rows in view stay put when new submissions arrive above them; at the top,
  // new submissions push in (the judge sees the newest).
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const remember = useCallback((): void => {
    const element = scroller.current;
    if (!element) return;
    const rowsTop = element.scrollTop - (head.current?.offsetHeight ?? 0);
    const index = Math.floor(Math.max(0, rowsTop) / ROW_HEIGHT_PX);
    anchor.current = element.scrollTop >= ROW_HEIGHT_PX && ids[index] !== undefined ? { id: ids[index], offset: rowsTop - index * ROW_HEIGHT_PX } : null;
  }, [ids]);
  useLayoutEffect(() => {
    const element = scroller.current;
    const held = anchor.current;
    if (element && held) {
      const index = ids.indexOf(held.id);
      if (index >= 0) {
        const target = index * ROW_HEIGHT_PX + held.offset + (head.current?.offsetHeight ?? 0);
        if (Math.abs(element.scrollTop - target) >= 1) element.scrollTop = target;
      }
    }
    remember();
    // Only a new list of ids moves the anchor (remember changes with it); scrolling records it (onScroll).
  }, [ids, remember]);

  return (
    <div className="table-wrap subs-scroll" ref={scroller} tabIndex={-1} onScroll={remember}>
      <table className="subs-table" aria-label="Submissions" aria-rowcount={ids.length + 1}>
        <colgroup>
          <col className="c-id" />
          <col className="c-time" />
          <col className="c-team" />
          <col className="c-problem" />
          <col className="c-lang" />
          <col className="c-verdict" />
          <col className="c-runtime" />
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            <th scope="col">ID</th>
            <th scope="col">Time</th>
            <th scope="col">Team</th>
            <th scope="col">Problem</th>
            <th scope="col">Language</th>
            <th scope="col">Verdict</th>
            <th scope="col" className="num">
              CPU
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={7} style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => (
            <Row key={item.key} id={ids[item.index]!} rowIndex={item.index + 2} names={names} />
          ))}
          {bottom > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={7} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {ids.length === 0 && <p className="muted empty">No submissions match.</p>}
    </div>
  );
}

const Row = memo(function Row({ id, rowIndex, names }: { id: string; rowIndex: number; names: Names }) {
  const s = useConsole((state) => state.submissions.get(id));
  if (!s) return null;
  const open = (): void => {
    window.location.hash = submissionHref(id);
  };
  return (
    <tr className="subs-row" aria-rowindex={rowIndex} data-submission-id={id} onClick={open}>
      <td className="mono">
        <a href={submissionHref(id)} onClick={(e) => e.stopPropagation()}>
          #{id}
        </a>
      </td>
      <td className="mono" title={formatTimeOfDay(s.submittedAt)}>
        {formatContestTime(s.contestTimeMs)}
      </td>
      <td className="ellipsis" title={names.team(s.teamId)}>
        {names.team(s.teamId)}
      </td>
      <td>
        <ProblemTag problem={names.problemById.get(s.problemId)} fallback={s.problemId} />
      </td>
      <td className="ellipsis">{names.language(s.languageId)}</td>
      <td>
        <VerdictBadge submission={s} />
        <VerifiedMark submission={s} />
        {s.rejudgingId && (
          <a
            className="rejudging-mark"
            href={rejudgingHref(s.rejudgingId)}
            onClick={(e) => e.stopPropagation()}
            title={`In rejudging #${s.rejudgingId}: the verdict shown stays until it is applied`}
            aria-label={`in rejudging #${s.rejudgingId}`}
          >
            R{s.rejudgingId}
          </a>
        )}
        {s.status === 'judged' && s.score !== null && (
          <span className="score-tag mono" data-score={s.score} title="Score">
            {formatScore(s.score)}
          </span>
        )}
      </td>
      <td className="num mono">{s.status === 'judged' && s.verdict !== 'CE' ? formatRunTime(s.timeMs) : ''}</td>
    </tr>
  );
});
