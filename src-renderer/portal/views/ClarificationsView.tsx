// Clarifications: the judges' announcements and answers, the team's own questions, and a form to ask.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PortalClarification, PortalProblem } from '../../../src-main/shared/portalApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatTimeOfDay } from '../../shared/format.ts';
import { messageOf } from '../../shared/http.ts';
import { TopicField } from '../../shared/problems.tsx';
import { Field, FormError, Loading, Notice } from '../../shared/ui.tsx';
import { ask, isIncoming, markClarificationsSeen, selectProblems, usePortal } from '../store.ts';
import { useFormError } from '../useFormError.ts';
import { ProblemTag } from './common.tsx';

interface Thread {
  root: PortalClarification;
  replies: PortalClarification[];
  /** Latest activity, for ordering. */
  time: number;
}

/** Questions with their answers under them; announcements and unprompted answers on their own. */
function threads(clarifications: readonly PortalClarification[]): Thread[] {
  const byId = new Map(clarifications.map((c) => [c.id, c]));
  const result = new Map<string, Thread>();
  const sorted = [...clarifications].sort((a, b) => a.time - b.time);
  for (const c of sorted) {
    if (c.replyToId && byId.has(c.replyToId)) continue;
    result.set(c.id, { root: c, replies: [], time: c.time });
  }
  for (const c of sorted) {
    const thread = c.replyToId ? result.get(c.replyToId) : undefined;
    if (!thread) continue;
    thread.replies.push(c);
    thread.time = Math.max(thread.time, c.time);
  }
  return [...result.values()].sort((a, b) => b.time - a.time);
}

export function ClarificationsView() {
  const { clarifications, error, teamId, problems, seen } = usePortal(
    useShallow((s) => ({
      clarifications: s.clarifications,
      error: s.clarificationsError,
      teamId: s.me?.team?.id ?? null,
      problems: selectProblems(s),
      seen: s.seenClarifications,
    })),
  );
  // What was unread when the page opened (or arrived while it is open) stays marked "new" after the
  // effect below marks it seen: state adjusted during render, so the set is complete before that.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const unread = (clarifications ?? []).filter((c) => isIncoming(c, teamId) && !seen.has(c.id) && !fresh.has(c.id));
  if (unread.length > 0) setFresh(new Set([...fresh, ...unread.map((c) => c.id)]));
  useEffect(() => {
    markClarificationsSeen();
  }, [clarifications]);

  const list = useMemo(() => threads(clarifications ?? []), [clarifications]);

  return (
    <section aria-labelledby="clar-title" className="clarifications">
      <h1 id="clar-title">Clarifications</h1>
      {teamId !== null && <AskForm />}
      {error && <Notice tone="error">Could not refresh the clarifications: {error}.</Notice>}
      {clarifications === null ? (
        !error && <Loading what="the clarifications" />
      ) : list.length === 0 ? (
        <p className="muted">No clarifications yet. Announcements from the judges and answers to your questions appear here.</p>
      ) : (
        <ol className="clar-list">
          {list.map((thread) => (
            <li key={thread.root.id} className="clar-thread">
              <ClarificationItem clarification={thread.root} teamId={teamId} problems={problems} fresh={fresh.has(thread.root.id)} />
              {thread.replies.map((reply) => (
                <ClarificationItem key={reply.id} clarification={reply} teamId={teamId} problems={problems} fresh={fresh.has(reply.id)} reply />
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ClarificationItem({
  clarification: c,
  teamId,
  problems,
  fresh,
  reply = false,
}: {
  clarification: PortalClarification;
  teamId: string | null;
  problems: readonly PortalProblem[];
  fresh: boolean;
  reply?: boolean;
}) {
  const kind = c.fromTeamId !== null && c.fromTeamId === teamId ? 'question' : c.toTeamId === null ? 'broadcast' : 'answer';
  const heading = kind === 'question' ? 'Your question' : kind === 'broadcast' ? (c.replyToId ? 'Answer to all teams' : 'Announcement to all teams') : 'Answer from the judges';
  const problem = c.problemId ? problems.find((p) => p.id === c.problemId) : undefined;
  return (
    <article className={`clar clar-${kind}${reply ? ' clar-reply' : ''}${fresh ? ' clar-new' : ''}`} data-clarification-id={c.id}>
      <header>
        <strong>{heading}</strong>
        {fresh && <span className="chip chip-new">new</span>}
        <span className="muted clar-topic">{c.problemId ? <ProblemTag problem={problem} /> : 'General'}</span>
        <time className="muted" dateTime={new Date(c.time).toISOString()}>
          {formatTimeOfDay(c.time)}
        </time>
      </header>
      <p className="clar-text">{c.text}</p>
    </article>
  );
}

function AskForm() {
  const problems = usePortal(selectProblems);
  const [problemId, setProblemId] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useFormError();
  const [sent, setSent] = useState(false);

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Write your question first.');
      return;
    }
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      await ask({ problemId: problemId || null, text: text.trim() });
      setText('');
      setSent(true);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card ask-form" onSubmit={asyncHandler(onSubmit)} noValidate>
      <h2>Ask the judges</h2>
      <TopicField problems={problems} value={problemId} onChange={setProblemId} />
      <Field label="Question">
        {(id) => (
          <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={10_000} />
        )}
      </Field>
      <FormError message={error} />
      {sent && (
        <p className="form-ok" role="status">
          Sent. The answer will appear below.
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Sending…' : 'Send question'}
        </button>
      </div>
    </form>
  );
}
