// Scoring problems: the score of each test case, of each test group bottom-up, and of the submission,
// by the rules each group carries (TestGroup.scoring, read by package/groupScoring.ts):
//
//   grader       legacy: every folder is a group; its default grader aggregates its sub-results (test
//                cases and subgroups, in order) by its verdict mode and score mode. A test case scores its
//                validator's score.txt (with `validation: custom score`) or the group's accept_score /
//                reject_score. The submission's verdict and score are data/'s.
//                (2023-07 as problemtools reads it: the same, with score.txt optional.)
//   aggregation  2025-09: secret and its groups score by pass-fail, sum or min within max_score; a
//                test case in a sum group may score max_score / (its number of test cases), in a min group
//                max_score; its validator's score.txt or score_multiplier.txt says how much of that it
//                gets (all of it when it writes neither). Samples score nothing. The submission's score is
//                secret's; its verdict the first rejected test case's.
//
// Decisions:
// - A test case not run (its group stopped at a rejection) counts as rejected: it scores the reject score
//   (0 in 2023-07+) and takes the verdict of the rejection that stopped it. So a legacy `avg` group may
//   score lower than problemtools, which leaves such test cases out of the grading.
// - A judge error anywhere makes its groups and the submission JE (problemtools' graders do the same).
// - What the format calls a judge error is one, the package's fault, with a message naming the test case or
//   the group: a score.txt that is not a number, one written for a rejected test case or where the group
//   takes none, a score above the test case's or group's maximum, a group outside its range.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroupResult, JudgeResult, TestResult } from '../common/results.ts';
import type { AggregationScoring, GraderScoring, GroupScoring, TestCase, TestGroup, Verdict } from '../common/types.ts';

const SCORE_FILE = 'score.txt';
const SCORE_MULTIPLIER_FILE = 'score_multiplier.txt';

/** Leeway when a score is compared with a maximum: a sum group's share (100 / 3) is written rounded. */
const SCORE_EPSILON = 1e-6;
/** What a score file may hold: one decimal number (a float as C's strtod reads it, without inf and nan). */
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The legacy default grader's order of rejections for worst_error (the legacy text's, less the verdicts Verdict has no name for). */
const WORST_FIRST: readonly Verdict[] = ['JE', 'RTE', 'MLE', 'TLE', 'OLE', 'WA'];

/** A judge error the package caused while scoring. */
export class ScoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringError';
  }
}

export interface ScoredSubmission {
  verdict: Verdict;
  score: number;
  groups: GroupResult[];
}

/** "secret/g1/a" → ['secret/g1/a', 'secret/g1', 'secret', '']: a group and the groups above it, innermost first. */
function groupsUpward(group: string): string[] {
  const parts = group === '' ? [] : group.split('/');
  return [...parts.map((_, i) => parts.slice(0, parts.length - i).join('/')), ''];
}

interface Outcome {
  verdict: Verdict;
  score: number;
}

/** Scores one submission to a scoring problem: built from the job's test cases and groups, fed each test
 *  case's outcome as it is judged, asked for the result at the end. */
export class SubmissionScoring {
  private readonly groups = new Map<string, TestGroup & { scoring: GroupScoring }>();
  /** Each test case's scoring group: its own folder's, or (2023-07+) the nearest group above a plain folder. */
  private readonly scoringGroupOf = new Map<string, string>();
  /** Test cases per scoring group (their share of a sum group's max_score). */
  private readonly casesIn = new Map<string, number>();

  private readonly testCases: readonly TestCase[];

  constructor(testCases: readonly TestCase[], testGroups: readonly TestGroup[]) {
    this.testCases = testCases;
    for (const g of testGroups) {
      if (g.scoring === undefined) throw new ScoringError(`test group "${g.name}" of a scoring problem has no scoring rules`);
      this.groups.set(g.name, { ...g, scoring: g.scoring });
    }
    for (const test of testCases) {
      const owner = groupsUpward(test.group).find((name) => this.groups.has(name) && this.groups.get(name)!.scoring.rules !== 'folder');
      if (owner === undefined) throw new ScoringError(`test ${test.name}: no test group scores it`);
      this.scoringGroupOf.set(test.name, owner);
      this.casesIn.set(owner, (this.casesIn.get(owner) ?? 0) + 1);
    }
  }

