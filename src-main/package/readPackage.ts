// Reader for Kattis / ICPC problem packages (legacy, 2023-07 and 2025-09 formats), from a folder or a zip.
//
// Layout used:
//   problem.yaml                          required (see problemYaml.ts)
//   domjudge-problem.ini                  DOMjudge: timelimit (seconds) when problem.yaml gives no time_limit
//   .timelimit                            legacy tools: seconds; used when neither gives a time limit
//   data/sample/**, data/secret/**        .in/.ans pairs, sub-folders (groups) to any depth
//   data/**/testdata.yaml, test_group.yaml, <case>.yaml   the groups' rules (testGroups.ts)
//   output_validators/<name>/             legacy layout (or files directly in output_validators/)
//   output_validator/                     2023-07+ layout (or problemtools' output_validator/<name>/)
//   submissions/<expected>/<file>         single-file example submissions
//
// Decisions:
// - Test cases: all of data/sample first, then data/secret; within each, byte order of the test case name
//   (the '/'-joined path below data/ without ".in"). Names starting with '.' are ignored everywhere, and so
//   are "<case>.files" folders and any file that is not .in/.ans. Other folders in data/ are ignored.
// - Validation: 'custom' when problem.yaml says so; when it does not say, a package with an output validator
//   is custom unless it is a legacy package using the legacy output_validators/ layout (legacy default is
//   'default'; the validator is then ignored with a warning).
// - Symbolic links anywhere in a folder package must stay inside the package.
// - Submissions are ordered by folder name, then file name (byte order).
// - A zip is unpacked (unzip.ts) and the package is the zip root, or its single top-level folder when the
//   root holds no problem.yaml. The id is the zip's base name without .zip/.kpp.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { EXPECTED_FOLDERS, PackageError } from '../common/types.ts';
import type { OutputValidatorSource, PackageSubmission, ProblemPackage, TestCase, TestGroup } from '../common/types.ts';
import { PROBLEM_YAML, parseProblemYaml } from './problemYaml.ts';
import type { ProblemSettings } from './problemYaml.ts';
import { DEFAULT_TIME_RESOLUTION_MS, defaultTimeMultipliers } from './timeLimits.ts';
import { ROOT_RULES, TESTDATA_YAML, TEST_GROUP_YAML, folderRules, inheritRules, parseCaseFile, parseGroupFile, testGroup, type GroupRules, type GroupSettings } from './testGroups.ts';
import { finishScoring, type ScoringModel } from './groupScoring.ts';
import { SUBMISSIONS_YAML, readExpectedScores, readSubmissionsYaml } from './expectedScores.ts';
import { STATED_RESULTS_FOLDERS } from './expectedResults.ts';
import { DOMJUDGE_INI, parseDomjudgeIni } from './domjudgeIni.ts';
import { extractZip } from './unzip.ts';

const TIMELIMIT_FILE = '.timelimit';

/** Passes of a multi-pass problem when limits.validation_passes is not given (the format's default). */
const DEFAULT_VALIDATION_PASSES = 2;

/** Time limit used by `verdict judge` when a package states none (the format leaves it to the judge). */
export const DEFAULT_TIME_LIMIT_MS = 1000;

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** A PackageError for a failed file-system call on `rel` (a path relative to the package root). */
function ioError(rel: string, err: unknown): PackageError {
  if (err instanceof PackageError) return err;
  switch (errnoCode(err)) {
    case 'ENOENT':
      return new PackageError(rel, 'no such file or directory (or a broken symbolic link)');
    case 'EACCES':
    case 'EPERM':
      return new PackageError(rel, 'permission denied');
    case 'ENOTDIR':
      return new PackageError(rel, 'not a folder');
    case 'EISDIR':
      return new PackageError(rel, 'is a folder, expected a file');
    case 'ELOOP':
      return new PackageError(rel, 'symbolic link loop');
    default:
      return new PackageError(rel, `cannot read (${errnoCode(err) ?? (err instanceof Error ? err.message : 'error')})`);
  }
}

