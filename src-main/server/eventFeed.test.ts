// The CLICS event feed under abuse: a token it never gave out is refused at once (it was once
// neither answered nor closed, and one team held 300 such sockets), and every feed a team holds
// open counts against its limit, streaming or not.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { MAX_STREAMS_PER_TEAM } from './liveHub.ts';
import { basic, testServer } from '../test-support/http.ts';

let server: Awaited<ReturnType<typeof testServer>>;
const team = basic('team1', 'team1-pass');

before(async () => {
  server = await testServer();
});
after(async () => {
  await server.close();
});

test('a since_token the feed never gave out is answered 400 at once', async () => {
  const last = Number(server.context.store.events.lastToken());
  for (const token of ['abc', '-1', '1e3', '007', String(last + 1), '99999999999999999999']) {
    const response = await fetch(`${server.url}/api/contests/sample/event-feed?since_token=${encodeURIComponent(token)}`, { headers: team, signal: AbortSignal.timeout(10_000) });
    assert.equal(response.status, 400, `since_token=${token}`);
  }
  // One it was given streams (teams' tokens are opaque: see freezeLeaks.test.ts).
  const feed = await (await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers: team })).text();
  const given = (JSON.parse(feed.trim().split('\n').at(-1)!) as { token: string }).token;
  const controller = new AbortController();
  const ok = await fetch(`${server.url}/api/contests/sample/event-feed?since_token=${encodeURIComponent(given)}`, { headers: team, signal: controller.signal });
  assert.equal(ok.status, 200);
  controller.abort();
});

test('feeds a team holds open count against its limit, whether they stream or not', async () => {
  const controllers = Array.from({ length: MAX_STREAMS_PER_TEAM }, () => new AbortController());
  try {
    const open = await Promise.all(controllers.map((c) => fetch(`${server.url}/api/contests/sample/event-feed`, { headers: team, signal: c.signal })));
    assert.ok(open.every((r) => r.status === 200));
    const oneMore = await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers: team });
    assert.equal(oneMore.status, 429);
    // Another team is not affected.
    const other = await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers: basic('team2', 'team2-pass') });
    assert.equal(other.status, 200);
    assert.ok((await other.text()).length > 0);
  } finally {
    for (const c of controllers) c.abort();
  }
});

/** A non-streaming feed's text. */
async function feedText(headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers });
  assert.equal(response.status, 200);
  return response.text();
}

test('many long feeds sent at once, page by page in turn: each is line for line what it is alone, and goes live after its history', async () => {
  const { store } = server.context;
  const now = server.context.now();
  // Many pages of history: questions of two teams (each sees only its own) and answers to everyone.
  store.db.transaction(() => {
    for (let i = 0; i < 900; i++) {
      const from = ['team1', 'team2', null][i % 3]!;
      store.clarifications.add({ fromTeamId: from, toTeamId: null, problemId: null, text: `question ${i} from ${from ?? 'the judges'}`, replyToId: null, time: now });
    }
  });
  const readers = { team1: team, team2: basic('team2', 'team2-pass'), judge: basic('judge', 'judge-pass') };
  const alone: Record<string, string> = {};
  for (const [who, headers] of Object.entries(readers)) alone[who] = await feedText(headers);
  const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as { type: string; data: { text?: string } | null; token: string });
  assert.ok(lines(alone.team1).some((e) => e.data?.text === 'question 897 from team1'));
  assert.ok(!lines(alone.team1).some((e) => e.data?.text?.includes('from team2')), "team1 never sees team2's questions");
  assert.ok(lines(alone.judge).length >= lines(alone.team1).length + 300, "the judges see team2's questions too");

  // Ten feeds of each reader at once (a team's limit is twelve): every one complete and in order.
  const who = Object.keys(readers) as (keyof typeof readers)[];
  const together = await Promise.all(Array.from({ length: 30 }, (_, i) => feedText(readers[who[i % 3]])));
  // (The server may append events meanwhile, e.g. when it has read a problem package: a feed read later may be longer.)
  const after: Record<string, string> = {};
  for (const [name, headers] of Object.entries(readers)) after[name] = await feedText(headers);
  together.forEach((text, i) => {
    const name = who[i % 3];
    assert.ok(text.startsWith(alone[name]) && after[name].startsWith(text), `feed ${i} (${name}) is the one read alone, whole lines in order`);
  });

  // Streaming ones send the same history, then what happens next.
  const history = await feedText(team);
  const historyBytes = Buffer.byteLength(history);
  const streams = Array.from({ length: 8 }, () => {
    const controller = new AbortController();
    let hadHistory!: () => void;
    const gotHistory = new Promise<void>((resolve) => (hadHistory = resolve));
    const text = (async () => {
      const reader = (await fetch(`${server.url}/api/contests/sample/event-feed`, { headers: team, signal: controller.signal })).body!.getReader();
      const chunks: Buffer[] = [];
      let bytes = 0;
      while (!Buffer.concat(chunks).includes('"after the history"')) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(Buffer.from(value));
        if ((bytes += value.length) >= historyBytes) hadHistory();
      }
      hadHistory(); // (or the stream ended: the assertions below say how)
      return Buffer.concat(chunks).toString('utf8');
    })();
    return { controller, gotHistory, text };
  });
  try {
    await Promise.all(streams.map((s) => s.gotHistory));
    store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'after the history', replyToId: null, time: now });
    for (const text of await Promise.all(streams.map((s) => s.text))) {
      assert.equal(text.slice(0, history.length), history, 'the history first, as alone');
      const rest = lines(text.slice(history.length)).filter((e) => e.type === 'clarifications');
      assert.deepEqual(rest.map((e) => e.data?.text), ['after the history'], 'then the live event, once');
    }
  } finally {
    for (const s of streams) s.controller.abort();
  }
});

test('a long feed waits for a slow reader page after page without piling up listeners on the connection', async () => {
  const { store } = server.context;
  // Megabytes of history, more than the connection's buffers hold: cheap events (a problem's time limit, changed back and forth).
  const problem = store.contest.problems()[0];
  const before = { timeLimitMs: problem.timeLimitMs ?? 1000, testDataCount: problem.testDataCount ?? 1 };
  store.db.transaction(() => {
    for (let i = 0; i < 40_000; i++) store.contest.setProblemInfo(problem.id, { timeLimitMs: 1000 + (i % 2), testDataCount: before.testDataCount });
  });
  store.contest.setProblemInfo(problem.id, before);
  const warnings: string[] = [];
  const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  try {
    const { hostname, port } = new URL(server.url);
    const bytes = await new Promise<number>((resolve, reject) => {
      // A connection of its own (agent: false): the writes above blocked the event loop that this test shares with the
      // server, and a pooled keep-alive connection may have timed out meanwhile.
      const req = request({ host: hostname, port, path: '/api/contests/sample/event-feed?stream=false', headers: basic('judge', 'judge-pass'), agent: false }, (res) => {
        // Read nothing for a while: the buffers fill and the feed must wait for its reader after each page from then on.
        res.pause();
        let received = 0;
        setTimeout(() => {
          res.on('data', (chunk: Buffer) => void (received += chunk.length));
          res.on('end', () => resolve(received));
          res.resume();
        }, 300);
      });
      req.on('error', reject);
      req.end();
    });
    assert.ok(bytes > 5_000_000, `${bytes} bytes`);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  assert.deepEqual(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), [], 'one wait for the reader leaves no listener behind');
});