  /** The most `test` can score in a 2023-07+ group (null: unbounded), or undefined where it scores nothing. */
  private testMaximum(test: TestCase): number | null | undefined {
    const group = this.groups.get(this.scoringGroupOf.get(test.name)!)!.scoring;
    if (group.rules !== 'aggregation' || group.aggregation === 'pass-fail') return undefined;
    if (group.maxScore === null) return null;
    return group.aggregation === 'min' ? group.maxScore : group.maxScore / this.casesIn.get(this.scoringGroupOf.get(test.name)!)!;
  }

  /**
   * The score of a judged test case (undefined where its group scores test cases as a whole), from its
   * verdict and what the output validator left in `feedbackDir`. Throws ScoringError for a judge error.
   */
  testScore(test: TestCase, verdict: Verdict, feedbackDir: string): number | undefined {
    const group = this.groups.get(test.group)!.scoring;
    const rule = group.scoreFile;
    const scoreText = readScoreFile(feedbackDir, SCORE_FILE);
    const owner = this.groups.get(this.scoringGroupOf.get(test.name)!)!.scoring;
    if (owner.rules === 'grader') {
      if (scoreText !== null && rule === 'forbidden') throw new ScoringError(`test ${test.name}: the output validator wrote ${SCORE_FILE}, but problem.yaml does not say "validation: custom score"`);
      if (verdict !== 'AC') {
        if (scoreText !== null) throw new ScoringError(`test ${test.name}: the output validator wrote ${SCORE_FILE} for a rejected test case`);
        return owner.rejectScore;
      }
      if (scoreText === null && rule !== 'required') return owner.acceptScore;
      if (scoreText === null) throw new ScoringError(`test ${test.name}: the output validator accepted it without writing ${SCORE_FILE} ("validation: custom score" asks for one)`);
      return parseScore(test, SCORE_FILE, scoreText);
    }
    if (rule === 'ignored') return undefined;
    const multiplierText = readScoreFile(feedbackDir, SCORE_MULTIPLIER_FILE);
    const written = scoreText !== null ? SCORE_FILE : multiplierText !== null ? SCORE_MULTIPLIER_FILE : null;
    if (written !== null && verdict !== 'AC') throw new ScoringError(`test ${test.name}: the output validator wrote ${written} for a rejected test case`);
    if (written !== null && rule === 'forbidden') throw new ScoringError(`test ${test.name}: the output validator wrote ${written} in a pass-fail group`);
    const maximum = this.testMaximum(test);
    if (maximum === undefined) return undefined;
    if (verdict !== 'AC') return 0;
    if (scoreText !== null && multiplierText !== null) throw new ScoringError(`test ${test.name}: the output validator wrote both ${SCORE_FILE} and ${SCORE_MULTIPLIER_FILE}`);
    if (multiplierText !== null) {
      if (maximum === null) throw new ScoringError(`test ${test.name}: the output validator wrote ${SCORE_MULTIPLIER_FILE} in an unbounded group (it must write ${SCORE_FILE})`);
      const multiplier = parseScore(test, SCORE_MULTIPLIER_FILE, multiplierText);
      if (multiplier < 0 || multiplier > 1) throw new ScoringError(`test ${test.name}: ${SCORE_MULTIPLIER_FILE} holds ${multiplier}, outside [0, 1]`);
      return multiplier * maximum;
    }
    if (scoreText === null) {
      if (maximum === null) throw new ScoringError(`test ${test.name}: the output validator accepted it without writing ${SCORE_FILE} (its group is unbounded)`);
      return maximum;
    }
    const score = parseScore(test, SCORE_FILE, scoreText);
    if (score < 0) throw new ScoringError(`test ${test.name}: ${SCORE_FILE} holds ${score}, a negative score`);
    if (maximum !== null && score > maximum + SCORE_EPSILON * Math.max(1, maximum)) {
      throw new ScoringError(`test ${test.name}: ${SCORE_FILE} holds ${score}, above the test case's maximum of ${round(maximum)}`);
    }
    return score;
  }

