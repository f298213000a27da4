import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleEvent } from '../../../src-main/shared/judgeApi.ts';
import { HttpError, NetworkError } from '../../shared/http.ts';
import type { Timers } from '../timers.ts';
import { createHttpClient } from './httpClient.ts';
import { createHttpJudgeApi, TERMINAL_RESET, type EventSourceLike, type LinkStatus } from './http.ts';

// ---- fakes: fetch, EventSource and timers, all in memory ----

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(answer: (request: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const body = init.body instanceof Blob ? init.body : init.body ? JSON.parse(init.body as string) : undefined;
    const request: Sent = { url, method: String(init.method), headers: init.headers as Record<string, string>, body };
    sent.push(request);
    return answer(request);
  };
  return { fetch, sent };
}

const json = (value: unknown, status = 200): Response => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
  emit(type: string, data: string): void {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data }));
  }
}

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout(run) {
      const id = next++;
      pending.set(id, run);
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    runAll() {
      for (const [id, run] of [...pending]) {
        pending.delete(id);
        run();
      }
    },
    count: () => pending.size,
  };
}

function setup(answer: (request: Sent) => Response | Promise<Response> = () => json(null)) {
  FakeEventSource.opened = [];
  const { fetch, sent } = fakeFetch(answer);
  const statuses: LinkStatus[] = [];
  const errors: string[] = [];
  let resyncs = 0;
  let unauthorized = 0;
  const clock = manualTimers();
  const client = createHttpClient({ fetch, getCsrfToken: () => 'token-1', onUnauthorized: () => unauthorized++ });
  const api = createHttpJudgeApi({
    client,
    openEventSource: (url) => new FakeEventSource(url),
    onStatus: (s) => statuses.push(s),
    onResync: () => resyncs++,
    onError: (m) => errors.push(m),
    timers: clock.timers,
    ackBatchChars: 10,
  });
  return { api, sent, statuses, errors, clock, resyncs: () => resyncs, unauthorized: () => unauthorized };
}

// ---- requests ----

test('a request is a POST of the arguments as a JSON array, with the JSON and CSRF headers', async () => {
  const { api, sent } = setup((r) => json(r.url.endsWith('/createRejudging') ? { skipped: 3 } : null));
  assert.equal((await api.createRejudging({ problemIds: ['hello'] }, 'new data')).skipped, 3);
  await api.setLanguageEnabled('cpp', false);
  await api.getSnapshot();
  assert.deepEqual(
    sent.map((s) => [s.method, s.url, s.body]),
    [
      ['POST', '/api/console/createRejudging', [{ problemIds: ['hello'] }, 'new data']],
      ['POST', '/api/console/setLanguageEnabled', ['cpp', false]],
      ['POST', '/api/console/getSnapshot', []],
    ],
  );
  for (const s of sent) {
    assert.equal(s.headers['Content-Type'], 'application/json');
    assert.equal(s.headers['X-CSRF-Token'], 'token-1');
  }
});

test('a problem package is uploaded as the body itself (a zip), named in the query', async () => {
  const { api, sent } = setup(() => json({ id: 'a b', label: 'D', name: 'Greeting' }));
  assert.equal(api.importProblem.via, 'upload');
  if (api.importProblem.via !== 'upload') return;
  const zip = new Blob([new Uint8Array([0x50, 0x4b, 3, 4])]);
  assert.deepEqual(await api.importProblem.upload('a b.zip', zip), { id: 'a b', label: 'D', name: 'Greeting' });
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.method, 'POST');
  assert.equal(sent[0]!.url, '/api/console/importProblem?name=a%20b.zip');
  assert.equal(sent[0]!.body, zip, 'the file itself, not a copy in JSON');
  assert.equal(sent[0]!.headers['Content-Type'], 'application/zip');
  assert.equal(sent[0]!.headers['X-CSRF-Token'], 'token-1');
});

test('void answers (204, empty body) resolve to undefined', async () => {
  const { api } = setup((r) => (r.url.endsWith('pauseJudging') ? new Response(null, { status: 204 }) : new Response('', { status: 200 })));
  assert.equal(await api.pauseJudging(), undefined);
  assert.equal(await api.resumeJudging(), undefined);
});

