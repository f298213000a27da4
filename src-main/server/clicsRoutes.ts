// The CLICS Contest API (ccs-specs 2026-01) under /api/, for ICPC tools and submit clients: every endpoint a
// CCS provides, collections and single objects, each answer serialised through its schema (clics/schemas.ts).
// Teams see only their own submissions, judgements and clarifications; judges see everything.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type, { type TSchema } from 'typebox';
import { accessFor, type ClicsRole } from '../clics/access.ts';
import { apiInformation } from '../clics/apiInfo.ts';
import { clicsJson } from '../clics/serialize.ts';
import * as S from '../clics/schemas.ts';
import type { ClicsObject } from '../clics/schemas.ts';
import type { AccountType } from '../contest/model.ts';
import { scoreboardToClics } from '../contest/scoreboard.ts';
import { storedZip } from '../export/zip.ts';
import { clarificationObject, contestObject, JUDGEMENT_TYPES, judgementObject, problemObject, runObject, submissionObject, teamObject } from '../store/clics.ts';
import { clicsTime, contestTimeMs, parseClicsTime, relTime } from '../clics/time.ts';
import type { ConsoleService } from '../console/consoleService.ts';
import { maySee } from '../store/eventAudience.ts';
import { privateAffiliations } from '../store/privateAffiliations.ts';
import type { StoredEvent, StoredEventJson } from '../store/store.ts';
import { HttpError, isJudge, requireCaller, type Caller } from './auth.ts';
import { awardsReleased } from '../core/clicsSync.ts';
import type { ServerContext } from './context.ts';
import { FeedTokens } from './feedTokens.ts';
import { MAX_STREAMS_PER_TEAM } from './liveHub.ts';
import { PageTurns } from './pageTurns.ts';
import { registerClicsWrites } from './clicsWrites.ts';
import { ClicsContestPatchBody, ContestParams, EventFeedQuery, ObjectParams, filterQuery } from './requestSchemas.ts';

/** Events sent per database read while sending a feed's history (a page is well under a millisecond of work). */
const FEED_PAGE = 200;
/** The contest's start cannot be changed through the API this close to it, nor set this close to now. */
const START_CHANGE_MARGIN_MS = 30_000;
/** "A newline must be sent if there has been no event within 120 seconds." */
const FEED_KEEPALIVE_MS = 110_000;

/** The properties of a schema that name another object (`*_id`), which a collection may be filtered on. */
function idProperties(schema: { properties: Record<string, unknown> }): string[] {
  return Object.keys(schema.properties).filter((k) => k.endsWith('_id'));
}

/**
 * "Filtering": `?team_id=X&problem_id=` keeps the objects whose property is X (an empty value: null). Only
 * properties of type ID are filters (filterQuery checked each is one value); any other query key is ignored.
 */
function filtered<T extends object>(items: T[], query: Record<string, string | undefined>, keys: readonly string[]): T[] {
  const conditions = keys.flatMap((k) => (query[k] === undefined ? [] : [[k, query[k] === '' ? null : query[k]] as const]));
  if (conditions.length === 0) return items;
  return items.filter((item) => conditions.every(([k, v]) => ((item as Record<string, unknown>)[k] ?? null) === v));
}