/** Byte-order comparison of two strings (UTF-8), as the spec's "lexicographic order". */
function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function isInside(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** stat (following links), or null when the path does not exist. */
async function statOrNull(abs: string, rel: string): Promise<fs.Stats | null> {
  try {
    return await fsp.stat(abs);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw ioError(rel, err);
  }
}

async function readDir(abs: string, rel: string): Promise<fs.Dirent[]> {
  try {
    return await fsp.readdir(abs, { withFileTypes: true });
  } catch (err) {
    throw ioError(rel, err);
  }
}

/** Visible entries (not starting with '.'), sorted in byte order, with link targets' types resolved. */
async function listDir(abs: string, rel: string): Promise<Array<{ name: string; isFile: boolean; isDir: boolean }>> {
  const out: Array<{ name: string; isFile: boolean; isDir: boolean }> = [];
  for (const e of await readDir(abs, rel)) {
    if (e.name.startsWith('.')) continue;
    let isFile = e.isFile();
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      const childRel = `${rel}/${e.name}`;
      const st = await statOrNull(path.join(abs, e.name), childRel);
      if (st === null) throw new PackageError(childRel, 'broken symbolic link');
      isFile = st.isFile();
      isDir = st.isDirectory();
    }
    out.push({ name: e.name, isFile, isDir });
  }
  out.sort((a, b) => byteCompare(a.name, b.name));
  return out;
}

/** Refuses any symbolic link in the tree whose target lies outside `rootReal`. Does not follow links. */
async function checkSymlinks(rootReal: string): Promise<void> {
  const stack: string[] = [rootReal];
  while (stack.length > 0) {
    const dirAbs = stack.pop() as string;
    const dirRel = path.relative(rootReal, dirAbs).split(path.sep).join('/');
    for (const e of await readDir(dirAbs, dirRel === '' ? '.' : dirRel)) {
      const abs = path.join(dirAbs, e.name);
      const rel = dirRel === '' ? e.name : `${dirRel}/${e.name}`;
      if (e.isDirectory()) {
        stack.push(abs);
      } else if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = await fsp.realpath(abs);
        } catch (err) {
          const code = errnoCode(err);
          if (code === 'ELOOP') throw new PackageError(rel, 'symbolic link loop');
          if (code !== 'ENOENT') throw ioError(rel, err);
          // Dangling: judge by where it would point.
          let link: string;
          try {
            link = await fsp.readlink(abs);
          } catch (err2) {
            throw ioError(rel, err2);
          }
          target = path.resolve(dirAbs, link);
        }
        if (!isInside(target, rootReal)) {
          throw new PackageError(rel, 'symbolic link points outside the package');
        }
      }
    }
  }
}

async function readProblemYaml(dir: string): Promise<ProblemSettings> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, PROBLEM_YAML), 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') throw new PackageError(PROBLEM_YAML, 'missing');
    throw ioError(PROBLEM_YAML, err);
  }
  return parseProblemYaml(text, PROBLEM_YAML);
}

/** Seconds from the legacy .timelimit file, or null when there is none. */
async function readTimelimitFile(dir: string): Promise<number | null> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, TIMELIMIT_FILE), 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw ioError(TIMELIMIT_FILE, err);
  }
  const t = text.trim();
  const sec = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(sec) || sec <= 0) {
    const shown = t.length > 40 ? t.slice(0, 40) + '...' : t;
    throw new PackageError(TIMELIMIT_FILE, `expected a positive number of seconds, got ${JSON.stringify(shown)}`);
  }
  return sec;
}

/** Seconds → whole milliseconds, rounding up but ignoring floating-point noise (1.1 s → 1100 ms). */
export function secondsToMs(sec: number): number {
  const ms = sec * 1000;
  const nearest = Math.round(ms);
  if (Math.abs(ms - nearest) < 1e-6) return Math.max(1, nearest);
  return Math.ceil(ms);
}

/** A folder's testdata.yaml or test_group.yaml (relative path `rel`), or nothing when it has neither.
 *  A folder with both uses the one of the package's format version (test_group.yaml from 2025-09 on). */
async function readGroupFile(abs: string, rel: string, sink: TestDataSink): Promise<{ file: string | null; settings: GroupSettings }> {
  const texts: Array<{ file: string; text: string }> = [];
  for (const name of sink.groupFiles) {
    const text = await readTextOrNull(path.join(abs, name), `${rel}/${name}`);
    if (text !== null) texts.push({ file: `${rel}/${name}`, text });
  }
  if (texts.length === 0) return { file: null, settings: {} };
  if (texts.length > 1) sink.warnings.push(`${texts[1].file}: ignored; this package's format version reads ${texts[0].file}`);
  return { file: texts[0].file, settings: parseGroupFile(texts[0].text, texts[0].file, sink.warnings, sink.scoring) };
}

