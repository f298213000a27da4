// `verdict judge --problem <dir|zip> [--lang id] [--json] <source>`: judge one file, or a folder of several.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { JudgeEngine, jobFor } from '../judging/engine.ts';
import type { ExtensionLanguages } from '../common/languages.ts';
import { languageForFiles, submittedFiles } from '../common/submittedFiles.ts';
import { ANSWER_LANGUAGE_ID } from '../common/types.ts';
import { readPackage } from '../package/readPackage.ts';
import type { JudgeProgress, JudgeResult } from '../common/results.ts';
import { formatScore } from '../package/exampleScores.ts';
import { InputError, ProgressLine, cell, escapeControls, formatKb, formatMs, jsonText, rethrowEscaped, table } from './output.ts';

export interface JudgeOptions {
  problem: string;
  source: string;
  lang?: string;
  /** The language per extension where several share it (--language-for). */
  extensionLanguages?: ExtensionLanguages;
  json: boolean;
  all: boolean;
  /** Judge even where no sandbox can be built. */
  allowUnsandboxed?: boolean;
  timeLimitMs?: number;
}

function describeProgress(progress: JudgeProgress): string {
  switch (progress.phase) {
    case 'compiling':
      return 'compiling…';
    case 'running':
      return `running test ${progress.testIndex + 1}/${progress.testCount} (${progress.testName})${progress.pass === undefined ? '' : `, pass ${progress.pass}`}`;
    case 'tested':
      return `test ${progress.testIndex + 1}/${progress.testCount}: ${progress.result.verdict}`;
  }
}

/** The documented --json shape (DESIGN.md, CLI contract). */
function resultJson(result: JudgeResult): object {
  return {
    verdict: result.verdict,
    tests: result.tests.map((t) => ({ name: t.name, verdict: t.verdict, timeMs: t.timeMs, memoryKb: t.memoryKb, wallMs: t.wallMs, message: t.message, ...(t.score !== undefined ? { score: t.score } : {}) })),
    compile: { ok: result.compile.ok, output: result.compile.output },
    timeMs: result.timeMs,
    memoryKb: result.memoryKb,
    ...(result.error ? { error: result.error } : {}),
    // Scoring problems only: the submission's score, each test case's and each group's.
    ...(result.score !== undefined ? { score: result.score } : {}),
    ...(result.groups ? { groups: result.groups } : {}),
  };
}

/** The text report. Compiler output, messages and test names come from the team or the package:
 *  escaped (table() escapes its cells). */
function resultText(result: JudgeResult): string {
  const score = result.score === undefined ? '' : `   score: ${formatScore(result.score)}${scoreBound(result)}`;
  const lines = [`verdict: ${result.verdict}${score}   time: ${formatMs(result.timeMs)}   memory: ${formatKb(result.memoryKb)}`];
  if (result.error) lines.push(`judge error: ${escapeControls(result.error, { multiline: true })}`);
  if (!result.compile.ok || result.compile.output.trim()) {
    lines.push('', result.compile.ok ? 'compiler output:' : 'compilation failed:', escapeControls(result.compile.output.trimEnd(), { multiline: true }));
  }
  if (result.tests.length) {
    const scored = result.score !== undefined;
    lines.push(
      '',
      table(
        ['test', 'verdict', ...(scored ? ['score'] : []), 'time', 'memory', 'detail'],
        result.tests.map((t) => [t.name, t.verdict, ...(scored ? [t.score === undefined ? '' : formatScore(t.score)] : []), formatMs(t.timeMs), formatKb(t.memoryKb), t.verdict === 'AC' ? '' : cell(t.message)]),
      ),
    );
  }
  if (result.groups?.length) {
    lines.push('', table(['group', 'verdict', 'score', 'max'], result.groups.map((g) => [g.name === '' ? '(data/)' : g.name, g.verdict, formatScore(g.score), g.maxScore === null ? '-' : formatScore(g.maxScore)])));
  }
  return lines.join('\n');
}

/** " / 100": the root group's bound after the score, where there is one. */
function scoreBound(result: JudgeResult): string {
  const max = result.groups?.find((g) => g.name === '')?.maxScore;
  return max === undefined || max === null ? '' : ` / ${formatScore(max)}`;
}

export async function judgeCommand(options: JudgeOptions): Promise<number> {
  try {
    return await judgeOne(options);
  } catch (error) {
    rethrowEscaped(error); // a package's file names, a toolchain's detail, the source's name
  }
}

async function judgeOne(options: JudgeOptions): Promise<number> {
  const sourcePath = resolve(options.source);
  // A folder is one submission of several files (common/submittedFiles.ts).
  if (!existsSync(sourcePath) || !(statSync(sourcePath).isFile() || statSync(sourcePath).isDirectory())) throw new InputError(`${options.source}: no such source file or folder`);
  const pkg = await readPackage(options.problem);
  const engine = await JudgeEngine.start({ workers: 1, allowUnsandboxed: options.allowUnsandboxed });
  try {
    // A submit-answer problem's submission is the answers: in no language.
    const answers = pkg.submitAnswer ? { id: ANSWER_LANGUAGE_ID, available: true, detail: '' } : null;
    const language = answers ?? (options.lang ? engine.languages.find((l) => l.id === options.lang) : languageForFiles(engine.languages, submittedFiles(sourcePath).map((f) => f.name), options.extensionLanguages));
    if (!language) {
      const known = engine.languages.map((l) => l.id).join(', ');
      throw new InputError(options.lang ? `unknown language '${options.lang}' (known: ${known})` : `cannot tell the language of ${options.source} from its extension; use --lang (known: ${known})`);
    }
    if (!language.available) throw new InputError(`language '${language.id}' is not available on this machine: ${language.detail}`);
    const progress = new ProgressLine();
    const result = await engine.judge(jobFor(pkg, sourcePath, language.id, { timeLimitMs: options.timeLimitMs, runAllTests: options.all }), {
      onProgress: (p) => progress.update(`${options.source}: ${describeProgress(p)}`),
    });
    progress.clear();
    console.log(options.json ? jsonText(resultJson(result)) : resultText(result));
    return result.verdict === 'JE' ? 1 : 0;
  } finally {
    pkg.dispose();
    await engine.close();
  }
}
