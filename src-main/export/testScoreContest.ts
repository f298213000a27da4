// Test helper: a hand-computed score contest (contest folder on disk + a store holding its scored
// judgements), for the exports of a score contest and their import. Problem A (stairs) is a scoring
// problem of two subtasks, secret/g1 (worth 40) and secret/g2 (worth 60); B (sum) is pass-fail (an AC
// scores 1).
//
//   team  groups   A                                        B
//   t1    univ     g1 40 at 10, g2 60 at 20                 AC at 30
//   t2    univ     g1 + g2 100 at 15                        WA at 50
//   t3    school   g1 12.5 (partial) at 5                   -
//   t4    school   -                                        -
//
//   best-submission:   t2 100 (15), t1 61 (30), t3 12.5 (5), t4 0
//   best-per-subtask:  t1 101 (30: A's subtasks 40 + 60 by minute 20), t2 100 (15), t3 12.5 (5), t4 0
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroupResult, JudgeResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import { loadContest } from '../contest/loadContest.ts';
import type { ContestDefinition, ScoreMode } from '../contest/model.ts';
import { HOUR, START, judgeResult } from '../store/testFixtures.ts';
import { Store } from '../store/store.ts';

export { HOUR, START };

const TEAMS = [
  { id: 't1', name: 'Alpha', group_ids: ['univ'] },
  { id: 't2', name: 'Bravo', group_ids: ['univ'] },
  { id: 't3', name: 'Charlie', group_ids: ['school'] },
  { id: 't4', name: 'Delta', group_ids: ['school'] },
];

/** A judgement of A: each subtask's score (full marks are 40 and 60). */
function stairs(g1: number, g2: number): JudgeResult {
  const verdict = (score: number, max: number): Verdict => (score === max ? 'AC' : 'WA');
  const total = g1 + g2;
  const overall: Verdict = total === 100 ? 'AC' : 'WA';
  const result = judgeResult(overall, [['secret/g1/1', verdict(g1, 40), 10], ['secret/g2/1', verdict(g2, 60), 20]]);
  result.tests[0].score = g1;
  result.tests[1].score = g2;
  const groups: GroupResult[] = [
    { name: '', verdict: overall, score: total, maxScore: 100 },
    { name: 'secret', verdict: overall, score: total, maxScore: 100 },
    { name: 'secret/g1', verdict: verdict(g1, 40), score: g1, maxScore: 40 },
    { name: 'secret/g2', verdict: verdict(g2, 60), score: g2, maxScore: 60 },
  ];
  return { ...result, score: total, groups };
}

const SUBMISSIONS: Array<[team: string, problem: string, minute: number, result: JudgeResult]> = [
  ['t3', 'stairs', 5, stairs(12.5, 0)],
  ['t1', 'stairs', 10, stairs(40, 0)],
  ['t2', 'stairs', 15, stairs(40, 60)],
  ['t1', 'stairs', 20, stairs(0, 60)],
  ['t1', 'sum', 30, judgeResult('AC', [['secret/1', 'AC', 5]])],
  ['t2', 'sum', 50, judgeResult('WA', [['secret/1', 'WA', 5]])],
];

function writeContestFolder(dir: string, mode: ScoreMode): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'contest.yaml'),
    ['id: score-test', 'name: Score Test', `start_time: ${new Date(START).toISOString()}`, 'duration: 5:00:00', 'scoreboard_freeze_duration: 1:00:00', 'scoreboard_type: score', `score_mode: ${mode}`, ''].join('\n'),
  );
  writeFileSync(join(dir, 'problems.yaml'), ['- {id: stairs, label: A, name: Stairs}', '- {id: sum, label: B, name: Sum}', ''].join('\n'));
  for (const id of ['stairs', 'sum']) {
    mkdirSync(join(dir, id, 'data', 'secret'), { recursive: true });
    writeFileSync(join(dir, id, 'problem.yaml'), `name: ${id}\n`);
    writeFileSync(join(dir, id, 'data', 'secret', '1.in'), '1 2\n');
    writeFileSync(join(dir, id, 'data', 'secret', '1.ans'), '3\n');
  }
  writeFileSync(join(dir, 'teams.json'), `${JSON.stringify(TEAMS, null, 2)}\n`);
  writeFileSync(join(dir, 'groups.json'), `${JSON.stringify([{ id: 'univ', name: 'Universities' }, { id: 'school', name: 'High Schools' }], null, 2)}\n`);
  const accounts = [...TEAMS.map((t) => ({ id: `acc-${t.id}`, username: t.id, password: `${t.id}-pass`, type: 'team', team_id: t.id })), { id: 'judge', username: 'judge', password: 'judge-pass', type: 'judge' }];
  writeFileSync(join(dir, 'accounts.json'), `${JSON.stringify(accounts, null, 2)}\n`);
}

export interface TestScoreContest {
  contestDir: string;
  dataDir: string;
  def: ContestDefinition;
  store: Store;
}

/** The contest folder under `root`/contest, its data under `root`/data, judged as the table above says. */
export async function makeScoreContest(root: string, mode: ScoreMode): Promise<TestScoreContest> {
  const contestDir = join(root, 'contest');
  writeContestFolder(contestDir, mode);
  const def = await loadContest(contestDir);
  const dataDir = join(root, 'data');
  const store = Store.open(join(dataDir, 'verdict.db'));
  store.contest.import(def, { hashPasswords: false, now: START - HOUR });
  store.contest.syncLanguages([{ id: 'c', name: 'C', entry_point_required: false, extensions: ['c'] }], START - HOUR);
  // What reading the packages finds: A scoring (at most 100), B pass-fail.
  store.contest.setProblemInfo('stairs', { timeLimitMs: 1000, testDataCount: 2, scoring: true, maxScore: 100 }, START - HOUR);
  store.contest.setProblemInfo('sum', { timeLimitMs: 1000, testDataCount: 1 }, START - HOUR);
  for (const [team, problem, minute, result] of SUBMISSIONS) {
    const at = START + minute * 60_000;
    const { submission } = store.submissions.add({ teamId: team, problemId: problem, languageId: 'c', fileName: 'main.c', source: Buffer.from(`// ${team} ${problem} ${minute}\n`), submittedAt: at });
    const judgement = store.judgements.start(submission.id, 'host-1', at + 1000);
    store.judgements.finish(judgement, result, at + 2000);
  }
  return { contestDir, dataDir, def, store };
}