/** A folder's rules (`name` below data/, `rel` below the package), with its group file's. */
async function readFolderRules(abs: string, rel: string, name: string, parent: GroupRules, sink: TestDataSink): Promise<GroupRules> {
  const { file, settings } = await readGroupFile(abs, rel, sink);
  return folderRules(sink.scoring, name, file, parent, settings);
}

async function readTextOrNull(abs: string, rel: string): Promise<string | null> {
  try {
    return await fsp.readFile(abs, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw ioError(rel, err);
  }
}

/** Where the test cases of a data/ tree go, and what they are judged by. */
interface TestDataSink {
  cases: TestCase[];
  groups: TestGroup[];
  warnings: string[];
  /** problem.yaml's validator_flags: every test case's output validator gets them first. */
  problemFlags: string[];
  /** Test cases may have a <case>.yaml of their own (2023-07 and later). */
  caseFiles: boolean;
  /** The group files a folder may hold, the format version's first. */
  groupFiles: readonly string[];
  /** How a scoring problem's groups score; null for a pass-fail problem. */
  scoring: ScoringModel | null;
}

async function collectTestCases(dir: string, top: 'sample' | 'secret', rootRules: GroupRules, sink: TestDataSink): Promise<void> {
  const groupsAbove = new Map<string, TestGroup>(sink.groups.map((g) => [g.name, g]));
  const topAbs = path.join(dir, 'data', top);
  const topRel = `data/${top}`;
  const st = await statOrNull(topAbs, topRel);
  if (st === null) return;
  if (!st.isDirectory()) throw new PackageError(topRel, 'not a folder');

  const cases: TestCase[] = [];
  const visited = new Set<string>();
  const walk = async (abs: string, relParts: string[], parentRules: GroupRules): Promise<void> => {
    const rel = [topRel, ...relParts].join('/');
    let real: string;
    try {
      real = await fsp.realpath(abs);
    } catch (err) {
      throw ioError(rel, err);
    }
    if (visited.has(real)) throw new PackageError(rel, 'folder reached twice through symbolic links');
    visited.add(real);
    const group = [top, ...relParts].join('/');
    const rules = await readFolderRules(abs, rel, group, parentRules, sink);
    const judged = testGroup(group, rules, groupsAbove.get(relParts.length === 0 ? '' : [top, ...relParts.slice(0, -1)].join('/')));
    groupsAbove.set(group, judged);
    sink.groups.push(judged);

    const inputs = new Map<string, string>();
    const answers = new Set<string>();
    const filesFolders = new Set<string>();
    for (const e of await listDir(abs, rel)) {
      if (e.isDir) {
        if (e.name.endsWith('.files')) filesFolders.add(e.name.slice(0, -'.files'.length));
        else await walk(path.join(abs, e.name), [...relParts, e.name], rules);
      } else if (e.isFile) {
        if (e.name.endsWith('.in') && e.name.length > 3) inputs.set(e.name.slice(0, -3), e.name);
        else if (e.name.endsWith('.ans') && e.name.length > 4) answers.add(e.name.slice(0, -4));
      }
    }
    for (const [base, file] of inputs) {
      if (!answers.has(base)) throw new PackageError(`${rel}/${file}`, `no matching answer file ${base}.ans`);
      const caseText = sink.caseFiles ? await readTextOrNull(path.join(abs, `${base}.yaml`), `${rel}/${base}.yaml`) : null;
      const caseRules = caseText === null ? rules : inheritRules(rules, parseCaseFile(caseText, `${rel}/${base}.yaml`));
      cases.push({
        name: `${group}/${base}`,
        inputPath: path.join(abs, file),
        answerPath: path.join(abs, `${base}.ans`),
        isSample: top === 'sample',
        group,
        validatorArgs: [...sink.problemFlags, ...caseRules.outputValidatorArgs],
        inputValidatorArgs: caseRules.inputValidatorArgs,
        ...(filesFolders.has(base) ? { filesPath: path.join(abs, `${base}.files`) } : {}),
      });
    }
    for (const base of answers) {
      if (!inputs.has(base)) throw new PackageError(`${rel}/${base}.ans`, `no matching input file ${base}.in`);
    }
  };
  await walk(topAbs, [], rootRules);
  cases.sort((a, b) => byteCompare(a.name, b.name));
  sink.cases.push(...cases);
}

async function readTestData(dir: string, settings: ProblemSettings, warnings: string[]): Promise<{ testCases: TestCase[]; testGroups: TestGroup[]; maxScore: number | null }> {
  const dataSt = await statOrNull(path.join(dir, 'data'), 'data');
  if (dataSt === null) throw new PackageError('data/', 'no test cases (the folder is missing)');
  if (!dataSt.isDirectory()) throw new PackageError('data', 'not a folder');
  for (const e of await listDir(path.join(dir, 'data'), 'data')) {
    if (e.isFile && e.name.endsWith('.in')) {
      warnings.push(`data/${e.name}: ignored (test cases belong in data/sample/ or data/secret/)`);
    }
  }
  const newFormat = /^(20(2[5-9]|[3-9]\d)|draft$)/.test(settings.formatVersion);
  const sink: TestDataSink = {
    cases: [],
    groups: [],
    warnings,
    problemFlags: settings.validatorFlags,
    caseFiles: !settings.legacy,
    groupFiles: newFormat ? [TEST_GROUP_YAML, TESTDATA_YAML] : [TESTDATA_YAML, TEST_GROUP_YAML],
    // 2023-07 scores as problemtools judges it (legacy's grader keys); 2025-09 by its own text.
    scoring: !settings.scoring
      ? null
      : newFormat
        ? { rules: 'aggregation' }
        : { rules: 'grader', validatorScores: settings.legacy ? (settings.validatorScores ? 'required' : 'forbidden') : 'optional' },
  };
  const rootRules = await readFolderRules(path.join(dir, 'data'), 'data', '', ROOT_RULES, sink);
  sink.groups.push(testGroup('', rootRules));
  await collectTestCases(dir, 'sample', rootRules, sink);
  const sampleCount = sink.cases.length;
  await collectTestCases(dir, 'secret', rootRules, sink);
  if (sink.cases.length === 0) throw new PackageError('data/', 'no test cases');
  if (sink.cases.length === sampleCount) warnings.push('data/secret/: no test cases (only the samples will be judged)');
  const maxScore = sink.scoring === null ? null : finishScoring(sink.groups, sink.cases);
  return { testCases: sink.cases, testGroups: sink.groups, maxScore };
}

async function findOutputValidator(
  dir: string,
  settings: ProblemSettings,
  warnings: string[],
): Promise<OutputValidatorSource | null> {
  let single: OutputValidatorSource | null = null;
  let multi: OutputValidatorSource | null = null;

  const singleAbs = path.join(dir, 'output_validator');
  const singleSt = await statOrNull(singleAbs, 'output_validator');
  if (singleSt !== null) {
    if (!singleSt.isDirectory()) throw new PackageError('output_validator', 'expected a folder');
    const entries = await listDir(singleAbs, 'output_validator');
    const dirs = entries.filter((e) => e.isDir);
    if (entries.some((e) => e.isFile)) {
      single = { dir: singleAbs, layout: 'output_validator' };
    } else if (dirs.length === 1) {
      // problemtools' layout: output_validator/<name>/ (its examples/guess).
      single = { dir: path.join(singleAbs, dirs[0].name), layout: 'output_validator' };
    } else if (dirs.length > 1) {
      throw new PackageError('output_validator/', `expected one output validator, found ${dirs.length} folders (${dirs.map((d) => d.name).join(', ')})`);
    } else {
      warnings.push('output_validator/: empty folder ignored');
    }
  }

  const multiAbs = path.join(dir, 'output_validators');
  const multiSt = await statOrNull(multiAbs, 'output_validators');
  if (multiSt !== null) {
    if (!multiSt.isDirectory()) throw new PackageError('output_validators', 'expected a folder');
    const entries = await listDir(multiAbs, 'output_validators');
    const dirs = entries.filter((e) => e.isDir);
    if (entries.some((e) => e.isFile)) {
      multi = { dir: multiAbs, layout: 'output_validators' };
    } else if (dirs.length === 1) {
      multi = { dir: path.join(multiAbs, dirs[0].name), layout: 'output_validators' };
    } else if (dirs.length > 1) {
      throw new PackageError(
        'output_validators/',
        `expected one output validator, found ${dirs.length} (${dirs.map((d) => d.name).join(', ')})`,
      );
    } else {
      warnings.push('output_validators/: empty folder ignored');
    }
  }

  if (single !== null && multi !== null) {
    const chosen = settings.legacy ? multi : single;
    const other = chosen === single ? 'output_validators/' : 'output_validator/';
    warnings.push(`both output_validator/ and output_validators/ exist; using ${chosen.layout}/, ignoring ${other}`);
    return chosen;
  }
  return single ?? multi;
}

async function readSubmissions(dir: string, warnings: string[], scoring: boolean): Promise<PackageSubmission[]> {
  const abs = path.join(dir, 'submissions');
  const st = await statOrNull(abs, 'submissions');
  if (st === null) return [];
  if (!st.isDirectory()) throw new PackageError('submissions', 'not a folder');
  const out: PackageSubmission[] = [];
  for (const folder of await listDir(abs, 'submissions')) {
    const rel = `submissions/${folder.name}`;
    if (!folder.isDir) {
      // A scoring problem's submissions.yaml says expected scores (expectedScores.ts).
      if (scoring && folder.name === SUBMISSIONS_YAML) continue;
      warnings.push(
        folder.name === SUBMISSIONS_YAML
          ? `${rel}: not supported; expected verdicts come from the folder names`
          : `${rel}: ignored (submissions belong in submissions/<expected verdict>/)`,
      );
      continue;
    }
    const known = Object.hasOwn(EXPECTED_FOLDERS, folder.name) || STATED_RESULTS_FOLDERS.has(folder.name);
    if (!known || (folder.name === 'partially_accepted' && !scoring)) {
      warnings.push(`${rel}/: unknown expected-verdict folder; its submissions are skipped`);
      continue;
    }
    for (const f of await listDir(path.join(abs, folder.name), rel)) {
      // A folder is one submission of several files (common/submittedFiles.ts).
      if (f.isFile || f.isDir) out.push({ expected: folder.name, path: path.join(abs, folder.name, f.name) });
    }
  }
  return out;
}

async function readPackageDir(dir: string, id: string, dispose: () => void): Promise<ProblemPackage> {
  let rootReal: string;
  try {
    rootReal = await fsp.realpath(dir);
  } catch (err) {
    throw ioError(dir, err);
  }
  await checkSymlinks(rootReal);

  const warnings: string[] = [];
  const settings = await readProblemYaml(dir);
  // The time limit as DOMjudge's importer takes it: problem.yaml, else domjudge-problem.ini, else .timelimit.
  const iniText = await readTextOrNull(path.join(dir, DOMJUDGE_INI), DOMJUDGE_INI);
  const ini = iniText === null ? null : parseDomjudgeIni(iniText, warnings);
  let timeLimitSec = settings.limits.timeLimitSec;
  if (timeLimitSec === null) timeLimitSec = ini?.timeLimitSec ?? null;
  else if (ini?.timeLimitSec != null && ini.timeLimitSec !== timeLimitSec) {
    warnings.push(`${DOMJUDGE_INI}: timelimit ignored; problem.yaml gives limits.time_limit ${timeLimitSec}`);
  }
  const fromFile = await readTimelimitFile(dir);
  if (timeLimitSec === null) timeLimitSec = fromFile;
  else if (fromFile !== null && fromFile !== timeLimitSec) {
    warnings.push(`${TIMELIMIT_FILE}: ignored; ${settings.limits.timeLimitSec === null ? `${DOMJUDGE_INI} gives timelimit` : 'problem.yaml gives limits.time_limit'} ${timeLimitSec}`);
  }

  const { testCases, testGroups, maxScore } = await readTestData(dir, settings, warnings);
  const found = await findOutputValidator(dir, settings, warnings);

  let validation: 'default' | 'custom';
  let outputValidator: OutputValidatorSource | null = null;
  if (settings.interactive && found === null) {
    throw new PackageError(PROBLEM_YAML, 'the problem is interactive but the package has no output validator to interact with (output_validators/<name>/ or output_validator/)');
  }
  if (settings.multiPass && found === null) {
    throw new PackageError(PROBLEM_YAML, 'the problem is multi-pass but the package has no output validator to write the next pass\'s input (output_validators/<name>/ or output_validator/)');
  }
  if (settings.validation === 'custom' || settings.interactive || settings.multiPass) {
    if (found === null) {
      throw new PackageError(
        PROBLEM_YAML,
        'validation is "custom" but the package has no output validator (output_validators/<name>/ or output_validator/)',
      );
    }
    validation = 'custom';
    outputValidator = found;
  } else if (found === null) {
    validation = 'default';
  } else if (settings.validation === null && (!settings.legacy || found.layout === 'output_validator')) {
    validation = 'custom';
    outputValidator = found;
  } else {
    validation = 'default';
    warnings.push(`${found.layout}/: ignored because problem.yaml does not say "validation: custom"`);
  }

  const submissions = await readSubmissions(dir, warnings, settings.scoring);
  if (settings.scoring) {
    const submissionsDir = path.join(dir, 'submissions');
    readExpectedScores(submissionsDir, submissions, testGroups, await readSubmissionsYaml(submissionsDir), warnings);
  }
  const multiplierDefaults = defaultTimeMultipliers(settings.legacy);

  return {
    dir,
    id,
    name: settings.name ?? id,
    timeLimitMs: timeLimitSec === null ? null : secondsToMs(timeLimitSec),
    acToTimeLimit: settings.limits.acToTimeLimit ?? multiplierDefaults.acToTimeLimit,
    timeLimitToTle: settings.limits.timeLimitToTle ?? multiplierDefaults.timeLimitToTle,
    legacyFormat: settings.legacy,
    timeResolutionMs: settings.limits.timeResolutionSec === null ? DEFAULT_TIME_RESOLUTION_MS : secondsToMs(settings.limits.timeResolutionSec),
    memoryLimitMb: settings.limits.memoryMb,
    outputLimitMb: settings.limits.outputMb,
    validation,
    interactive: settings.interactive,
    scoring: settings.scoring,
    maxScore,
    multiPassLimit: settings.multiPass ? (settings.limits.validationPasses ?? DEFAULT_VALIDATION_PASSES) : null,
    submitAnswer: settings.submitAnswer,
    outputValidator,
    testCases,
    testGroups,
    submissions,
    warnings,
    dispose,
  };
}

/** The package folder inside an unpacked zip: its root, or its single top-level folder. */
async function packageRootInZip(tmp: string, label: string): Promise<string> {
  if ((await statOrNull(path.join(tmp, PROBLEM_YAML), PROBLEM_YAML)) !== null) return tmp;
  const entries = (await listDir(tmp, label)).filter((e) => e.name !== '__MACOSX');
  if (entries.length === 1 && entries[0].isDir) return path.join(tmp, entries[0].name);
  return tmp;
}

/**
 * Reads a problem package from a folder or a zip (.zip/.kpp; any regular file is tried as a zip).
 * Throws PackageError with one message naming the file at fault.
 */
export async function readPackage(pathToDirOrZip: string): Promise<ProblemPackage> {
  const abs = path.resolve(pathToDirOrZip);
  let st: fs.Stats;
  try {
    st = await fsp.stat(abs);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PackageError(pathToDirOrZip, 'no such file or directory');
    throw ioError(pathToDirOrZip, err);
  }

  if (st.isDirectory()) return readPackageDir(abs, path.basename(abs), () => {});
  if (!st.isFile()) throw new PackageError(pathToDirOrZip, 'not a folder or a zip file');

  const zip = await extractZip(abs, { label: pathToDirOrZip });
  try {
    const root = await packageRootInZip(zip.dir, pathToDirOrZip);
    const id = path.basename(abs).replace(/\.(zip|kpp)$/i, '');
    return await readPackageDir(root, id, zip.dispose);
  } catch (err) {
    zip.dispose();
    if (err instanceof PackageError) throw err;
    throw new PackageError(pathToDirOrZip, `cannot read (${err instanceof Error ? err.message : String(err)})`);
  }
}
