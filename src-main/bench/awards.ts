// `npm run bench` (part): what working the awards out again costs the core while judgements come in, on a
// 500-team contest (core/clicsSync.ts does it at most every AWARDS_REFRESH_MS after a judgement). Measured
// against a baseline in the same run: the judges' scoreboard recomputed after the same judgement, which the
// core also does once per change. A report: the target prints PASS/MISS, the exit code is 0 either way.
import type { ContestDefinition } from '../contest/model.ts';
import { syncAwards } from '../core/clicsSync.ts';
import { ScoreboardService } from '../store/scoreboardService.ts';
import { Store } from '../store/store.ts';
import { contestDefinition, HOUR, judgeResult, START } from '../store/testFixtures.ts';
import { distribution, fmt, formatDist, formatTarget, log, phase, target } from './stats.ts';

const TEAMS = 500;
const PROBLEMS = 12;
/** Submissions judged before the measurement: about ten per team, as a busy contest's last hour has. */
const HISTORY = 5000;
/** Judgements measured, each followed by one awards sync and one scoreboard recompute. */
const SAMPLES = 40;
/** The awards are worked out again at most this often (core/clicsSync.ts's AWARDS_REFRESH_MS). */
const AWARDS_REFRESH_MS = 2000;
/** Working the awards out may take at most this share of the core's event loop while judgements come in. */
const AWARDS_LOOP_SHARE_MAX_PERCENT = 5;

function bigContest(): ContestDefinition {
  const base = contestDefinition();
  return {
    ...base,
    problems: Array.from({ length: PROBLEMS }, (_, i) => ({ id: `p${i}`, label: String.fromCharCode(65 + i), name: `Problem ${i}`, color: '', rgb: '', packagePath: `/contest/p${i}`, ordinal: i + 1 })),
    teams: Array.from({ length: TEAMS }, (_, i) => ({ id: `t${i}`, name: `Team ${i}`, displayName: `Team ${i}`, organizationId: `org${i % 40}`, groupIds: [i % 3 === 0 ? 'school' : 'univ'], hidden: i % 100 === 99 })),
    accounts: [],
  };
}

/** A submission judged in the store, `i` choosing its team, problem and verdict. */
function judged(store: Store, i: number): void {
  const at = START + Math.floor((i * 4 * HOUR) / HISTORY);
  const { submission } = store.submissions.add({ teamId: `t${(i * 7) % TEAMS}`, problemId: `p${i % PROBLEMS}`, languageId: 'cpp', fileName: 'a.cpp', source: Buffer.from(`// ${i}`), submittedAt: at });
  const judgement = store.judgements.start(submission.id, 'bench', at + 1000);
  store.judgements.finish(judgement, judgeResult(i % 3 === 0 ? 'AC' : 'WA', [['secret/1', i % 3 === 0 ? 'AC' : 'WA', 10]]), at + 2000);
}

async function main(): Promise<void> {
  phase(`Awards after a judgement: ${TEAMS} teams, ${PROBLEMS} problems, ${HISTORY} submissions judged`);
  const store = Store.open(':memory:');
  try {
    const contest = bigContest();
    store.contest.import(contest, { hashPasswords: false, now: START - HOUR });
    store.db.transaction(() => {
      for (let i = 0; i < HISTORY; i++) judged(store, i);
    });
    const ctx = { store, contest, now: () => START + 4 * HOUR };
    const scoreboard = new ScoreboardService(store);
    syncAwards(ctx); // the awards announced once, as when the server starts
    const awardsMs: number[] = [];
    const scoreboardMs: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      judged(store, HISTORY + i);
      let started = performance.now();
      syncAwards(ctx);
      awardsMs.push(performance.now() - started);
      started = performance.now();
      scoreboard.invalidate();
      scoreboard.snapshot('judges', START + 4 * HOUR);
      scoreboardMs.push(performance.now() - started);
    }
    const awards = distribution(awardsMs);
    const baseline = distribution(scoreboardMs);
    log(`  awards worked out and announced: ${formatDist(awards)}`);
    log(`  baseline, the judges' scoreboard recomputed: ${formatDist(baseline)}`);
    log(`  awards / scoreboard (medians): ${fmt(awards.p50 / baseline.p50)}x`);
    log(formatTarget(target(`awards: share of the event loop at one sync per ${AWARDS_REFRESH_MS} ms (median)`, (100 * awards.p50) / AWARDS_REFRESH_MS, 'max', AWARDS_LOOP_SHARE_MAX_PERCENT, '%')));
  } finally {
    store.close();
  }
}

await main();