export function registerClicsRoutes(app: FastifyInstance, ctx: ServerContext, judges: ConsoleService, identify: (request: FastifyRequest) => Promise<Caller | null>): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = ctx;
  const contestId = () => store.contest.get()!.id;
  const startTime = () => store.contest.get()!.startTime;
  const base = '/api/contests/:cid';

  // Before the body is checked: a request to another contest is 404 whatever it sends.
  app.addHook('preValidation', async (request) => {
    const cid = (request.params as { cid?: string }).cid;
    if (cid !== undefined && cid !== contestId()) throw new HttpError(404, `no contest '${cid}'`);
  });

  // A judgehost account never gets here (httpServer.ts refuses its credentials on these routes): no role beyond the public's.
  const roleOf = (caller: Caller | null): ClicsRole => (caller === null || caller.account.type === 'judgehost' ? 'public' : caller.account.type);
  /** The team whose data the caller may see (null = all, for judges). */
  const scope = async (request: FastifyRequest): Promise<string | null> => {
    const caller = requireCaller(await identify(request));
    return isJudge(caller) ? null : caller.account.teamId!;
  };

  /**
   * GET `<collection>` (filtered on its ID properties) and GET `<collection>/<id>`, both answering with the
   * objects `list` gives the caller, serialised through the schema of `type`.
   */
  function collection<T extends Exclude<S.ClicsType, 'contest' | 'state'>>(
    type: T,
    access: 'public' | 'signed-in' | 'judge',
    list: (request: FastifyRequest) => Promise<S.ClicsObject<T>[]> | S.ClicsObject<T>[],
  ): void {
    // Widened to TSchema: the handlers' types come from `list`, the schemas serialise what they return.
    const schema: TSchema = S.OBJECT_SCHEMAS[type];
    const filters = idProperties(S.OBJECT_SCHEMAS[type]);
    const querystring = filterQuery(filters);
    api.get(`${base}/${type}`, { config: { access }, schema: { params: ContestParams, querystring, response: { 200: Type.Array(schema) } } }, async (request) =>
      filtered(await list(request), request.query, filters),
    );
    api.get(`${base}/${type}/:id`, { config: { access }, schema: { params: ObjectParams, response: { 200: schema } } }, async (request) => {
      const { id } = request.params;
      const found = (await list(request)).find((o) => o.id === id);
      if (found === undefined) throw new HttpError(404, `no ${type} object '${id}'`);
      return found;
    });
  }

  // ---------------------------------------------------------------- metadata

  // The spec's base URL ends in a slash; /api answers the same.
  for (const url of ['/api', '/api/']) api.get(url, { config: { access: 'public' }, schema: { response: { 200: S.ApiInfo } } }, async () => apiInformation());
  api.get(`${base}/access`, { config: { access: 'public' }, schema: { params: ContestParams, response: { 200: S.Access } } }, async (request) => accessFor(roleOf(await identify(request))));
  api.get(`${base}/account`, { config: { access: 'signed-in' }, schema: { params: ContestParams, response: { 200: S.Account } } }, async (request) => {
    return accountObject(requireCaller(await identify(request)).account);
  });

  // ---------------------------------------------------------------- configuration

  api.get('/api/contests', { config: { access: 'public' }, schema: { response: { 200: Type.Array(S.Contest) } } }, async () => [contestObject(store.contest.get()!)]);
  api.get(base, { config: { access: 'public' }, schema: { params: ContestParams, response: { 200: S.Contest } } }, async () => contestObject(store.contest.get()!));
  // PATCH of the contest (judges: contest_start, contest_thaw): start_time set or cleared before the start;
  // scoreboard_thaw_time, which Verdict honours by thawing now (the spec's 200 with the contest).
  api.patch(base, { config: { access: 'judge', stateChange: true }, schema: { params: ContestParams, body: ClicsContestPatchBody } }, async (request, reply) => {
    const { body } = request;
    if (body.id !== contestId()) throw new HttpError(409, `id ${JSON.stringify(body.id)} does not match the contest of the URL, ${JSON.stringify(contestId())}`);
    const now = ctx.now();
    const contest = store.contest.get()!;
    if (body.scoreboard_thaw_time !== undefined) {
      if ('start_time' in body) throw new HttpError(400, 'start_time and scoreboard_thaw_time: one change at a time');
      const thawAt = parseClicsTime(body.scoreboard_thaw_time);
      if (thawAt === null) throw new HttpError(400, `scoreboard_thaw_time: not a TIME: ${JSON.stringify(body.scoreboard_thaw_time)}`);
      const state = store.contest.state(now);
      if (state.frozen === null) throw new HttpError(403, 'the scoreboard is not frozen: there is nothing to thaw');
      if (state.ended === null) throw new HttpError(403, 'the contest has not ended: it cannot be thawed yet');
      if (state.thawed !== null) throw new HttpError(403, 'the scoreboard is already thawed');
      if (thawAt > now) throw new HttpError(403, 'Verdict thaws the scoreboard at once, not at a later time: give a time not in the future');
      await judges.setThawed(true);
      reply.type('application/json');
      return clicsJson('contest', contestObject(store.contest.get()!));
    }
    if (!('start_time' in body)) throw new HttpError(400, 'start_time or scoreboard_thaw_time: missing');
    if (body.countdown_pause_time !== undefined && body.countdown_pause_time !== null) throw new HttpError(400, 'countdown_pause_time: Verdict does not pause a countdown');
    if (contest.startTime !== null && contest.startTime <= now + START_CHANGE_MARGIN_MS) {
      throw new HttpError(403, `the contest ${contest.startTime <= now ? 'has started' : 'starts within 30 s'}: its start time cannot change`);
    }
    const startTime = body.start_time === null || body.start_time === undefined ? null : parseClicsTime(body.start_time);
    if (body.start_time && startTime === null) throw new HttpError(400, `start_time: not a TIME: ${JSON.stringify(body.start_time)}`);
    if (startTime !== null && startTime <= now + START_CHANGE_MARGIN_MS) throw new HttpError(403, 'start_time: in the past or within 30 s');
    await judges.setContestTimes({ startTime, durationMs: contest.durationMs, freezeMs: contest.freezeMs });
    reply.type('application/json');
    return clicsJson('contest', contestObject(store.contest.get()!));
  });
  api.get(`${base}/state`, { config: { access: 'public' }, schema: { params: ContestParams, response: { 200: S.State } } }, async () => store.contest.state(ctx.now()));

  collection('judgement-types', 'public', () => [...JUDGEMENT_TYPES]);
  collection('languages', 'public', () => store.contest.announced('languages'));
  collection('problems', 'public', () => store.contest.problems().map((p) => problemObject(p, store.contest.scoreboardType())));
  // Hidden teams are the judges' business: they are on the judges' scoreboard, nowhere else; so are the groups
  // and organizations only they belong to.
  const affiliations = async <T extends 'groups' | 'organizations'>(type: T, request: FastifyRequest): Promise<S.ClicsObject<T>[]> => {
    const all = store.contest.announced(type);
    if (isJudge(await identify(request))) return all;
    const judgesOnly = privateAffiliations(store.contest.teams())[type];
    return all.filter((o) => !judgesOnly.has(o.id));
  };
  collection('groups', 'public', (request) => affiliations('groups', request));
  collection('organizations', 'public', (request) => affiliations('organizations', request));
  collection('teams', 'public', async (request) => {
    const judge = isJudge(await identify(request));
    return store
      .contest.teams()
      .filter((t) => judge || !t.hidden)
      .map(teamObject);
  });

  // ---------------------------------------------------------------- live data

  collection('submissions', 'signed-in', async (request) => {
    const team = await scope(request);
    return store.submissions.list(team ? { teamId: team } : {}).map((s) => submissionObject(s, contestId()));
  });
  // The submission's files as the object announces them: one zip of all its files, for the judges and the team that sent it.
  api.get(`${base}/submissions/:id/files`, { config: { access: 'signed-in' }, schema: { params: ObjectParams } }, async (request, reply) => {
    const team = await scope(request);
    const { id } = request.params;
    const s = store.submissions.get(id);
    // Another team's submission is "not found", never "forbidden": ids reveal nothing.
    const files = s && (team === null || s.teamId === team) ? store.submissions.files(id) : null;
    if (!s || !files) throw new HttpError(404, `no submission '${id}'`);
    return reply
      .type('application/zip')
      .header('content-disposition', 'attachment; filename="files.zip"')
      .send(storedZip(files.map((f) => ({ name: f.fileName, data: f.source, mtime: s.submittedAt }))));
  });
  collection('judgements', 'signed-in', async (request) => {
    const team = await scope(request);
    return store.judgements.list(team ? { teamId: team } : {}).map((j) => judgementObject(j, startTime(), store.contest.scoreboardType()));
  });
  // Per-test results reveal how many tests there are and which failed: judges only.
  collection('runs', 'judge', (request) => {
    const judgementId = (request.query as { judgement_id?: string }).judgement_id;
    const judgements = judgementId ? store.judgements.list().filter((j) => j.id === judgementId) : store.judgements.list();
    return judgements.flatMap((j) => store.judgements.runs(j.id).map((r) => runObject(r, startTime(), store.contest.scoreboardType())));
  });
  collection('clarifications', 'signed-in', async (request) => {
    const team = await scope(request);
    return store.clarifications.list(team ? { teamId: team } : {}).map(clarificationObject);
  });
  // Accounts (never their passwords): the judges see all, a team its own; Verdict has no persons or commentary.
  collection('accounts', 'signed-in', async (request) => {
    const caller = requireCaller(await identify(request));
    const accounts = isJudge(caller) ? store.accounts.list() : [caller.account];
    return accounts.map(accountObject);
  });
  // Awards: the judges always; everyone else once the judges released the results (none before).
  collection('awards', 'public', async (request) => (isJudge(await identify(request)) || awardsReleased(ctx) ? store.contest.announced('awards') : []));

  // ---------------------------------------------------------------- aggregate data

  api.get(`${base}/scoreboard`, { config: { access: 'public' }, schema: { params: ContestParams, response: { 200: S.Scoreboard } } }, async (request) => {
    const caller = await identify(request);
    const now = ctx.now();
    const snapshot = ctx.scoreboard.snapshot(isJudge(caller) ? 'judges' : 'public', now);
    // Generated now: its time is the moment of the answer (the spec leaves it to the implementation when no event is named).
    return { time: clicsTime(now), contest_time: relTime(contestTimeMs(startTime(), now)), state: store.contest.state(now), rows: scoreboardToClics(snapshot.rows, store.contest.problems(), store.contest.scoreboardType()) };
  });

  // ---------------------------------------------------------------- POST and PUT

  registerClicsWrites(app, ctx, identify);

  // ---------------------------------------------------------------- event feed

  // NDJSON event feed: everything since `since_token`, then live until the client leaves. The history
  // goes out a page at a time, every open feed in turn and all of them for a short slice of each turn
  // of the event loop (pageTurns.ts), waiting when a client reads slowly, so that no number of long
  // feeds holds the server; every feed a team has open counts against its limit, streaming or not.
  // Every line is an event as the store wrote it, its data serialised through its schema.
  const feedsOpen = new Map<string, number>();
  const tokens = new FeedTokens();
  const turns = new PageTurns();
  api.get(`${base}/event-feed`, { config: { access: 'signed-in' }, schema: { params: ContestParams, querystring: EventFeedQuery } }, async (request, reply) => {
    const team = await scope(request);
    const query = request.query;
    // since_id is the 2020-03 name of the same thing (a token is the id of its event there): read as since_token.
    const given = query.since_token ?? query.since_id ?? null;
    // Teams hold opaque tokens (see feedTokens.ts); judges the plain ones.
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
    // Events are written as stored: their data is the stored JSON text, never parsed and written again. The
    // state event that sets end_of_updates is the last the feed sends: it ends there ("General requirements").
    let ended = false;
    const lines = (page: StoredEventJson[]): string => {
      const last = page.findIndex(isEndOfUpdates);
      if (last >= 0) {
        page = page.slice(0, last + 1);
        ended = true;
      }
      const shown = team === null ? page.map((e) => e.token) : tokens.hideAll(page.map((e) => e.token));
      return page.map((e, i) => feedLine(e.type, e.id, e.data, shown[i])).join('');
    };
    // History: a team reads only the events it may see, by index (the store keeps each event's audience).
    const audience = team ?? undefined;
    let token = since;
    const page = (): 'more' | 'done' | Promise<unknown> => {
      if (closed || ended) return 'done';
      const events = store.events.jsonSince(token, FEED_PAGE, audience);
      if (events.length === 0) return 'done';
      token = events[events.length - 1].token;
      // A client that reads slowly is waited for, not buffered.
      return raw.write(lines(events)) ? 'more' : drainedOrClosed(raw);
    };
    await turns.send(page);
    if (closed) return;
    if (query.stream === 'false' || ended) {
      raw.end();
      return;
    }
    // What was committed after the last page (in practice nothing: the feed resumes in the turn that read it), then live events.
    for (let late = page(); late !== 'done'; late = page());
    if (ended) {
      raw.end();
      return;
    }
    unsubscribe = store.events.subscribe((e: StoredEvent) => {
      if (team !== null && !maySee(e.audience, team)) return;
      const data = e.data === null ? null : clicsJson(e.type, e.data as never);
      raw.write(feedLine(e.type, e.id, data, team === null ? e.token : tokens.hide(e.token)));
      if (e.type === 'state' && e.data?.end_of_updates) {
        unsubscribe();
        raw.end();
      }
    });
    keepalive = setInterval(() => raw.write('\n'), FEED_KEEPALIVE_MS);
  });

  /** A token this feed has given out: a whole number up to the newest event's. */
  function isEventToken(token: string): boolean {
    if (!/^(0|[1-9]\d{0,15})$/.test(token)) return false;
    return Number(token) <= Number(store.events.lastToken() ?? 0);
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

/** The state event that sets end_of_updates: the contest will not change any more. */
function isEndOfUpdates(e: StoredEventJson): boolean {
  return e.type === 'state' && e.data !== null && !e.data.includes('"end_of_updates":null');
}

/** One line of the NDJSON event feed; `data` is the object's JSON text (or null for a delete). */
function feedLine(type: string, id: string | null, data: string | null, token: string): string {
  return `{"type":${JSON.stringify(type)},"id":${JSON.stringify(id)},"data":${data ?? 'null'},"token":${JSON.stringify(token)}}\n`;
}

/** An account as CLICS has it: a judgehost account is none of CLICS's types (null). */
function accountObject(a: { id: string; username: string; type: AccountType; teamId: string | null }): ClicsObject<'accounts'> {
  return { id: a.id, username: a.username, type: a.type === 'judgehost' ? null : a.type, team_id: a.teamId };
}
