// A load generator for a running contest server (loopback or the contest LAN only): logs teams in,
// fires submissions at once, and measures acknowledgements, verdict arrival and portal latency.
// Bounded in count and time by construction.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storedZip } from '../export/zip.ts';
import type { Me, PortalSubmission } from '../shared/portalApi.ts';

let loadRuns = 0;

/** How often the load generator asks for verdicts it is still waiting for. */
const VERDICT_POLL_MS = 250;

export interface LoadSource {
  problemId: string;
  languageId: string;
  fileName: string;
  source: string;
  expected: 'accepted' | 'rejected';
}

export interface LoadOptions {
  url: string;
  /** Logged-in teams (see loginTeams); submissions are spread over them round-robin. */
  sessions: Session[];
  submissions: number;
  sources: LoadSource[];
  /** Give up waiting for verdicts after this long. */
  verdictTimeoutMs: number;
  /** Whether to wait for every verdict (a burst of 1000 only checks that nothing is lost). */
  waitForVerdicts: boolean;
}

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadReport {
  teamsLoggedIn: number;
  submitted: number;
  acknowledged: number;
  errors: { status: number; message: string }[];
  ackMs: Distribution;
  /** From the first POST to the last verdict seen (null when not waited for). */
  lastVerdictMs: number | null;
  verdicts: number;
  /** Acknowledged submissions the server no longer lists (must be 0). */
  lost: number;
  allVerdictsArrived: boolean;
}

/** Only the contest's own network: loopback or a private LAN range (never a public address). */
export function checkTarget(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const privateHost =
    host === 'localhost' || host === '::1' || /^127\./.test(host) || /^10\./.test(host) || /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host);
  if (!privateHost) throw new Error(`${host}: loadtest only targets loopback or a private LAN address`);
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Python sources from a contest folder's packages: accepted and wrong-answer ones. */
export function sourcesFromContest(contestDir: string): LoadSource[] {
  const sources: LoadSource[] = [];
  for (const problemId of readdirSync(contestDir)) {
    for (const [folder, expected] of [['accepted', 'accepted'], ['wrong_answer', 'rejected']] as const) {
      const dir = join(contestDir, problemId, 'submissions', folder);
      let files: string[];
      try {
        files = readdirSync(dir).filter((f) => f.endsWith('.py'));
      } catch {
        continue;
      }
      for (const file of files) sources.push({ problemId, languageId: 'python', fileName: file, source: readFileSync(join(dir, file), 'utf8'), expected });
    }
  }
  if (sources.length === 0) throw new Error(`${contestDir}: no Python submissions under <problem>/submissions/{accepted,wrong_answer}/`);
  return sources;
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs teams 1..n in, 50 at a time. */
export async function loginTeams(url: string, n: number, credentials: (n: number) => { username: string; password: string }): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let start = 1; start <= n; start += 50) {
    const batch = Array.from({ length: Math.min(50, n - start + 1) }, (_, i) => start + i);
    sessions.push(...(await Promise.all(batch.map((k) => login(url, credentials(k).username, credentials(k).password)))));
  }
  return sessions;
}

