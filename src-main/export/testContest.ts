// Test helper: a hand-computed contest (contest folder on disk + a store holding its submissions and
// judgements), shared by the export tests. Expected standings, penalty 20:
//
//   rank team  name      groups          A(apple)        B(banana)          C(cherry)   solved penalty last
//   1    t1    Alpha     univ            AC 10:59        WA 20, AC 30:10    AC 50       3      110     50
//   2    t2    Bravo     univ            AC 15           AC 25:00 (FTS)     AC 70:30    3      110     70
//   3    t4    Delta     school          AC 20           AC 25:30           -           2      45      25
//   4    t3    Charlie   school          AC 5 (FTS)      AC 40              -           2      45      40
//   5    t5    Echo      univ            AC 30           AC 40              -           2      70      40
//   5    t6    Foxtrot   univ            AC 30:20        AC 40:50           -           2      70      40
//   7    t7    Golf      school          CE 55, AC 60    -                  -           1      60      60
//   8    t8    Hotel     univ            WA, TLE, AC 100 -                  -           1      140     100
//   9    t9    India     school          -               WA 30              -           0      0       -
//   9    t10   Juliett   univ, rookies   -               -                  -           0      0       -
//   (hidden) t11 Zulu    univ            AC 1 (not first to solve: hidden)
// C first to solve: t1 (50). Groups file: univ "Universities", school "High Schools", staff (hidden).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContest } from '../contest/loadContest.ts';
import type { ContestDefinition } from '../contest/model.ts';
import type { Verdict } from '../common/types.ts';
import { HOUR, START, judgeResult } from '../store/testFixtures.ts';
import { Store } from '../store/store.ts';

export { HOUR, START };
/** A moment after the contest (5 h): the results are final then. */
export const AFTER_END = START + 6 * HOUR;

const TEAMS = [
  { id: 't1', name: 'Alpha', group_ids: ['univ'], organization_id: 'delft' },
  { id: 't2', name: 'Bravo', group_ids: ['univ'], organization_id: 'delft' },
  { id: 't3', name: 'Charlie', group_ids: ['school'], organization_id: 'lyceum' },
  { id: 't4', name: 'Delta', group_ids: ['school'] },
  { id: 't5', name: 'Echo', group_ids: ['univ'] },
  { id: 't6', name: 'Foxtrot', group_ids: ['univ'] },
  { id: 't7', name: 'Golf', group_ids: ['school'] },
  { id: 't8', name: 'Hotel <&> "Quotes"', display_name: 'Hotel', group_ids: ['univ'] },
  { id: 't9', name: 'India', group_ids: ['school'] },
  { id: 't10', name: 'Juliett', group_ids: ['univ', 'rookies'] },
  { id: 't11', name: 'Zulu', group_ids: ['univ'], hidden: true },
];

type Sub = [team: string, problem: string, minute: number, second: number, verdict: Verdict | null];
export const SUBMISSIONS: Sub[] = [
  ['t11', 'apple', 1, 0, 'AC'],
  ['t3', 'apple', 5, 0, 'AC'],
  ['t1', 'apple', 10, 59, 'AC'],
  ['t8', 'apple', 10, 0, 'WA'],
  ['t2', 'apple', 15, 0, 'AC'],
  ['t1', 'banana', 20, 0, 'WA'],
  ['t4', 'apple', 20, 0, 'AC'],
  ['t8', 'apple', 20, 0, 'TLE'],
  ['t2', 'banana', 25, 0, 'AC'],
  ['t4', 'banana', 25, 30, 'AC'],
  ['t5', 'apple', 30, 0, 'AC'],
  ['t9', 'banana', 30, 0, 'WA'],
  ['t1', 'banana', 30, 10, 'AC'],
  ['t6', 'apple', 30, 20, 'AC'],
  ['t3', 'banana', 40, 0, 'AC'],
  ['t5', 'banana', 40, 0, 'AC'],
  ['t6', 'banana', 40, 50, 'AC'],
  ['t1', 'cherry', 50, 0, 'AC'],
  ['t7', 'apple', 55, 0, 'CE'],
  ['t7', 'apple', 60, 0, 'AC'],
  ['t2', 'cherry', 70, 30, 'AC'],
  ['t8', 'apple', 100, 0, 'AC'],
];

