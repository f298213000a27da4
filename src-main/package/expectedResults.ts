// DOMjudge's way of saying what an example submission should get, for `verify`: folders named after its
// results (compiler_error/, no_output/, output_limit/ beside the format's), and an `@EXPECTED_RESULTS@:` line
// in a source listing several (comma-separated), which is how its `multiple/` and `check_manually/` folders
// say theirs.
//
// As DOMjudge's problem import does: a list that includes the folder's own result changes nothing (the folder
// decides); a list that does not replaces the folder's (with a warning when the folder names a result); a
// submission of several files takes the one file that states a list; two lists in one submission are an
// error of the package's, and it is judged by its folder.
import path from 'node:path';
import { submittedFiles } from '../common/submittedFiles.ts';
import { readHead } from '../common/fileSlices.ts';
import { EXPECTED_FOLDERS, type PackageSubmission, type Verdict } from '../common/types.ts';

/** Folders whose submissions are judged only by the results their sources state (DOMjudge); none stated: skipped. */
export const STATED_RESULTS_FOLDERS: ReadonlySet<string> = new Set(['multiple', 'check_manually']);

/** How much of a source is searched for the line. */
const SOURCE_HEAD_BYTES = 64 * 1024;
const EXPECTED_RESULTS_RE = /@EXPECTED_RESULTS@: ([^\n]*)/gi;

/** DOMjudge's result names (and the folder-style spellings it maps to them) as this judge's verdicts. */
const DOMJUDGE_RESULTS: Readonly<Record<string, readonly Verdict[]>> = {
  CORRECT: ['AC'],
  'WRONG-ANSWER': ['WA'],
  TIMELIMIT: ['TLE'],
  // DOMjudge reports running out of memory as a run error unless it can tell (MEMORY-LIMIT).
  'RUN-ERROR': ['RTE', 'MLE'],
  'MEMORY-LIMIT': ['MLE'],
  'COMPILER-ERROR': ['CE'],
  // A program that prints nothing: a wrong answer here (this judge has no verdict of its own for it).
  'NO-OUTPUT': ['WA'],
  'OUTPUT-LIMIT': ['OLE'],
};
const RESULT_SPELLINGS: Readonly<Record<string, string>> = {
  ACCEPTED: 'CORRECT',
  WRONG_ANSWER: 'WRONG-ANSWER',
  TIME_LIMIT_EXCEEDED: 'TIMELIMIT',
  RUN_TIME_ERROR: 'RUN-ERROR',
  COMPILER_ERROR: 'COMPILER-ERROR',
  NO_OUTPUT: 'NO-OUTPUT',
  OUTPUT_LIMIT: 'OUTPUT-LIMIT',
};

/** Sets `expectedVerdicts` of each submission whose sources state results that replace its folder's. */
export function readExpectedResults(submissions: PackageSubmission[], packageDir: string, warnings: string[]): void {
  for (const s of submissions) {
    const where = path.relative(packageDir, s.path);
    const stated: string[][] = [];
    for (const file of submittedFiles(s.path)) {
      for (const match of readHead(file.path, SOURCE_HEAD_BYTES).matchAll(EXPECTED_RESULTS_RE)) stated.push(match[1].split(','));
    }
    if (stated.length === 0) continue;
    if (stated.length > 1) {
      warnings.push(`${where}: @EXPECTED_RESULTS@ is stated ${stated.length} times; judged by its folder`);
      continue;
    }
    const names = stated[0].map((n) => n.trim().toUpperCase()).map((n) => RESULT_SPELLINGS[n] ?? n);
    const unknown = names.filter((n) => !Object.hasOwn(DOMJUDGE_RESULTS, n));
    if (unknown.length > 0) {
      warnings.push(`${where}: @EXPECTED_RESULTS@ names no result this judge knows (${unknown.join(', ')}); judged by its folder`);
      continue;
    }
    const verdicts = [...new Set(names.flatMap((n) => DOMJUDGE_RESULTS[n]))];
    const folderVerdicts = EXPECTED_FOLDERS[s.expected];
    if (folderVerdicts && folderVerdicts.some((v) => verdicts.includes(v))) continue;
    if (folderVerdicts) warnings.push(`${where}: @EXPECTED_RESULTS@ (${names.join(', ')}) does not include its folder's result; judged by the results it states`);
    s.expectedVerdicts = verdicts;
  }
}
