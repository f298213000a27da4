// Clarifications: teams' questions (unanswered first) with a way to answer each, privately or to
// all teams, from a stock answer or in the judge's words; claiming a question so that other judges
// see who is answering it; new announcements; and everything the judges have sent.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AnswerRequest, ConsoleClarification } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatTimeOfDay } from '../../shared/format.ts';
import { TopicField } from '../../shared/problems.tsx';
import { Field, FormError, Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { perform } from '../loaders.ts';
import { answeredIds, isQuestion } from '../store/clarifications.ts';
import { useConsole } from '../store/index.ts';
import { ProblemTag, TeamOptions, useNames, type Names } from './common.tsx';

export function Clarifications() {
  const { list, loaded, error } = useConsole(useShallow((s) => ({ list: s.clarifications, loaded: s.clarificationsLoaded, error: s.clarificationsError })));
  const names = useNames();
  const cannedAnswers = useCannedAnswers();

  const { open, done, sent, repliesTo } = useMemo(() => {
    const answered = answeredIds(list);
    const replies = new Map<string, ConsoleClarification[]>();
    for (const c of list) {
      if (isQuestion(c) || c.replyToId === null) continue;
      const group = replies.get(c.replyToId) ?? [];
      group.push(c);
      replies.set(c.replyToId, group);
    }
    const questions = list.filter(isQuestion);
    return {
      open: questions.filter((q) => !answered.has(q.id)).reverse(),
      done: questions.filter((q) => answered.has(q.id)).reverse(),
      sent: list.filter((c) => !isQuestion(c)).reverse(),
      repliesTo: replies,
    };
  }, [list]);

  return (
    <section className="clarifications">
      <h1 id="clar-title">Clarifications</h1>
      {error && <Notice tone="error">Could not load the clarifications: {error}.</Notice>}
      {!loaded ? (
        !error && <Loading what="the clarifications" />
      ) : (
        <div className="clar-columns">
          <div>
            <section>
              <h2 id="questions-title">
                Questions {open.length > 0 && <span className="badge badge-unread">{open.length} unanswered</span>}
              </h2>
              {open.length === 0 && done.length === 0 && <p className="muted">No questions from teams yet.</p>}
              <ol className="clar-list">
                {[...open, ...done].map((q) => (
                  <li key={q.id}>
                    <Question question={q} replies={repliesTo.get(q.id) ?? []} names={names} cannedAnswers={cannedAnswers} />
                  </li>
                ))}
              </ol>
            </section>
          </div>
          <div>
            <AnnouncementForm />
            <section>
              <h2 id="sent-title">Sent by the judges</h2>
              {sent.length === 0 ? (
                <p className="muted">Nothing sent yet.</p>
              ) : (
                <ol className="clar-list">
                  {sent.map((c) => (
                    <li key={c.id}>
                      <Message clarification={c} names={names} />
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        </div>
      )}
    </section>
  );
}

/** The contest's stock answers, read once per visit of the view (none while loading or when that fails). */
function useCannedAnswers(): readonly string[] {
  const [answers, setAnswers] = useState<readonly string[]>([]);
  useEffect(() => {
    let current = true;
    void perform('Could not load the stock answers', () => judge.listCannedAnswers()).then((list) => {
      if (current && list) setAnswers(list);
    });
    return () => {
      current = false;
    };
  }, []);
  return answers;
}

function Topic({ problemId, names }: { problemId: string | null; names: Names }) {
  return <span className="clar-topic">{problemId ? <ProblemTag problem={names.problemById.get(problemId)} fallback={problemId} /> : 'General'}</span>;
}

function audience(c: ConsoleClarification, names: Names): string {
  if (c.toTeamId === null) return c.replyToId ? 'Answer to all teams' : 'Announcement to all teams';
  return `${c.replyToId ? 'Answer' : 'Message'} to ${names.team(c.toTeamId)}`;
}

function Message({ clarification: c, names }: { clarification: ConsoleClarification; names: Names }) {
  return (
    <article className={`clar ${c.toTeamId === null ? 'clar-broadcast' : 'clar-answer'}`} data-clarification-id={c.id}>
      <header>
        <strong>{audience(c, names)}</strong>
        <Topic problemId={c.problemId} names={names} />
        <time className="muted" dateTime={new Date(c.time).toISOString()}>
          {formatTimeOfDay(c.time)}
        </time>
      </header>
      <p className="clar-text">{c.text}</p>
    </article>
  );
}

function Question({ question: q, replies, names, cannedAnswers }: { question: ConsoleClarification; replies: readonly ConsoleClarification[]; names: Names; cannedAnswers: readonly string[] }) {
  const [answering, setAnswering] = useState(false);
  const [claiming, setClaiming] = useState(false);
  const addClarification = useConsole((s) => s.addClarification);
  const answered = replies.length > 0;
  const team = q.fromTeamId ? names.team(q.fromTeamId) : '?';
  const claim = answered ? null : (q.claimed ?? null);
  const setClaimed = async (claimed: boolean): Promise<void> => {
    setClaiming(true);
    const question = await perform(claimed ? 'Could not claim the question' : 'Could not release the question', () => judge.setClarificationClaimed(q.id, claimed));
    setClaiming(false);
    if (question) addClarification(question);
  };
  return (
    <div className={`clar-thread${answered ? '' : ' clar-open'}`} aria-label={`Question from ${team}`} role="group">
      <article className="clar clar-question" data-clarification-id={q.id}>
        <header>
          <strong>{team}</strong>
          <Topic problemId={q.problemId} names={names} />
          {!answered && <span className="chip chip-new">unanswered</span>}
          {claim && (
            <span className="chip chip-claimed" title={`since ${formatTimeOfDay(claim.at)}`}>
              claimed by {claim.by}
            </span>
          )}
          <time className="muted" dateTime={new Date(q.time).toISOString()}>
            {formatTimeOfDay(q.time)}
          </time>
        </header>
        <p className="clar-text">{q.text}</p>
      </article>
      {replies.map((r) => (
        <div key={r.id} className="clar-reply">
          <Message clarification={r} names={names} />
        </div>
      ))}
      <div className="clar-actions">
        {answering ? (
          <AnswerForm question={q} teamName={team} cannedAnswers={cannedAnswers} onDone={() => setAnswering(false)} />
        ) : (
          <div className="button-row">
            <button type="button" className="small" onClick={() => setAnswering(true)}>
              Answer
            </button>
            {!answered &&
              (claim ? (
                <button type="button" className="small" disabled={claiming} onClick={() => void setClaimed(false)} aria-label={`Release the question of ${team} (claimed by ${claim.by})`}>
                  Unclaim
                </button>
              ) : (
                <button type="button" className="small" disabled={claiming} onClick={() => void setClaimed(true)} aria-label={`Claim the question of ${team}`}>
                  Claim
                </button>
              ))}
          </div>
        )}
      </div>
    </div>
  );
}

function AnswerForm({ question: q, teamName, cannedAnswers, onDone }: { question: ConsoleClarification; teamName: string; cannedAnswers: readonly string[]; onDone: () => void }) {
  const [text, setText] = useState('');
  const [toAll, setToAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const addClarification = useConsole((s) => s.addClarification);

  const send = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem('Write the answer first.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const request: AnswerRequest = { replyToId: q.id, toTeamId: toAll ? null : q.fromTeamId, problemId: q.problemId, text: text.trim() };
    const answer = await perform('Could not send the answer', () => judge.answerClarification(request));
    setBusy(false);
    if (answer) {
      addClarification(answer);
      onDone();
    }
  };

  return (
    <form className="answer-form" onSubmit={asyncHandler(send)} noValidate>
      {cannedAnswers.length > 0 && (
        <div className="canned-answers" role="group" aria-label="Stock answers">
          <span className="muted small">Stock answers:</span>
          {cannedAnswers.map((answer) => (
            <button key={answer} type="button" className="small" aria-pressed={text === answer} onClick={() => setText(answer)}>
              {answer}
            </button>
          ))}
        </div>
      )}
      <Field label="Answer text">
        {(id) => <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={10_000} autoFocus />}
      </Field>
      <label className="toggle">
        <input type="checkbox" checked={toAll} onChange={(e) => setToAll(e.target.checked)} />
        Answer to all
      </label>
      <span className="muted small">{toAll ? 'Every team sees the question’s topic and this answer.' : `Only ${teamName} sees this answer.`}</span>
      <FormError message={problem} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Send answer
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AnnouncementForm() {
  const { problems, teams } = useConsole(useShallow((s) => ({ problems: s.problems, teams: s.teams })));
  const addClarification = useConsole((s) => s.addClarification);
  const notify = useConsole((s) => s.notify);
  const [problemId, setProblemId] = useState('');
  const [toTeamId, setToTeamId] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem('Write the announcement first.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const sent = await perform('Could not send the announcement', () =>
      judge.answerClarification({ replyToId: null, toTeamId: toTeamId || null, problemId: problemId || null, text: text.trim() }),
    );
    setBusy(false);
    if (sent) {
      addClarification(sent);
      setText('');
      notify('success', toTeamId ? 'Message sent.' : 'Announcement sent to all teams.');
    }
  };

  return (
    <form className="card ask-form" onSubmit={asyncHandler(send)} noValidate>
      <h2 id="announce-title">New announcement</h2>
      <div className="form-row">
        <TopicField problems={problems} value={problemId} onChange={setProblemId} />
        <Field label="To">
          {(id) => (
            <select id={id} value={toTeamId} onChange={(e) => setToTeamId(e.target.value)}>
              <option value="">All teams</option>
              <TeamOptions teams={teams} />
            </select>
          )}
        </Field>
      </div>
      <Field label="Announcement">
        {(id) => <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={10_000} />}
      </Field>
      <FormError message={problem} />
      <div>
        <button type="submit" className="primary" disabled={busy}>
          Send announcement
        </button>
      </div>
    </form>
  );
}