  /**
   * The submission's verdict, score and group results from the results of the test cases judged
   * (`results`, by test name; the others were not run). Throws ScoringError for a group's judge error.
   */
  result(results: ReadonlyMap<string, TestResult>): ScoredSubmission {
    // Test cases not run were stopped by a rejection: they take the first rejection's verdict.
    const stoppedBy = this.testCases.map((t) => results.get(t.name)?.verdict).find((v) => v !== undefined && v !== 'AC') ?? 'WA';
    const outcomeOf = (test: TestCase): Outcome => {
      const r = results.get(test.name);
      if (r !== undefined) return { verdict: r.verdict, score: r.score ?? 0 };
      const owner = this.groups.get(this.scoringGroupOf.get(test.name)!)!.scoring;
      return { verdict: stoppedBy, score: owner.rules === 'grader' ? owner.rejectScore : 0 };
    };
    const outcomes = new Map<string, Outcome>();
    const childrenOf = this.children();
    const visit = (name: string): Outcome => {
      const group = this.groups.get(name)!;
      const items = childrenOf.get(name) ?? [];
      const parts = items.map((item) => (item.kind === 'test' ? outcomeOf(item.test) : visit(item.name)));
      // Only scoring groups are visited (children() skips plain folders): never 'folder' here.
      const rules = group.scoring;
      const outcome = rules.rules === 'grader' ? gradeLegacy(rules, parts) : rules.rules === 'aggregation' ? aggregate(rules, parts) : { verdict: 'JE' as const, score: 0 };
      checkBounds(name, group.scoring, outcome.score);
      outcomes.set(name, outcome);
      return outcome;
    };
    const root = visit('');
    const groups: GroupResult[] = [];
    for (const g of this.groups.values()) {
      const outcome = outcomes.get(g.name);
      if (outcome === undefined || g.scoring.rules === 'folder') continue;
      groups.push({ name: g.name, verdict: outcome.verdict, score: outcome.score, maxScore: g.scoring.maxScore });
    }
    return { verdict: root.verdict, score: root.score, groups };
  }

  /** The sub-results of each scoring group, in test order: its test cases (through plain folders) and the
   *  scoring groups directly below it. */
  private children(): Map<string, Array<{ kind: 'test'; test: TestCase } | { kind: 'group'; name: string }>> {
    const children = new Map<string, Array<{ kind: 'test'; test: TestCase } | { kind: 'group'; name: string }>>();
    const add = (parent: string, item: { kind: 'test'; test: TestCase } | { kind: 'group'; name: string }) => {
      const list = children.get(parent) ?? [];
      list.push(item);
      children.set(parent, list);
    };
    const placed = new Set<string>();
    for (const test of this.testCases) {
      let below = this.scoringGroupOf.get(test.name)!;
      add(below, { kind: 'test', test });
      // Each scoring group above joins its own scoring parent once, where its first test case comes.
      for (const name of groupsUpward(below).slice(1)) {
        const group = this.groups.get(name);
        if (group === undefined || group.scoring.rules === 'folder') continue;
        if (!placed.has(below)) add(name, { kind: 'group', name: below });
        placed.add(below);
        below = name;
      }
    }
    return children;
  }
}

/** A judged test case's verdict and message, with its score: a judge error in scoring it makes it JE. */
export function scoreTest(scoring: SubmissionScoring, test: TestCase, judged: { verdict: Verdict; message: string }, feedbackDir: string): { verdict: Verdict; message: string; score?: number } {
  try {
    const score = scoring.testScore(test, judged.verdict, feedbackDir);
    return score === undefined ? judged : { ...judged, score };
  } catch (error) {
    if (error instanceof ScoringError) return { verdict: 'JE', message: error.message };
    throw error;
  }
}

