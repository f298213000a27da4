// Scoring problems: the scores a package's example submissions are expected to get, for `verify`.
//
//   submissions/submissions.yaml   2025-09: glob → { score: N | [low, high] }, and under a test group's
//                                  name (or a glob of names) { score: ... } for that group's score
//   @EXPECTED_SCORE@: N            DOMjudge: in a submission's source
//
// Decisions:
// - Globs as the 2025-09 text says: `*` matches within one name, `{a,b}` either; a submission is matched
//   by its own path below submissions/ or a folder above it. `**` and `[...]` are not supported (refused).
// - Of submissions.yaml only `score` is checked; its other keys (permitted, required, message, ...) are
//   named once in a warning. A key that is no submission key names test groups.
// - @EXPECTED_SCORE@ is read from the first 64 KiB of the source; a value that is no number (DOMjudge
//   also lets it stand for @EXPECTED_RESULTS@) is not a score and is ignored.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { submittedFiles } from '../common/submittedFiles.ts';
import { readHead } from '../common/fileSlices.ts';
import { PackageError, type ExpectedScore, type PackageSubmission, type TestGroup } from '../common/types.ts';
import { describeValue } from '../common/fieldWording.ts';
import { YamlFile } from './yamlSchema.ts';

export const SUBMISSIONS_YAML = 'submissions.yaml';
const SUBMISSIONS_YAML_PATH = `submissions/${SUBMISSIONS_YAML}`;

/** How much of a source is searched for @EXPECTED_SCORE@. */
const SOURCE_HEAD_BYTES = 64 * 1024;
const EXPECTED_SCORE_RE = /@EXPECTED_SCORE@\s*:?\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?![\w.])/;

/** The keys a submissions.yaml entry gives a submission (2025-09); any other key names test groups. */
const SUBMISSION_KEYS = new Set(['language', 'entrypoint', 'authors', 'model_solution', 'permitted', 'required', 'score', 'message', 'use_for_time_limit']);

/** Sets each submission's `expectedScores` from submissions.yaml (when `yamlText` is given) and its source. */
export function readExpectedScores(submissionsDir: string, submissions: PackageSubmission[], groups: readonly TestGroup[], yamlText: string | null, warnings: string[]): void {
  const stated = new Map<PackageSubmission, ExpectedScore[]>();
  const add = (s: PackageSubmission, e: ExpectedScore) => stated.set(s, [...(stated.get(s) ?? []), e]);
  if (yamlText !== null) {
    for (const { submission, expectation } of fromSubmissionsYaml(submissionsDir, submissions, groups, yamlText, warnings)) add(submission, expectation);
  }
  for (const s of submissions) {
    // A submission of several files: the first of its files that states one.
    const match = submittedFiles(s.path)
      .map((f) => EXPECTED_SCORE_RE.exec(readHead(f.path, SOURCE_HEAD_BYTES)))
      .find((m) => m !== null);
    if (match) {
      const score = Number(match[1]);
      add(s, { group: null, min: score, max: score, source: '@EXPECTED_SCORE@' });
    }
  }
  for (const [s, scores] of stated) s.expectedScores = scores;
}

/** Reads submissions/submissions.yaml's text, or null when there is none. */
export async function readSubmissionsYaml(submissionsDir: string): Promise<string | null> {
  try {
    return await readFile(path.join(submissionsDir, SUBMISSIONS_YAML), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new PackageError(SUBMISSIONS_YAML_PATH, (err as Error).message);
  }
}

function fromSubmissionsYaml(
  submissionsDir: string,
  submissions: PackageSubmission[],
  groups: readonly TestGroup[],
  text: string,
  warnings: string[],
): Array<{ submission: PackageSubmission; expectation: ExpectedScore }> {
  const yaml = YamlFile.parse(text, SUBMISSIONS_YAML_PATH);
  if (yaml.value === null || yaml.value === undefined) return [];
  const entries = asMap(yaml, [], yaml.value);
  const unchecked = new Set<string>();
  const out: Array<{ submission: PackageSubmission; expectation: ExpectedScore }> = [];
  for (const [pattern, value] of Object.entries(entries)) {
    const matches = globMatcher(yaml, [pattern], pattern);
    const matched = submissions.filter((s) => {
      const parts = path.relative(submissionsDir, s.path).split(path.sep);
      return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
    });
    const source = `${SUBMISSIONS_YAML} (${pattern})`;
    for (const [key, requirement] of Object.entries(asMap(yaml, [pattern], value))) {
      if (key === 'score') {
        const range = scoreRange(yaml, [pattern, key], requirement);
        for (const submission of matched) out.push({ submission, expectation: { group: null, ...range, source } });
      } else if (SUBMISSION_KEYS.has(key)) {
        unchecked.add(key);
      } else {
        const groupMatches = globMatcher(yaml, [pattern, key], key);
        const named = groups.filter((g) => g.name !== '' && groupMatches(g.name) && g.scoring?.rules !== 'folder');
        for (const [groupKey, groupValue] of Object.entries(asMap(yaml, [pattern, key], requirement))) {
          if (groupKey !== 'score') {
            unchecked.add(groupKey);
            continue;
          }
          if (named.length === 0) throw yaml.fail([pattern, key], 'names no test group of this package', true);
          const range = scoreRange(yaml, [pattern, key, groupKey], groupValue);
          for (const g of named) for (const submission of matched) out.push({ submission, expectation: { group: g.name, ...range, source } });
        }
      }
    }
  }
  if (unchecked.size > 0) warnings.push(`${SUBMISSIONS_YAML_PATH}: only score is checked (not ${[...unchecked].sort().join(', ')})`);
  return out;
}

function asMap(yaml: YamlFile, at: string[], value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw yaml.fail(at, `expected a map of keys, got ${describeValue(value)}`);
  return value as Record<string, unknown>;
}

/** `score`: a number, or a list of two, low first. */
function scoreRange(yaml: YamlFile, at: string[], value: unknown): { min: number; max: number } {
  if (typeof value === 'number' && Number.isFinite(value)) return { min: value, max: value };
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const [min, max] = value as [number, number];
    if (min > max) throw yaml.fail(at, `the low end ${min} is above the high end ${max}`);
    return { min, max };
  }
  throw yaml.fail(at, `expected a number or a list of two numbers, got ${describeValue(value)}`);
}

/** A 2025-09 glob as a test of a path: `*` within one name, `{a,b}` alternatives. */
function globMatcher(yaml: YamlFile, at: string[], glob: string): (candidate: string) => boolean {
  if (glob.includes('**') || /[[\]]/.test(glob)) throw yaml.fail(at, '** and [...] are not supported in globs (only * and {a,b})', true);
  let source = '';
  let depth = 0;
  for (const ch of glob) {
    if (ch === '*') source += '[^/]*';
    else if (ch === '{') {
      source += '(?:';
      depth++;
    } else if (ch === '}' && depth > 0) {
      source += ')';
      depth--;
    } else if (ch === ',' && depth > 0) source += '|';
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  if (depth !== 0) throw yaml.fail(at, 'an unclosed { in the glob', true);
  const re = new RegExp(`^${source}$`);
  return (candidate) => re.test(candidate);
}
