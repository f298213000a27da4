// How a package's own program (an output validator, an interactor, an input validator) is built and
// started from the files of its folder, as the format's "programs" are: a `run` script (after a
// `build` script, if there is one), else the sources of one language. Only the plan: the judgehost
// (output validators) and the package checks (input validators) each run it their own way.
import { join } from 'node:path';
import { findExecutable } from './languages.ts';

/** The folder's program: the command that builds it (null: nothing to build), then the one that runs it. */
export interface ProgramPlan {
  build: string[] | null;
  run: string[];
}

/**
 * The plan for the program in `dir`, whose files (names, no folders) are `files`, after its `build`
 * script (if any) has run. `what` names it in errors ("output_validator/: ..."), which are thrown as
 * Errors: no run script or source, or a tool that is not installed.
 */
export function programPlan(dir: string, files: readonly string[], what: string): ProgramPlan {
  const tool = (name: string) => {
    const path = findExecutable(name);
    if (!path) throw new Error(`${what}: needs ${name}, which is not installed`);
    return path;
  };
  if (files.includes('run')) return { build: null, run: ['/bin/sh', join(dir, 'run')] };
  const cpp = files.filter((f) => /\.(cpp|cc|cxx|c\+\+)$/.test(f));
  const c = files.filter((f) => f.endsWith('.c'));
  const py = files.filter((f) => f.endsWith('.py'));
  const java = files.filter((f) => f.endsWith('.java'));
  const binary = join(dir, 'validator');
  if (cpp.length > 0) return { build: [tool('g++'), '-O2', '-std=gnu++20', '-I', dir, '-o', binary, ...cpp.map((f) => join(dir, f))], run: [binary] };
  if (c.length > 0) return { build: [tool('gcc'), '-O2', '-std=gnu17', '-I', dir, '-o', binary, ...c.map((f) => join(dir, f)), '-lm'], run: [binary] };
  if (py.length > 0) {
    const main = py.length === 1 ? py[0] : (py.find((f) => /validat/i.test(f)) ?? py[0]);
    return { build: null, run: [tool('python3'), join(dir, main)] };
  }
  if (java.length > 0) {
    const main = java.find((f) => /validat/i.test(f)) ?? java[0];
    return { build: [tool('javac'), '-d', dir, ...java.map((f) => join(dir, f))], run: [tool('java'), '-cp', dir, main.replace(/\.java$/, '')] };
  }
  throw new Error(`${what}: no build/run script or source file (.cpp, .c, .py, .java) found`);
}