/** A scoring problem's judging result: the verdict, the score and the groups' results as its groups
 *  aggregate the test cases judged in `result` (a judge error in a group's score makes it JE). */
export function scoredResult(scoring: SubmissionScoring, result: JudgeResult): JudgeResult {
  try {
    const scored = scoring.result(new Map(result.tests.map((t) => [t.name, t])));
    return { ...result, verdict: scored.verdict, score: scored.score, groups: scored.groups };
  } catch (error) {
    if (error instanceof ScoringError) return { ...result, verdict: 'JE', error: error.message };
    throw error;
  }
}

/** The legacy default grader (the legacy text, "Default grader specification"). */
function gradeLegacy(grader: GraderScoring, given: Outcome[]): Outcome {
  if (given.some((o) => o.verdict === 'JE')) return { verdict: 'JE', score: 0 };
  const parts = grader.ignoreSample ? given.slice(-1) : given;
  const scores = parts.map((o) => o.score);
  const score =
    scores.length === 0
      ? 0
      : { sum: () => scores.reduce((a, b) => a + b, 0), avg: () => scores.reduce((a, b) => a + b, 0) / scores.length, min: () => Math.min(...scores), max: () => Math.max(...scores) }[grader.scoreMode]();
  const rejected = parts.filter((o) => o.verdict !== 'AC');
  let verdict: Verdict;
  if (rejected.length === 0 || grader.verdictMode === 'always_accept' || (grader.acceptIfAnyAccepted && rejected.length < parts.length)) verdict = 'AC';
  else if (grader.verdictMode === 'first_error') verdict = rejected[0].verdict;
  else verdict = WORST_FIRST.find((v) => rejected.some((o) => o.verdict === v)) ?? rejected[0].verdict;
  return { verdict, score };
}

/** 2023-07+ aggregation: pass-fail (all of max_score or 0), sum or min of the sub-results' scores. */
function aggregate(scoring: AggregationScoring, parts: Outcome[]): Outcome {
  const rejected = parts.find((o) => o.verdict !== 'AC');
  const verdict: Verdict = parts.some((o) => o.verdict === 'JE') ? 'JE' : (rejected?.verdict ?? 'AC');
  const scores = parts.map((o) => o.score);
  switch (scoring.aggregation) {
    case 'pass-fail':
      return { verdict, score: rejected === undefined ? (scoring.maxScore ?? 0) : 0 };
    case 'sum':
      return { verdict, score: scores.reduce((a, b) => a + b, 0) };
    case 'min':
      return { verdict, score: scores.length === 0 ? 0 : Math.min(...scores) };
  }
}

/** A group's score beyond its bounds is a judge error (2025-09: above max_score; legacy: outside range). */
function checkBounds(name: string, scoring: GroupScoring, score: number): void {
  if (scoring.rules === 'folder') return;
  const where = name === '' ? 'data/' : name;
  const max = scoring.maxScore;
  if (max !== null && score > max + SCORE_EPSILON * Math.max(1, Math.abs(max))) {
    throw new ScoringError(`test group ${where} scored ${round(score)}, above its ${scoring.rules === 'grader' ? 'range' : 'max_score'} (${max})`);
  }
  if (scoring.rules === 'grader' && scoring.minScore !== null && score < scoring.minScore - SCORE_EPSILON * Math.max(1, Math.abs(scoring.minScore))) {
    throw new ScoringError(`test group ${where} scored ${round(score)}, below its range (${scoring.minScore})`);
  }
}

function readScoreFile(feedbackDir: string, file: string): string | null {
  const path = join(feedbackDir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

function parseScore(test: TestCase, file: string, text: string): number {
  const trimmed = text.trim();
  const value = NUMBER_RE.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(value)) throw new ScoringError(`test ${test.name}: the output validator's ${file} holds ${JSON.stringify(trimmed.slice(0, 40))}, not a number`);
  return value;
}

/** A score as shown in messages: at most 6 decimals. */
function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
