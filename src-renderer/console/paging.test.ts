import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleSubmission } from '../../src-main/shared/judgeApi.ts';
import { fetchAllSubmissions } from './paging.ts';

const all: ConsoleSubmission[] = Array.from({ length: 2345 }, (_, i) => ({
  id: String(i + 1),
  teamId: 't',
  problemId: 'p',
  languageId: 'cpp',
  fileName: 'a.cpp',
  submittedAt: i,
  contestTimeMs: i,
  status: 'judged',
  verdict: 'AC',
  overridden: false,
  timeMs: 1,
  memoryKb: 1,
  score: null,
}));

/** A core paging like the contract says, capping `limit` at `cap`. */
function fakeCore(cap: number) {
  const calls: [string | null | undefined, number | undefined][] = [];
  return {
    calls,
    async listSubmissions(afterId?: string | null, limit?: number): Promise<ConsoleSubmission[]> {
      calls.push([afterId, limit]);
      const start = afterId ? all.findIndex((s) => s.id === afterId) + 1 : 0;
      return all.slice(start, start + Math.min(limit ?? 100, cap));
    },
  };
}

test('pages until an empty page, continuing after the last id', async () => {
  const core = fakeCore(10_000);
  const got = await fetchAllSubmissions(core, 1000);
  assert.equal(got.length, 2345);
  assert.deepEqual(core.calls, [
    [null, 1000],
    ['1000', 1000],
    ['2000', 1000],
    ['2345', 1000],
  ]);
});

test('a core that caps the page size below ours still gives everything', async () => {
  const core = fakeCore(500);
  const got = await fetchAllSubmissions(core, 1000);
  assert.deepEqual(got.map((s) => s.id), all.map((s) => s.id));
});

test('a core that ignores afterId does not loop forever', async () => {
  let calls = 0;
  const got = await fetchAllSubmissions({ listSubmissions: async () => (calls++, all.slice(0, 10)) }, 1000);
  assert.equal(calls, 2);
  assert.equal(got.length, 20);
});
