// The CLICS event feed under abuse: a token it never gave out is refused at once (it was once
// neither answered nor closed, and one team held 300 such sockets), and every feed a team holds
// open counts against its limit, streaming or not.
import assert from 'node:assert/strict';
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
  const last = Number(server.context.store.lastEventToken());
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