/** Writes the contest folder: contest.yaml, problems.yaml, three package folders, teams, groups, organizations, accounts. */
function writeContestFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'contest.yaml'),
    [
      'id: export-test',
      'name: Export Test',
      'formal_name: Export Test Contest 2030',
      `start_time: ${new Date(START).toISOString()}`,
      'duration: 5:00:00',
      'scoreboard_freeze_duration: 1:00:00',
      'penalty_time: 20',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'problems.yaml'),
    ['- {id: apple, label: A, name: Apple, color: red, rgb: "#e02020"}', '- {id: banana, label: B, name: Banana, color: yellow, rgb: "#f0d000"}', '- {id: cherry, label: C, name: Cherry Pie}', ''].join('\n'),
  );
  for (const id of ['apple', 'banana', 'cherry']) {
    mkdirSync(join(dir, id, 'data', 'secret'), { recursive: true });
    writeFileSync(join(dir, id, 'problem.yaml'), `name: ${id}\n`);
    writeFileSync(join(dir, id, 'data', 'secret', '1.in'), '1 2\n');
    writeFileSync(join(dir, id, 'data', 'secret', '1.ans'), '3\n');
  }
  writeFileSync(join(dir, 'teams.json'), `${JSON.stringify(TEAMS, null, 2)}\n`);
  writeFileSync(
    join(dir, 'groups.json'),
    `${JSON.stringify([{ id: 'univ', name: 'Universities' }, { id: 'school', name: 'High Schools' }, { id: 'staff', name: 'Staff', hidden: true }], null, 2)}\n`,
  );
  // 'lyceum' (of t3) is left out on purpose: the package names it by its id.
  writeFileSync(join(dir, 'organizations.yaml'), '- {id: delft, name: TU Delft, formal_name: Delft University of Technology, country: NLD}\n- {id: unused, name: Unused}\n');
  const accounts = [...TEAMS.map((t) => ({ id: `acc-${t.id}`, username: t.id, password: `${t.id}-pass`, type: 'team', team_id: t.id })), { id: 'judge', username: 'judge', password: 'judge-pass', type: 'judge' }];
  writeFileSync(join(dir, 'accounts.json'), `${JSON.stringify(accounts, null, 2)}\n`);
}

/** Adds the submissions of SUBMISSIONS (judged as listed; null stays queued), plus two clarifications. */
function fillStore(store: Store, extra: Sub[] = []): void {
  store.contest.setProblemInfo('apple', { timeLimitMs: 2000, testDataCount: 1 }, START - HOUR);
  store.contest.setProblemInfo('banana', { timeLimitMs: 1500, testDataCount: 1 }, START - HOUR);
  for (const [team, problem, minute, second, verdict] of [...SUBMISSIONS, ...extra]) {
    const submittedAt = START + (minute * 60 + second) * 1000;
    const { submission } = store.submissions.add({ teamId: team, problemId: problem, languageId: 'c', fileName: 'main.c', source: Buffer.from(`// ${team} ${problem} ${minute}:${second}\nint main(){return 0;}\n`), submittedAt });
    if (verdict === null) continue;
    const judgement = store.judgements.start(submission.id, 'host-1', submittedAt + 1000);
    store.judgements.finish(judgement, judgeResult(verdict, [['secret/1', verdict, 120]]), submittedAt + 2000);
  }
  const question = store.clarifications.add({ fromTeamId: 't1', toTeamId: null, problemId: 'apple', text: 'Is the input sorted?', replyToId: null, time: START + 12 * 60_000 });
  store.clarifications.add({ fromTeamId: null, toTeamId: 't1', problemId: 'apple', text: 'No.', replyToId: question.id, time: START + 13 * 60_000 });
}

export interface TestContest {
  contestDir: string;
  dataDir: string;
  dbFile: string;
  def: ContestDefinition;
  store: Store;
}

/** The contest folder under `root`/contest, its data under `root`/data (verdict.db), filled. */
export async function makeContest(root: string, extra: Sub[] = []): Promise<TestContest> {
  const contestDir = join(root, 'contest');
  writeContestFolder(contestDir);
  const def = await loadContest(contestDir);
  const dataDir = join(root, 'data');
  const dbFile = join(dataDir, 'verdict.db');
  const store = Store.open(dbFile);
  store.contest.import(def, { hashPasswords: false, now: START - HOUR });
  // As a server does before anyone can submit: the languages are announced.
  store.contest.syncLanguages([{ id: 'c', name: 'C', entry_point_required: false, extensions: ['c'] }], START - HOUR);
  fillStore(store, extra);
  return { contestDir, dataDir, dbFile, def, store };
}

/** results.tsv of the test contest with one gold, one silver and one bronze medal. */
export const EXPECTED_RESULTS_TSV = [
  'results\t1',
  't1\t1\tGold Medal\t3\t110\t50\tUniversities',
  't2\t2\tSilver Medal\t3\t110\t70\t',
  't4\t3\tBronze Medal\t2\t45\t25\tHigh Schools',
  // Median team (position 6 of 10) solved 2: teams with 2 are Ranked, all at the rank of the first of them.
  't3\t4\tRanked\t2\t45\t40\t',
  't5\t4\tRanked\t2\t70\t40\t',
  't6\t4\tRanked\t2\t70\t40\t',
  // Fewer than the median, or nothing: Honorable, no rank, sorted by name.
  't7\t\tHonorable\t1\t60\t60\t',
  't8\t\tHonorable\t1\t140\t100\t',
  't9\t\tHonorable\t0\t0\t0\t',
  't10\t\tHonorable\t0\t0\t0\t',
  '',
].join('\n');