export async function login(url: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
  const me = (await response.json()) as Me;
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], csrf: me.csrfToken };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const sessions = options.sessions;

  const loadRun = ++loadRuns;
  const errors: LoadReport['errors'] = [];
  const ackTimes: number[] = [];
  const acked = new Map<string, { session: Session; expected: LoadSource['expected'] }>();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: options.submissions }, async (_, i) => {
      const session = sessions[i % sessions.length];
      const source = options.sources[i % options.sources.length];
      const started = performance.now();
      try {
        const response = await fetch(`${options.url}/api/portal/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `load-${process.pid}-${loadRun}-${i}` },
          body: JSON.stringify({ problemId: source.problemId, languageId: source.languageId, fileName: source.fileName, source: source.source }),
        });
        const body = (await response.json()) as PortalSubmission & { error?: string };
        if (response.status !== 202) errors.push({ status: response.status, message: body.error ?? '' });
        else {
          ackTimes.push(performance.now() - started);
          acked.set(body.id, { session, expected: source.expected });
        }
      } catch (error) {
        errors.push({ status: 0, message: (error as Error).message });
      }
    }),
  );

  // Every acknowledged submission must be listed for its team, and (when waited for) judged.
  const bySession = new Map<Session, Set<string>>();
  for (const [id, { session }] of acked) {
    if (!bySession.has(session)) bySession.set(session, new Set());
    bySession.get(session)!.add(id);
  }
  const deadline = Date.now() + options.verdictTimeoutMs;
  let lastVerdictMs: number | null = null;
  const judged = new Set<string>();
  const lostIds = new Set<string>();
  // Teams whose submissions all have verdicts are not asked again: the poll stays light.
  const waiting = new Map(bySession);
  for (;;) {
    await Promise.all(
      [...waiting].map(async ([session, ids]) => {
        const response = await fetch(`${options.url}/api/portal/submissions`, { headers: { cookie: session.cookie } });
        const listed = new Map(((await response.json()) as PortalSubmission[]).map((s) => [s.id, s]));
        for (const id of ids) {
          const s = listed.get(id);
          if (!s) lostIds.add(id);
          else if (s.verdict) judged.add(id);
        }
        if ([...ids].every((id) => judged.has(id) || lostIds.has(id))) waiting.delete(session);
      }),
    );
    if (waiting.size === 0) {
      lastVerdictMs = performance.now() - t0;
      break;
    }
    if (!options.waitForVerdicts || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, VERDICT_POLL_MS));
  }
  const verdicts = judged.size;
  const lost = lostIds.size;
  return {
    teamsLoggedIn: sessions.length,
    submitted: options.submissions,
    acknowledged: acked.size,
    errors,
    ackMs: distribution(ackTimes),
    lastVerdictMs: lastVerdictMs === null ? null : Math.round(lastVerdictMs),
    verdicts,
    lost,
    allVerdictsArrived: lost === 0 && verdicts === acked.size,
  };
}

export interface BasicBurstReport {
  submitted: number;
  acknowledged: number;
  errors: { status: number; message: string }[];
  ackMs: Distribution;
}

/**
 * One submission per credential, all at once, the way the ICPC submit client sends them: HTTP Basic
 * auth on the CLICS POST /api/contests/<id>/submissions with the source in a base64 zip. The bodies
 * are built before the first request, so only the server's answer is timed.
 */
export async function basicAuthBurst(options: { url: string; contestId: string; credentials: { username: string; password: string }[]; sources: LoadSource[] }): Promise<BasicBurstReport> {
  const loadRun = ++loadRuns;
  const requests = options.credentials.map(({ username, password }, i) => {
    const source = options.sources[i % options.sources.length];
    const zip = storedZip([{ name: source.fileName, data: Buffer.from(source.source) }]);
    return {
      headers: {
        authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
        'content-type': 'application/json',
        'idempotency-key': `basic-${process.pid}-${loadRun}-${i}`,
      },
      body: JSON.stringify({ problem_id: source.problemId, language_id: source.languageId, files: [{ data: zip.toString('base64') }] }),
    };
  });
  const errors: BasicBurstReport['errors'] = [];
  const ackTimes: number[] = [];
  await Promise.all(
    requests.map(async ({ headers, body }) => {
      const started = performance.now();
      try {
        const response = await fetch(`${options.url}/api/contests/${encodeURIComponent(options.contestId)}/submissions`, { method: 'POST', headers, body });
        const answer = (await response.json()) as { error?: string };
        if (response.status === 202) ackTimes.push(performance.now() - started);
        else errors.push({ status: response.status, message: answer.error ?? '' });
      } catch (error) {
        errors.push({ status: 0, message: (error as Error).message });
      }
    }),
  );
  return { submitted: requests.length, acknowledged: ackTimes.length, errors, ackMs: distribution(ackTimes) };
}
