// Two small problem packages the CLI and package-reader tests judge for real, written by the tests
// into temp folders (so a fresh clone needs nothing beside it):
// - hello: fixed output, example submissions in four languages and for each expected verdict;
// - mean: floating-point answers checked with `float_tolerance`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type PackageFiles = Record<string, string>;

const GREETING = 'Hello, Verdict!';

/** The files of the "hello" package: print a greeting, whatever the input. */
export function helloFiles(): PackageFiles {
  return {
    'problem.yaml': 'name: Say Hello\nlimits:\n  time_limit: 1\n  memory: 256\n',
    'data/sample/1.in': '',
    'data/sample/1.ans': `${GREETING}\n`,
    // Input the program has to ignore.
    'data/secret/1.in': 'please ignore me\n',
    'data/secret/1.ans': `${GREETING}\n`,
    'submissions/accepted/hello.c': `#include <stdio.h>\n\nint main(void) {\n  printf("%s\\n", "${GREETING}");\n  return 0;\n}\n`,
    'submissions/accepted/hello.py': `print(${JSON.stringify(GREETING)})\n`,
    'submissions/accepted/Hello.java': `public class Hello {\n  public static void main(String[] args) {\n    System.out.println(${JSON.stringify(GREETING)});\n  }\n}\n`,
    // The default validator ignores letter case and the amount of white space.
    'submissions/accepted/loud.cpp': `#include <iostream>\n\nint main() {\n  std::cout << "HELLO,    verdict!" << std::endl;\n}\n`,
    'submissions/run_time_error/throws.cpp': `#include <stdexcept>\n\nint main() {\n  throw std::runtime_error("no greeting today");\n}\n`,
    'submissions/time_limit_exceeded/spin.py': 'n = 0\nwhile True:\n    n += 1\n',
    'submissions/wrong_answer/farewell.py': 'print("Goodbye, Verdict!")\n',
  };
}

/** Numbers of one "mean" input, from a fixed linear congruential sequence (the same on every run). */
function numbers(count: number, seed: number): number[] {
  const MAX_ABS = 1_000_000;
  let state = seed;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    out.push((state % (2 * MAX_ABS + 1)) - MAX_ABS);
  }
  return out;
}

function meanCase(values: number[]): [string, string] {
  const sum = values.reduce((a, b) => a + b, 0); // below 2^53: exact
  return [`${values.length}\n${values.join(' ')}\n`, `${(sum / values.length).toFixed(6)}\n`];
}

/** The files of the "mean" package: print the mean of n integers, within 1e-4. */
export function meanFiles(): PackageFiles {
  const files: PackageFiles = {
    'problem.yaml': 'name: Average\nvalidator_flags: float_tolerance 1e-4\nlimits:\n  time_limit: 2\n',
  };
  // 3.75: a program printing the integer part is wrong at once.
  [files['data/sample/1.in'], files['data/sample/1.ans']] = meanCase([3, 5, -2, 9]);
  const sizes = [7, 1_000, 20_000, 50_000];
  sizes.forEach((size, i) => {
    [files[`data/secret/${i + 1}.in`], files[`data/secret/${i + 1}.ans`]] = meanCase(numbers(size, i + 1));
  });
  // Neither accepted program prints the answer file's text: only the tolerance makes them right.
  files['submissions/accepted/mean.cpp'] = [
    '#include <cstdio>',
    '',
    'int main() {',
    '  long n;',
    '  if (std::scanf("%ld", &n) != 1) return 1;',
    '  long long sum = 0;',
    '  for (long i = 0; i < n; i++) {',
    '    long long x;',
    '    std::scanf("%lld", &x);',
    '    sum += x;',
    '  }',
    '  std::printf("%.5f\\n", (double)sum / n);',
    '}',
    '',
  ].join('\n');
  files['submissions/accepted/mean.py'] = 'import sys\n\nn, *xs = map(int, sys.stdin.read().split())\nprint(sum(xs[:n]) / n)\n';
  files['submissions/wrong_answer/mean_int.py'] = 'import sys\n\nn, *xs = map(int, sys.stdin.read().split())\nprint(sum(xs[:n]) // n)\n';
  return files;
}

/** Writes `files` into the folder `dir` (created). Returns `dir`. */
export function writePackage(dir: string, files: PackageFiles): string {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, ...rel.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}
