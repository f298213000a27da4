// Bench scenario "fair judging": one team submits, at its rate limit, correct programs that sleep just
// under the wall-clock limit on every test (no CPU, AC, a worker held for seconds each); meanwhile another
// team sends a trivial correct program. Measured: the time from that submission to its verdict, a few times.
import { wallBackstopMs } from '../judgehost/judgeSubmission.ts';
import { distribution, login, type Distribution, type Session } from '../load/loadtest.ts';

/** The sample contest's "hello" time limit (problem.yaml: 1.0 s); its wall-clock limit follows from it. */
const HELLO_TIME_LIMIT_MS = 1000;
/** The sleeper stops this long before the wall-clock limit of a test (Python's start-up fits in it). */
const SLEEP_MARGIN_MS = 300;
const SLEEP_MS = wallBackstopMs(HELLO_TIME_LIMIT_MS) - SLEEP_MARGIN_MS;
/** When the portal says "too many submissions", the sleeper tries again this soon: it stays at its rate limit. */
const SLEEPER_RETRY_MS = 250;
/** The sleeper's head start: its burst is queued and both workers are busy before the first measurement. */
const WARMUP_MS = 5000;
/** Measurements, and the pause between them (the sleeper goes on submitting throughout). */
const TRIALS = 3;
const TRIAL_GAP_MS = 2000;
const VERDICT_POLL_MS = 50;
const VERDICT_TIMEOUT_MS = 180_000;
/** The target: another team's trivial submission is judged within this long of its arrival. */
export const FAIR_TARGET_MS = 2000;

export interface FairJudgingReport {
  sleepMs: number;
  /** Sleeping submissions the portal accepted from the sleeper team during the scenario. */
  sleepersAccepted: number;
  /** The same trivial submission on an idle judge, before the sleeper starts: ms to its verdict. */
  idleVerdictMs: number;
  /** Per trial: ms from sending the trivial submission to seeing its verdict, and its queue position then. */
  verdictMs: number[];
  queuePositions: (number | null)[];
  verdicts: string[];
  verdictDistribution: Distribution;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function post(url: string, session: Session, source: string, fileName: string): Promise<Response> {
  return fetch(`${url}/api/portal/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ problemId: 'hello', languageId: 'python', fileName, source }),
  });
}

async function verdictOf(url: string, session: Session, id: string): Promise<string> {
  const deadline = performance.now() + VERDICT_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const list = (await (await fetch(`${url}/api/portal/submissions`, { headers: { cookie: session.cookie } })).json()) as { id: string; verdict: string | null }[];
    const verdict = list.find((s) => s.id === id)?.verdict;
    if (verdict) return verdict;
    await pause(VERDICT_POLL_MS);
  }
  throw new Error(`no verdict for submission ${id} after ${VERDICT_TIMEOUT_MS} ms`);
}

/** Sends a trivial correct program; resolves with its verdict, the ms until it was seen, and its queue position on arrival. */
async function trivial(url: string, session: Session, fileName: string): Promise<{ verdict: string; ms: number; queuePosition: number | null }> {
  const sent = performance.now();
  const response = await post(url, session, 'print("Hello, World!")\n', fileName);
  if (!response.ok) throw new Error(`trivial submission refused: ${response.status} ${await response.text()}`);
  const { id, queuePosition } = (await response.json()) as { id: string; queuePosition: number | null };
  const verdict = await verdictOf(url, session, id);
  return { verdict, ms: Math.round(performance.now() - sent), queuePosition };
}

/** Runs the scenario against a server judging the sample contest's "hello" (team numbers from `credentials`). */
export async function fairJudging(url: string, credentials: (n: number) => { username: string; password: string }, sleeperTeam: number, otherTeam: number): Promise<FairJudgingReport> {
  const sleeper = await login(url, credentials(sleeperTeam).username, credentials(sleeperTeam).password);
  const other = await login(url, credentials(otherTeam).username, credentials(otherTeam).password);
  const idle = await trivial(url, other, 'idle.py');
  const sleepy = `import time\ntime.sleep(${SLEEP_MS / 1000})\nprint("Hello, World!")\n`;
  let sleeping = true;
  let sleepersAccepted = 0;
  const sleeperLoop = (async () => {
    for (let i = 0; sleeping; i++) {
      const response = await post(url, sleeper, sleepy, `sleep${i}.py`);
      await response.arrayBuffer();
      if (response.ok) sleepersAccepted++;
      else if (response.status === 429) await pause(SLEEPER_RETRY_MS);
      else throw new Error(`sleeper submission refused: ${response.status}`);
    }
  })();
  // Its failure is reported when it is awaited below, not as an unhandled rejection that would leave the server running.
  sleeperLoop.catch(() => {});
  try {
    await pause(WARMUP_MS);
    const trials: Awaited<ReturnType<typeof trivial>>[] = [];
    for (let i = 0; i < TRIALS; i++) {
      trials.push(await trivial(url, other, `trivial${i}.py`));
      await pause(TRIAL_GAP_MS);
    }
    const verdictMs = trials.map((t) => t.ms);
    return {
      sleepMs: SLEEP_MS,
      sleepersAccepted,
      idleVerdictMs: idle.ms,
      verdictMs,
      queuePositions: trials.map((t) => t.queuePosition),
      verdicts: trials.map((t) => t.verdict),
      verdictDistribution: distribution(verdictMs),
    };
  } finally {
    sleeping = false;
    await sleeperLoop;
  }
}
