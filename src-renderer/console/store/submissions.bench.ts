// `npm run bench` (the console's part): the console's submission list keeps up with a big contest, measured
// here rather than asserted in a unit test. A report: PASS/MISS, the exit code is 0 either way.
import type { ConsoleSubmission } from '../../../src-main/shared/judgeApi.ts';
import { EMPTY_SUBMISSIONS, upsertSubmissions } from './submissions.ts';

/** 10,000 submissions, then 30 batches a second for 10 s (a new submission and two verdicts per batch). */
const LIST_MAX_MS = 2000;
const T0 = Date.UTC(2030, 0, 1, 10);

function submission(id: number, patch: Partial<ConsoleSubmission> = {}): ConsoleSubmission {
  return { id: String(id), teamId: `t${id % 7}`, problemId: 'a', languageId: 'cpp', fileName: 'a.cpp', submittedAt: T0 + id * 1000, contestTimeMs: id * 1000, status: 'judged', verdict: 'AC', overridden: false, timeMs: 10, memoryKb: 1000, score: null, ...patch };
}

const started = performance.now();
let data = upsertSubmissions(EMPTY_SUBMISSIONS, Array.from({ length: 10_000 }, (_, i) => submission(i + 1)));
for (let i = 0; i < 300; i++) {
  data = upsertSubmissions(data, [submission(10_001 + i, { status: 'queued', verdict: null }), submission(1 + ((i * 37) % 10_000), { verdict: 'TLE' }), submission(10_001 + i, { status: 'judging', verdict: null })]);
}
const ms = performance.now() - started;
if (data.submissionOrder.length !== 10_300) throw new Error(`the list holds ${data.submissionOrder.length} submissions`);
console.log(`${ms <= LIST_MAX_MS ? 'PASS' : 'MISS'}  console: 10,000 submissions, then 300 batches of events: ${ms.toFixed(2)} ms (target <= ${LIST_MAX_MS} ms)`);
