// Test child of snapshotUnderLoad.test.ts: writes to a contest's store as the server does while judging
// (a submission, its judgement started, its judgement finished with runs: three commits), one commit
// every WRITE_INTERVAL_MS. Prints `state <last event token> <submissions>` first and after each commit,
// `done <commits>` at the end. Stops by itself after MAX_WRITES commits or MAX_RUN_MS, or when its stdin ends.
//   node judgingLoadChild.ts <database file>
import { Store } from '../store/store.ts';
import { judgeResult } from '../store/testFixtures.ts';

const WRITE_INTERVAL_MS = 2;
const MAX_WRITES = 30_000;
/** Longer than the test's snapshot deadline, so that a snapshot that cannot finish under load is seen failing. */
const MAX_RUN_MS = 60_000;
const TESTS_PER_JUDGEMENT = 10;

const store = Store.open(process.argv[2]);
const teams = store.contest.teams().map((t) => t.id);
const problems = store.contest.problems().map((p) => p.id);
const tests = Array.from({ length: TESTS_PER_JUDGEMENT }, (_, i): [string, 'AC', number] => [`secret/${i + 1}`, 'AC', 100 + i]);
const startedAt = Date.now();
let submissions = store.submissions.list().length;
let writes = 0;
let stopped = false;

const report = () => process.stdout.write(`state ${store.events.lastToken()} ${submissions}\n`);

/** The submission being judged: added, then its judgement started, then finished. */
let current: { submissionId: string; judgementId: string | null } | null = null;

/** One commit: the next step of the judging cycle. */
function write(): void {
  if (current === null) {
    const { submission } = store.submissions.add({ teamId: teams[writes % teams.length], problemId: problems[writes % problems.length], languageId: 'c', fileName: 'main.c', source: Buffer.from(`// load ${writes}\nint main(){return 0;}\n`), submittedAt: Date.now() });
    submissions++;
    current = { submissionId: submission.id, judgementId: null };
  } else if (current.judgementId === null) {
    current.judgementId = store.judgements.start(current.submissionId, 'load-host');
  } else {
    store.judgements.finish(current.judgementId, judgeResult('AC', tests));
    current = null;
  }
}

function stop(): void {
  if (stopped) return;
  stopped = true;
  store.close();
  process.stdout.write(`done ${writes}\n`);
  process.stdin.destroy();
}

function step(): void {
  if (stopped) return;
  if (writes >= MAX_WRITES || Date.now() - startedAt >= MAX_RUN_MS) return stop();
  write();
  writes++;
  report();
  setTimeout(step, WRITE_INTERVAL_MS);
}

process.stdin.on('end', stop);
process.stdin.resume();
report();
setTimeout(step, WRITE_INTERVAL_MS);
