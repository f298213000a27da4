// A data folder holding a contest well under way, written straight into the store (seconds, not the
// hours judging would take): for benchmarks of what a long contest costs the server to read.
// Submissions come from the contest's own Python sources, spread over the teams and the contest time
// so far; judged ones get a realistic verdict mix, their runs, and every event judging appends.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContest } from '../contest/loadContest.ts';
import type { JudgeResult, TestResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import { Store, storeFileIn, type NewSubmission } from '../store/store.ts';
import { sourcesFromContest } from './loadtest.ts';

/** Tests per problem in the seeded judgements (a real problem has tens; the sample packages have a few). */
const TESTS_PER_PROBLEM = 12;
/** The contest began this long before the seeding. */
const CONTEST_AGE_MS = 3 * 3_600_000;
/** Submissions per store transaction: one fsync each, and no single giant transaction. */
const BATCH = 1000;

export interface SeedOptions {
  submissions: number;
  /** 'judged': every submission judged, with its runs; 'queued': none judged, all waiting. */
  state: 'judged' | 'queued';
  /** Team ids take turns unevenly (a few teams submit much more than most): the weight of team k is 1/sqrt(k). */
  seed?: number;
}

export interface SeededContest {
  dataDir: string;
  submissions: number;
  events: number;
  /** Submissions per team id. */
  perTeam: Map<string, number>;
  seedMs: number;
}

/** A small deterministic PRNG (mulberry32): the same contest every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A verdict as contests see them: about half AC; the rest fail somewhere along the tests. */
function judgement(rand: () => number, accepted: boolean): JudgeResult {
  const roll = rand();
  const verdict: Verdict = accepted ? (roll < 0.9 ? 'AC' : 'TLE') : roll < 0.06 ? 'CE' : roll < 0.7 ? 'WA' : roll < 0.85 ? 'TLE' : 'RTE';
  const compile = { ok: verdict !== 'CE', output: verdict === 'CE' ? 'SyntaxError: invalid syntax' : '', timeMs: 40 + Math.floor(rand() * 60) };
  const ran = verdict === 'CE' ? 0 : verdict === 'AC' ? TESTS_PER_PROBLEM : 1 + Math.floor(rand() * TESTS_PER_PROBLEM);
  const tests: TestResult[] = [];
  for (let i = 0; i < ran; i++) {
    const last = i === ran - 1;
    const v: Verdict = last && verdict !== 'AC' ? verdict : 'AC';
    const timeMs = v === 'TLE' ? 2000 : 10 + Math.floor(rand() * 300);
    tests.push({ name: `secret/${String(i + 1).padStart(2, '0')}`, verdict: v, timeMs, wallMs: timeMs + 5, memoryKb: 9000 + Math.floor(rand() * 4000), exitCode: v === 'RTE' ? 1 : 0, signal: 0, message: v === 'AC' ? '' : `${v} on test ${i + 1}` });
  }
  const timeMs = Math.max(0, ...tests.map((t) => t.timeMs));
  const memoryKb = Math.max(0, ...tests.map((t) => t.memoryKb));
  return { verdict, tests, compile, timeMs, memoryKb, ...(verdict === 'WA' ? { firstFailure: { testName: tests.at(-1)!.name, output: '42\n', truncated: false } } : {}) };
}

/** Seeds a fresh data folder (or `dataDir`) for the contest in `contestDir`; `verdict serve --data` opens it as it is. */
export async function seedContest(contestDir: string, options: SeedOptions, dataDir = mkdtempSync(join(tmpdir(), 'verdict-seeded-'))): Promise<SeededContest> {
  const started = performance.now();
  const def = await loadContest(contestDir);
  const sources = sourcesFromContest(contestDir).filter((s) => def.problems.some((p) => p.id === s.problemId));
  const teams = def.teams.filter((t) => !t.hidden).map((t) => t.id);
  const weights = teams.map((_, k) => 1 / Math.sqrt(k + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const rand = random(options.seed ?? 11);
  const pickTeam = (): string => {
    let r = rand() * total;
    for (let k = 0; k < teams.length; k++) if ((r -= weights[k]) <= 0) return teams[k];
    return teams.at(-1)!;
  };
  const perTeam = new Map<string, number>();
  const store = Store.open(storeFileIn(dataDir));
  try {
    const now = Date.now();
    const startTime = now - CONTEST_AGE_MS;
    // Passwords are left to the server, which hashes them in the background when it opens the folder.
    store.contest.import(def, { hashPasswords: false, now: startTime - 60_000 });
    store.contest.setTimes({ startTime }, startTime);
    for (let done = 0; done < options.submissions; ) {
      const n = Math.min(BATCH, options.submissions - done);
      store.db.transaction(() => {
        for (let i = 0; i < n; i++) {
          const k = done + i;
          const source = sources[Math.floor(rand() * sources.length)];
          const teamId = pickTeam();
          perTeam.set(teamId, (perTeam.get(teamId) ?? 0) + 1);
          const submittedAt = startTime + Math.floor(((k + 1) / (options.submissions + 1)) * (CONTEST_AGE_MS - 60_000));
          const item: NewSubmission = { teamId, problemId: source.problemId, languageId: source.languageId, fileName: source.fileName, source: Buffer.from(source.source), submittedAt };
          const { submission } = store.submissions.add(item);
          if (options.state === 'queued') continue;
          const judgementId = store.judgements.start(submission.id, 'seed', submittedAt + 1000);
          store.judgements.finish(judgementId, judgement(rand, source.expected === 'accepted'), submittedAt + 3000);
        }
      });
      done += n;
    }
    return { dataDir, submissions: options.submissions, events: Number(store.events.lastToken() ?? 0), perTeam, seedMs: Math.round(performance.now() - started) };
  } finally {
    store.close();
  }
}
