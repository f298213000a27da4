// The CLICS Contest API under /api/contests/{id}/, for ICPC tools and submit clients.
// Teams see only their own submissions, judgements and clarifications; judges see everything.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clarificationObject, contestObject, judgementObject, problemObject, runObject, submissionObject, teamObject } from '../store/clics.ts';
import type { StoredEvent, StoredEventJson } from '../store/store.ts';
import { HttpError, isJudge, requireCaller, requireJudge, type Caller } from './auth.ts';
import type { ServerContext } from './context.ts';
import { maySee } from '../store/eventAudience.ts';
import { MAX_STREAMS_PER_TEAM } from './liveHub.ts';
import { acceptSubmission } from './portalRoutes.ts';
import { sourceFromZip } from './submissionFiles.ts';
import { FeedTokens } from './feedTokens.ts';
import { PageTurns } from './pageTurns.ts';
import { scoreboardToClics } from '../contest/scoreboard.ts';
import { buildResults } from '../export/contestPackage.ts';
import { contestGroups, readGroupsFile } from '../export/groups.ts';
import { contestOrganizations, readOrganizationsFile } from '../export/organizations.ts';

/** Events sent per database read while sending a feed's history (a page is well under a millisecond of work). */
const FEED_PAGE = 200;

export function registerClicsRoutes(app: FastifyInstance, ctx: ServerContext, identify: (request: FastifyRequest) => Promise<Caller | null>): void {
  const { store } = ctx;
  const contestId = () => store.getContest()!.id;
  const startTime = () => store.getContest()!.startTime;
  const base = '/api/contests/:cid';

  app.addHook('preHandler', async (request) => {
    const cid = (request.params as { cid?: string }).cid;
    if (cid !== undefined && cid !== contestId()) throw new HttpError(404, `no contest '${cid}'`);
  });

  /** The team whose data the caller may see (null = all, for judges). */
  const scope = async (request: FastifyRequest): Promise<string | null> => {
    const caller = requireCaller(await identify(request));
    return isJudge(caller) ? null : caller.account.teamId!;
  };

  const findOr404 = <T>(item: T | undefined | null, what: string): T => {
    if (item === undefined || item === null) throw new HttpError(404, `no ${what}`);
    return item;
  };

  app.get('/api', { config: { access: 'public' } }, async () => ({ version: '2023-06', version_url: 'https://ccs-specs.icpc.io/2023-06/contest_api', name: 'Verdict' }));
  app.get('/api/contests', { config: { access: 'public' } }, async () => [contestObject(store.getContest()!)]);
  app.get(base, { config: { access: 'public' } }, async () => contestObject(store.getContest()!));
  app.get(`${base}/state`, { config: { access: 'public' } }, async () => store.getState(ctx.now()));

  app.get(`${base}/problems`, { config: { access: 'public' } }, async () => store.listProblems().map(problemObject));
  app.get(`${base}/problems/:id`, { config: { access: 'public' } }, async (request) => problemObject(findOr404(store.listProblems().find((p) => p.id === (request.params as { id: string }).id), 'such problem')));

  app.get(`${base}/languages`, { config: { access: 'public' } }, async () =>
    ctx.engine.languages.filter((l) => l.available).map((l) => ({ id: l.id, name: l.name, extensions: l.extensions, entry_point_required: false })),
  );

  const shownTeams = () => store.listTeams().filter((t) => !t.hidden);
  app.get(`${base}/teams`, { config: { access: 'public' } }, async () => shownTeams().map(teamObject));
  app.get(`${base}/teams/:id`, { config: { access: 'public' } }, async (request) => teamObject(findOr404(store.listTeams().find((t) => t.id === (request.params as { id: string }).id && !t.hidden), 'such team')));

  // What the shown teams' group_ids and organization_id refer to, named by the contest folder's files.
  app.get(`${base}/groups`, { config: { access: 'public' } }, async () => contestGroups(shownTeams(), readGroupsFile(ctx.contest.dir)).map((g) => ({ id: g.id, name: g.name })));
  app.get(`${base}/organizations`, { config: { access: 'public' } }, async () => contestOrganizations(shownTeams(), readOrganizationsFile(ctx.contest.dir)));

  app.get(`${base}/submissions`, { config: { access: 'signed-in' } }, async (request) => {
    const team = await scope(request);
    return store.listSubmissions(team ? { teamId: team } : {}).map((s) => submissionObject(s, contestId()));
  });
  app.get(`${base}/submissions/:id`, { config: { access: 'signed-in' } }, async (request) => {
    const team = await scope(request);
    const s = store.getSubmission((request.params as { id: string }).id);
    // Another team's submission is "not found", never "forbidden": ids reveal nothing.
    if (!s || (team && s.teamId !== team)) throw new HttpError(404, 'no such submission');
    return submissionObject(s, contestId());
  });
  app.get(`${base}/submissions/:id/files`, { config: { access: 'judge' } }, async (request, reply) => {
    requireJudge(await identify(request));
    const source = findOr404(store.getSubmissionSource((request.params as { id: string }).id), 'such submission');
    return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${source.fileName}"`).send(source.source);
  });

  app.post(`${base}/submissions`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const caller = requireCaller(await identify(request));
    ctx.auth.checkStateChange(request, caller);
    const body = request.body as { problem_id?: unknown; language_id?: unknown; team_id?: unknown; files?: { data?: unknown }[] } | undefined;
    if (!body || typeof body.problem_id !== 'string' || typeof body.language_id !== 'string' || !Array.isArray(body.files) || typeof body.files[0]?.data !== 'string') {
      throw new HttpError(400, 'send {"problem_id", "language_id", "files": [{"data": "<base64 zip>"}]}');
    }
    let teamId: string;
    if (caller.account.type === 'team') {
      if (body.team_id !== undefined && body.team_id !== caller.account.teamId) throw new HttpError(403, 'a team submits for itself only');
      teamId = caller.account.teamId!;
    } else {
      if (typeof body.team_id !== 'string' || !store.listTeams().some((t) => t.id === body.team_id)) throw new HttpError(400, 'judges submitting must name an existing team_id');
      teamId = body.team_id;
    }
    const file = await sourceFromZip(body.files[0].data);
    const submission = await acceptSubmission(ctx, request, { teamId, problemId: body.problem_id, languageId: body.language_id, fileName: file.fileName, source: file.source });
    reply.code(202);
    return submissionObject(submission, contestId());
  });

  app.get(`${base}/judgements`, { config: { access: 'signed-in' } }, async (request) => {
    const team = await scope(request);
    return store.listJudgements(team ? { teamId: team } : {}).map((j) => judgementObject(j, startTime()));
  });
  app.get(`${base}/judgements/:id`, { config: { access: 'signed-in' } }, async (request) => {
    const team = await scope(request);
    const j = store.getJudgement((request.params as { id: string }).id);
    if (!j || (team && store.getSubmission(j.submissionId)?.teamId !== team)) throw new HttpError(404, 'no such judgement');
    return judgementObject(j, startTime());
  });

  // Per-test results reveal how many tests there are and which failed: judges only.
  app.get(`${base}/runs`, { config: { access: 'judge' } }, async (request) => {
    requireJudge(await identify(request));
    const judgementId = (request.query as { judgement_id?: string }).judgement_id;
    const judgements = judgementId ? [findOr404(store.getJudgement(judgementId), 'such judgement')] : store.listJudgements();
    return judgements.flatMap((j) => store.listRuns(j.id).map((r) => runObject(r, startTime())));
  });

  app.get(`${base}/scoreboard`, { config: { access: 'public' } }, async (request) => {
    const caller = await identify(request);
    const snapshot = ctx.scoreboard.snapshot(isJudge(caller) ? 'judges' : 'public', ctx.now());
    return { ...scoreboardToClics(snapshot.rows, store.listProblems()), state: store.getState(ctx.now()) };
  });

  // Awards as CLICS defines them: judges always; everyone else once the judges released the results.
  app.get(`${base}/awards`, { config: { access: 'public' } }, async (request) => {
    const caller = await identify(request);
    if (!isJudge(caller) && store.getState(ctx.now()).thawed === null) throw new HttpError(403, 'awards are published when the judges release the final results');
    return buildResults(store, { groups: readGroupsFile(ctx.contest.dir), now: ctx.now() }).awards.list;
  });

  app.get(`${base}/clarifications`, { config: { access: 'signed-in' } }, async (request) => {
    const team = await scope(request);
    return store.listClarifications(team ? { teamId: team } : {}).map(clarificationObject);
  });
  app.post(`${base}/clarifications`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const caller = requireCaller(await identify(request));
    ctx.auth.checkStateChange(request, caller);
    const body = request.body as { text?: unknown; problem_id?: unknown; to_team_id?: unknown; reply_to_id?: unknown } | undefined;
    if (!body || typeof body.text !== 'string' || !body.text.trim()) throw new HttpError(400, 'send {"text": ..., "problem_id": ...}');
    const problemId = typeof body.problem_id === 'string' ? body.problem_id : null;
    const judge = isJudge(caller);
    if (!judge) {
      const wait = ctx.limits.clarifications.take(caller.account.teamId!);
      if (wait) throw new HttpError(429, `too many questions: wait ${Math.ceil(wait / 1000)} s`);
    }
    const replyToId = typeof body.reply_to_id === 'string' ? body.reply_to_id : null;
    // A team may only follow up on a clarification it can see: whether another one exists is not its business.
    if (!judge && replyToId !== null && !store.listClarifications({ teamId: caller.account.teamId! }).some((c) => c.id === replyToId)) {
      throw new HttpError(400, `reply_to_id ${replyToId}: no such clarification`);
    }
    const row = store.addClarification({
      fromTeamId: judge ? null : caller.account.teamId,
      toTeamId: judge && typeof body.to_team_id === 'string' ? body.to_team_id : null,
      problemId,
      text: body.text.trim().slice(0, 4000),
      replyToId,
      time: ctx.now(),
    });
    reply.code(201);
    return clarificationObject(row);
  });

  // NDJSON event feed: everything since `since_token`, then live until the client leaves. The history
  // goes out a page at a time, every open feed in turn and all of them for a short slice of each turn
  // of the event loop (pageTurns.ts), waiting when a client reads slowly, so that no number of long
  // feeds holds the server; every feed a team has open counts against its limit, streaming or not.
  const feedsOpen = new Map<string, number>();
  const tokens = new FeedTokens();
  const turns = new PageTurns();
  app.get(`${base}/event-feed`, { config: { access: 'signed-in' } }, async (request, reply) => {
    const team = await scope(request);
    const query = request.query as { since_token?: string; stream?: string };
    // Teams hold opaque tokens (see feedTokens.ts); judges the plain ones.
    const given = query.since_token ?? null;
    const since = given === null || team === null ? given : tokens.reveal(given);
    if (given !== null && (since === null || !isEventToken(since))) throw new HttpError(400, `since_token ${JSON.stringify(given)} is not a token of this feed`);
    if (team && (feedsOpen.get(team) ?? 0) >= MAX_STREAMS_PER_TEAM) {
      throw new HttpError(429, `too many open event feeds for this team (limit ${MAX_STREAMS_PER_TEAM})`);
    }
    if (team) feedsOpen.set(team, (feedsOpen.get(team) ?? 0) + 1);
    const raw = reply.raw;
    let closed = false;
    let unsubscribe = () => {};
    let keepalive: NodeJS.Timeout | undefined = undefined;
    raw.on('close', () => {
      closed = true;
      unsubscribe();
      clearInterval(keepalive);
      if (team) feedsOpen.set(team, (feedsOpen.get(team) ?? 1) - 1);
    });
    reply.hijack();
    raw.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
    // Events are written as stored: their data is the stored JSON text, never parsed and written again.
    const lines = (page: StoredEventJson[]): string => {
      const shown = team === null ? page.map((e) => e.token) : tokens.hideAll(page.map((e) => e.token));
      return page.map((e, i) => feedLine(e.type, e.id, e.data, shown[i])).join('');
    };
    // History: a team reads only the events it may see, by index (the store keeps each event's audience).
    const audience = team ?? undefined;
    let token = since;
    const page = (): 'more' | 'done' | Promise<unknown> => {
      if (closed) return 'done';
      const events = store.eventJsonSince(token, FEED_PAGE, audience);
      if (events.length === 0) return 'done';
      token = events[events.length - 1].token;
      // A client that reads slowly is waited for, not buffered.
      return raw.write(lines(events)) ? 'more' : drainedOrClosed(raw);
    };
    await turns.send(page);
    if (closed) return;
    if (query.stream === 'false') {
      raw.end();
      return;
    }
    // What was committed after the last page (in practice nothing: the feed resumes in the turn that read it), then live events.
    for (let late = page(); late !== 'done'; late = page());
    unsubscribe = store.onEvent((e: StoredEvent) => {
      if (team === null || maySee(e.audience, team)) raw.write(feedLine(e.type, e.id, e.data === null ? null : JSON.stringify(e.data), team === null ? e.token : tokens.hide(e.token)));
    });
    keepalive = setInterval(() => raw.write('\n'), 120_000);
  });

  /** A token this feed has given out: a whole number up to the newest event's. */
  function isEventToken(token: string): boolean {
    if (!/^(0|[1-9]\d{0,15})$/.test(token)) return false;
    return Number(token) <= Number(store.lastEventToken() ?? 0);
  }
}

/** Resolves when `stream` has drained or closed; its listeners go with it (one wait per page of a long feed). */
function drainedOrClosed(stream: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** One line of the NDJSON event feed; `data` is the object's JSON text (or null for a delete). */
function feedLine(type: string, id: string | null, data: string | null, token: string): string {
  return `{"type":${JSON.stringify(type)},"id":${JSON.stringify(id)},"data":${data ?? 'null'},"token":${JSON.stringify(token)}}\n`;
}
