// `npm run bench` (last part): the time budgets of code that must stay fast as a contest grows, measured
// here rather than asserted in unit tests (a loaded machine fails a time budget without anything being
// wrong). A report: targets print PASS/MISS, the exit code is 0 either way. The console's own budget is
// src-renderer/console/store/submissions.bench.ts (browser code, type-checked with the renderer).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadContest } from '../contest/loadContest.ts';
import { Store } from '../store/store.ts';
import { contestDefinition, START } from '../store/testFixtures.ts';
import { formatTarget, log, phase, target, type Target } from './stats.ts';

const TEAMS = 1000;
/** The contest folder of a big contest: CLICS JSON (the export format) must load at once; the YAML parser is slower. */
const LOAD_JSON_MAX_MS = 200;
const LOAD_YAML_MAX_MS = 1000;
const SUBMISSIONS_ADDED = 1000;
/** Storing a submission (without the fsync) costs well under a millisecond of CPU. */
const ADD_SUBMISSION_MAX_US = 1000;

/** A contest folder with TEAMS teams and as many accounts, in JSON or YAML. */
function bigContestFolder(format: 'json' | 'yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-bench-contest-'));
  const teams = Array.from({ length: TEAMS }, (_, i) => ({ id: `team${i}`, name: `Team number ${i}`, display_name: `Team ${i}`, organization_id: `org${i % 50}`, group_ids: ['participants'], hidden: i % 100 === 0 }));
  const accounts = teams.map((t, i) => ({ id: `acc${i}`, username: t.id, password: `pw-${i}`, type: 'team', team_id: t.id }));
  writeFileSync(join(dir, 'contest.yaml'), 'name: Big\nduration: 5:00:00\n');
  writeFileSync(join(dir, 'problems.yaml'), Array.from({ length: 12 }, (_, i) => `- id: p${i}\n  label: ${String.fromCharCode(65 + i)}\n`).join(''));
  for (let i = 0; i < 12; i++) {
    mkdirSync(join(dir, `p${i}`));
    writeFileSync(join(dir, `p${i}`, 'problem.yaml'), 'name: X\n');
  }
  const write = (name: string, value: unknown) => writeFileSync(join(dir, `${name}.${format}`), format === 'json' ? JSON.stringify(value, null, 2) : stringify(value));
  write('teams', teams);
  write('accounts', accounts);
  return dir;
}

async function loadTime(format: 'json' | 'yaml'): Promise<number> {
  const dir = bigContestFolder(format);
  try {
    await loadContest(dir); // warm: the first read also loads the parser's code
    const started = performance.now();
    const contest = await loadContest(dir);
    const ms = performance.now() - started;
    if (contest.teams.length !== TEAMS) throw new Error(`read ${contest.teams.length} teams of ${TEAMS}`);
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function addSubmissionCpuUs(): number {
  const store = Store.open(':memory:');
  try {
    store.contest.import(contestDefinition(), { hashPasswords: false });
    const body = Buffer.alloc(2000, 'x');
    const started = process.cpuUsage();
    for (let i = 0; i < SUBMISSIONS_ADDED; i++) {
      store.submissions.add({ teamId: i % 2 ? 't1' : 't2', problemId: 'hello', languageId: 'cpp', fileName: 'a.cpp', source: body, submittedAt: START + i, idempotencyKey: `k${i}` });
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / SUBMISSIONS_ADDED;
  } finally {
    store.close();
  }
}

async function main(): Promise<void> {
  phase('Time budgets (measured here, not in unit tests)');
  const targets: Target[] = [
    target(`loadContest: ${TEAMS} teams + ${TEAMS} accounts (JSON)`, await loadTime('json'), 'max', LOAD_JSON_MAX_MS, 'ms'),
    target(`loadContest: ${TEAMS} teams + ${TEAMS} accounts (YAML)`, await loadTime('yaml'), 'max', LOAD_YAML_MAX_MS, 'ms'),
    target('store: adding a submission, CPU per call (no fsync)', addSubmissionCpuUs(), 'max', ADD_SUBMISSION_MAX_US, 'µs'),
  ];
  for (const t of targets) log(formatTarget(t));
}

await main();