test('errors carry the server’s {error} message; 401 reports the lost session', async () => {
  const { api, unauthorized } = setup((r) => (r.url.endsWith('setWorkers') ? json({ error: 'workers must be between 0 and 64' }, 400) : json({ error: 'log in first' }, 401)));
  await assert.rejects(api.setWorkers(1000), (e: unknown) => e instanceof HttpError && e.status === 400 && e.message === 'workers must be between 0 and 64');
  assert.equal(unauthorized(), 0);
  await assert.rejects(api.listTeams(), (e: unknown) => e instanceof HttpError && e.status === 401);
  assert.equal(unauthorized(), 1);
});

test('no answer at all is a NetworkError', async () => {
  const { api } = setup(() => Promise.reject(new TypeError('fetch failed')));
  await assert.rejects(api.listProblems(), NetworkError);
});

// ---- the event stream ----

test('one shared stream delivers batches to every subscriber and closes with the last', () => {
  const { api, statuses } = setup();
  const a: ConsoleEvent[][] = [];
  const b: ConsoleEvent[][] = [];
  const stopA = api.subscribe((events) => a.push(events));
  const stopB = api.subscribe((events) => b.push(events));
  assert.equal(FakeEventSource.opened.length, 1);
  const stream = FakeEventSource.opened[0]!;
  assert.equal(stream.url, '/api/console/stream');
  stream.open();
  stream.emit('batch', JSON.stringify([{ type: 'scoreboard' }, { type: 'problems' }]));
  assert.deepEqual(a, [[{ type: 'scoreboard' }, { type: 'problems' }]]);
  assert.deepEqual(b, a);
  stopA();
  assert.equal(stream.closed, false);
  stopB();
  assert.equal(stream.closed, true);
  assert.deepEqual(statuses, ['connecting', 'live']);
});

test('a reconnect asks for a resync; a stream the browser gave up on is reopened later', () => {
  const { api, statuses, clock, resyncs } = setup();
  api.subscribe(() => {});
  const first = FakeEventSource.opened[0]!;
  first.open();
  first.fail(false);
  first.open();
  assert.equal(resyncs(), 1, 'events may have been missed during the break');
  first.fail(true);
  assert.equal(first.closed, true);
  clock.runAll();
  assert.equal(FakeEventSource.opened.length, 2);
  FakeEventSource.opened[1]!.open();
  assert.equal(resyncs(), 2);
  assert.deepEqual(statuses, ['connecting', 'live', 'reconnecting', 'live', 'offline', 'live']);
});

test('unreadable batches are reported, not swallowed', () => {
  const { api, errors } = setup();
  const got: unknown[] = [];
  api.subscribe((events) => got.push(events));
  const stream = FakeEventSource.opened[0]!;
  stream.emit('batch', '{not json');
  stream.emit('batch', '{"type":"pool"}');
  assert.equal(got.length, 0);
  assert.equal(errors.length, 2);
});

// ---- live output ----

test('live output: chunks go to onData; acknowledgements are batched and sent after ack()', async () => {
  const { api, sent, clock } = setup();
  const chunks: string[] = [];
  const acks: (() => void)[] = [];
  const stop = api.watchOutput('42', (data, ack) => {
    chunks.push(data);
    acks.push(ack);
  });
  const stream = FakeEventSource.opened[0]!;
  assert.equal(stream.url, '/api/console/output/42');
  stream.emit('output', JSON.stringify({ data: 'abcd' }));
  stream.emit('output', JSON.stringify({ data: 'efghij' }));
  stream.emit('output', JSON.stringify({ data: 'xy' }));
  assert.deepEqual(chunks, ['abcd', 'efghij', 'xy']);
  assert.equal(sent.length, 0, 'nothing acknowledged before the terminal parsed it');
  acks[0]!();
  acks[0]!(); // twice counts once
  assert.equal(sent.length, 0);
  acks[1]!(); // 4 + 6 = 10 chars: the batch size of this test
  await Promise.resolve();
  assert.deepEqual(sent.map((s) => [s.url, s.body]), [['/api/console/ackOutput', ['42', 10]]]);
  acks[2]!();
  clock.runAll(); // the delay runs out
  await Promise.resolve();
  assert.deepEqual(sent[1]!.body, ['42', 2]);
  // A reconnect replays the core's buffer: the terminal is reset first.
  stream.open();
  stream.fail(false);
  stream.open();
  assert.equal(chunks.at(-1), TERMINAL_RESET);
  chunks.pop();
  stop();
  assert.equal(stream.closed, true);
  stream.emit('output', JSON.stringify({ data: 'late' }));
  assert.equal(chunks.length, 3, 'nothing after stop');
});
