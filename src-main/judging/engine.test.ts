// Every verdict in every required language, with real compilers and real programs, plus custom
// output validators. One engine (a real judgehost with two workers) serves the whole file.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JudgeEngine } from './engine.ts';
import type { Verdict } from '../common/types.ts';
import { startEngine, tinyProblem, type TinyProblem, type TinyProblemOptions } from '../test-support/fixtures.ts';

let engine: JudgeEngine;
let sum: TinyProblem;
/** The same problem with time to run out of memory: PyPy (its memory checked as the JVM's) spends
 *  0.86–0.98 s of CPU on this machine reaching its limit (~310 MiB), and once hit the 1 s limit first. */
let sumRoomy: TinyProblem;

before(async () => {
  engine = await startEngine(2);
  const definition: TinyProblemOptions = { tests: { '1': ['1 2\n', '3\n'], '2': ['40 2\n', '42\n'] }, memoryLimitMb: 64, outputLimitMb: 1 };
  sum = tinyProblem({ ...definition, timeLimitMs: 1000 });
  sumRoomy = tinyProblem({ ...definition, timeLimitMs: 4000 });
});
after(async () => {
  await engine.close();
  sum.dispose();
  sumRoomy.dispose();
});

/** Programs by language and expected verdict, all against "print a+b". */
const programs: Record<string, { file: string; cases: Partial<Record<Verdict, string>> }> = {
  c: {
    file: 'sol.c',
    cases: {
      AC: '#include <stdio.h>\nint main(void){long a,b;scanf("%ld %ld",&a,&b);printf("%ld\\n",a+b);return 0;}',
      WA: '#include <stdio.h>\nint main(void){long a,b;scanf("%ld %ld",&a,&b);printf("%ld\\n",a+b+1);return 0;}',
      TLE: 'int main(void){volatile unsigned long x=0;for(;;)x++;}',
      RTE: '#include <stdio.h>\nint main(void){int *p=0;printf("%d",*p);return 0;}',
      CE: 'int main(void){ this is not C }',
      // Grows until an allocation fails, then writes through the null pointer: the usual way C dies of memory.
      MLE: '#include <stdlib.h>\n#include <string.h>\nint main(void){for(;;){char*p=malloc(1<<20);memset(p,1,1<<20);}}',
      OLE: '#include <stdio.h>\nint main(void){for(;;)fputs("0123456789012345678901234567890123456789\\n",stdout);}',
    },
  },
  cpp: {
    file: 'sol.cpp',
    cases: {
      AC: '#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<"\\n";}',
      WA: '#include <iostream>\nint main(){std::cout<<"-1\\n";}',
      TLE: '#include <thread>\n#include <chrono>\nint main(){for(;;)std::this_thread::sleep_for(std::chrono::seconds(1));}',
      RTE: '#include <stdexcept>\nint main(){throw std::runtime_error("boom");}',
      CE: '#include <iostream>\nint main(){ std::cout << undeclared; }',
      MLE: '#include <vector>\n#include <cstdio>\nint main(){std::vector<std::vector<char>> v; for(int i=0;i<64;i++) v.emplace_back(16<<20, 1); std::printf("%zu\\n", v.size());}',
      OLE: '#include <iostream>\nint main(){for(;;) std::cout << "spam spam spam spam\\n";}',
    },
  },
  java: {
    // The file name does not match the class: the judge must find the class with main itself.
    file: 'solution_file.java',
    cases: {
      AC: 'import java.util.*;\npublic class Sum { public static void main(String[] x){ Scanner s=new Scanner(System.in); long a=s.nextLong(), b=s.nextLong(); System.out.println(a+b);} }',
      WA: 'class Helper {}\nclass Wrong { public static void main(String[] x){ System.out.println(0);} }',
      TLE: 'public class Spin { public static void main(String[] x){ long i=0; while(true){ i++; if(i==-1) System.out.println(i);} } }',
      RTE: 'public class Crash { public static void main(String[] x){ int[] a=new int[1]; System.out.println(a[5]); } }',
      CE: 'public class Broken { public static void main(String[] x){ int y = "string"; } }',
      MLE: 'import java.util.*;\npublic class Hog { public static void main(String[] x){ List<long[]> l=new ArrayList<>(); while(true) l.add(new long[1<<20]); } }',
      OLE: 'public class Flood { public static void main(String[] x){ StringBuilder b=new StringBuilder(); for(int i=0;i<1000;i++) b.append("spam "); String s=b.toString(); while(true) System.out.println(s); } }',
    },
  },
  python: {
    file: 'sol.py',
    cases: {
      AC: 'a, b = map(int, input().split())\nprint(a + b)',
      WA: 'print("forty-two")',
      TLE: 'while True:\n    pass',
      RTE: 'raise SystemExit(3)',
      CE: 'def broken(:\n    pass',
      MLE: 'x = []\nwhile True:\n    x.append(bytearray(1 << 24))',
      OLE: 'import sys\nline = "spam " * 1000 + "\\n"\nwhile True:\n    sys.stdout.write(line)',
    },
  },
  javascript: {
    file: 'sol.js',
    cases: {
      AC: 'const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);\nconsole.log(a + b);',
      WA: 'console.log("0");',
      TLE: 'for (;;) {}',
      RTE: 'throw new Error("boom");',
      CE: 'function ( {',
      MLE: 'const keep = [];\nfor (;;) keep.push(new Array(1 << 20).fill(1.5));',
      OLE: 'const line = "spam ".repeat(1000) + "\\n";\nfor (;;) process.stdout.write(line);',
    },
  },
  // PyPy runs .py where a contest or a package says so: the program checks which Python runs it.
  pypy3: {
    file: 'sol.py',
    cases: {
      AC: 'import sys\na, b = map(int, input().split())\nprint(a + b if sys.implementation.name == "pypy" else "not PyPy")',
      // PyPy's memory is checked as the JVM's is (its collector reserves more address space than an rlimit allows).
      MLE: 'x = []\nwhile True:\n    x.append(bytearray(1 << 24))',
    },
  },
  // Compiles are slow (kotlinc starts a JVM: 5-20 s): one program.
  kotlin: {
    file: 'sol.kt',
    cases: {
      AC: 'fun main() {\n    val (a, b) = readLine()!!.trim().split(" ").map { it.toLong() }\n    println(a + b)\n}',
    },
  },
  go: {
    file: 'sol.go',
    cases: {
      AC: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar a, b int64\n\tfmt.Scan(&a, &b)\n\tfmt.Println(a + b)\n}',
    },
  },
  rust: {
    file: 'sol.rs',
    cases: {
      AC: 'use std::io::*;\nfn main(){ let mut s=String::new(); stdin().read_to_string(&mut s).unwrap(); let v:Vec<i64>=s.split_whitespace().map(|x|x.parse().unwrap()).collect(); println!("{}", v[0]+v[1]); }',
      RTE: 'fn main(){ let v: Vec<i32> = Vec::new(); println!("{}", v[3]); }',
      CE: 'fn main(){ let x: i32 = "no"; }',
    },
  },
};

for (const [languageId, { file, cases }] of Object.entries(programs)) {
  describe(`${languageId}: every verdict`, () => {
    for (const [expected, source] of Object.entries(cases)) {
      test(`${expected}`, async (t) => {
        const language = engine.languages.find((l) => l.id === languageId);
        if (!language?.available) {
          t.skip(`${languageId} is not installed here`);
          return;
        }
        const result = await engine.judge((expected === 'MLE' ? sumRoomy : sum).job(file, source, languageId));
        assert.equal(result.verdict, expected, `${languageId} ${expected}: got ${result.verdict} (${result.error ?? result.tests.map((x) => `${x.name}:${x.verdict}:${x.message}`).join('; ')}${result.compile.output.slice(0, 300)})`);
        if (expected === 'AC') {
          assert.equal(result.tests.length, 2, 'every test ran');
          assert.ok(result.tests.every((x) => x.memoryKb > 0), 'peak memory measured');
        }
        if (expected === 'CE') {
          assert.equal(result.compile.ok, false);
          assert.ok(result.compile.output.length > 0, 'the compiler output is kept');
          assert.equal(result.tests.length, 0, 'nothing runs after a compile error');
        }
        if (expected === 'TLE') assert.ok(result.tests[0].timeMs >= 900 || result.tests[0].wallMs >= 2000, 'ran until a limit');
        if (expected !== 'AC' && expected !== 'CE') {
          assert.equal(result.tests.length, 1, 'the first failing test decides and judging stops');
          assert.equal(result.firstFailure?.testName, result.tests[0].name, 'the failing test\'s output is kept for the judges');
        }
        if (expected === 'WA') assert.notEqual(result.firstFailure!.output.trim(), '3', 'what the program printed, not the answer');
      });
    }
  });
}

describe('java: where the main class is', () => {
  test('a source with a package declaration is judged (the class is found in its package folder): AC', async (t) => {
    if (!engine.languages.find((l) => l.id === 'java')?.available) {
      t.skip('java is not installed here');
      return;
    }
    const source = 'package contest.solutions;\nimport java.util.*;\npublic class Sum { public static void main(String[] x){ Scanner s=new Scanner(System.in); System.out.println(s.nextLong()+s.nextLong()); } }';
    const result = await engine.judge(sum.job('Sum.java', source, 'java'));
    assert.equal(result.verdict, 'AC', `${result.error ?? result.tests.map((x) => `${x.name}:${x.verdict}:${x.message}`).join('; ')}`);
  });
});

describe('language availability', () => {
  test('a language without a toolchain is reported unavailable, not as a compile error', async () => {
    const missing = engine.languages.filter((l) => !l.available);
    for (const language of missing) {
      assert.match(language.detail, /not found|failed/);
      const result = await engine.judge(sum.job('x.txt', 'whatever', language.id));
      assert.equal(result.verdict, 'JE');
      assert.match(result.error ?? '', /not available/);
    }
    assert.ok(engine.languages.some((l) => l.id === 'kotlin'), 'kotlin is defined');
    assert.ok(engine.languages.some((l) => l.id === 'go'), 'go is defined');
  });
});

describe('custom output validators', () => {
  function validatorDir(name: string, files: Record<string, string>): string {
    const dir = join(sum.dir, 'validators', name);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  }
  // Accepts any output whose number is at least the answer; writes a judge message otherwise.
  const atLeast = `#include <fstream>
#include <iostream>
#include <string>
int main(int argc, char** argv){
  std::ifstream ans(argv[2]); long long want; ans >> want;
  long long got; if(!(std::cin >> got)){ std::ofstream(std::string(argv[3]) + "judgemessage.txt") << "no number"; return 43; }
  if (got < want){ std::ofstream(std::string(argv[3]) + "judgemessage.txt") << "got " << got << " want at least " << want; return 43; }
  return 42;
}`;

  test('exit 42 is AC, exit 43 is WA with judgemessage.txt kept', async () => {
    const dir = validatorDir('atleast', { 'validate.cpp': atLeast });
    const extra = { validation: 'custom' as const, outputValidator: { dir, layout: 'output_validator' as const } };
    const ac = await engine.judge(sum.job('big.py', 'print(10**9)', 'python', extra));
    assert.equal(ac.verdict, 'AC');
    const wa = await engine.judge(sum.job('small.py', 'print(1)', 'python', extra));
    assert.equal(wa.verdict, 'WA');
    assert.match(wa.tests[0].message, /got 1 want at least 3/);
  });

  test('a validator that exits with anything else is a judging error, not the team\'s fault', async () => {
    const dir = validatorDir('broken', { 'validate.py': 'import sys\nsys.exit(1)\n' });
    const result = await engine.judge(sum.job('ok.py', 'print(3)', 'python', { validation: 'custom', outputValidator: { dir, layout: 'output_validator' } }));
    assert.equal(result.verdict, 'JE');
    assert.match(result.tests[0].message, /exited with 1/);
  });

  test('a validator that does not compile is a judging error naming it', async () => {
    const dir = validatorDir('nocompile', { 'validate.cpp': 'int main( {' });
    const result = await engine.judge(sum.job('ok2.py', 'print(3)', 'python', { validation: 'custom', outputValidator: { dir, layout: 'output_validators' } }));
    assert.equal(result.verdict, 'JE');
    assert.match(result.error ?? '', /output_validators\/: building the output validator failed/);
  });

  test('validator flags reach the default validator', async () => {
    const tolerant = sum.job('float.py', 'a, b = map(int, input().split())\nprint(a + b + 0.0001)', 'python');
    const result = await engine.judge({ ...tolerant, problem: { ...tolerant.problem, testCases: tolerant.problem.testCases.map((t) => ({ ...t, validatorArgs: ['float_absolute_tolerance', '0.001'] })) } });
    assert.equal(result.verdict, 'AC');
    const strict = await engine.judge(sum.job('float2.py', 'a, b = map(int, input().split())\nprint(a + b + 0.0001)', 'python'));
    assert.equal(strict.verdict, 'WA');
  });
});

describe('interactive problems: the interactor\'s failures are the judges\' (JE), the program\'s stay the team\'s', () => {
  function interactorDir(name: string, source: string): string {
    const dir = join(sum.dir, 'interactors', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'interactor.py'), source);
    return dir;
  }
  const interactive = (dir: string) => ({ validation: 'custom' as const, interactive: true, outputValidator: { dir, layout: 'output_validator' as const } });
  // Sends the two numbers of the input, expects their sum back.
  const adder = 'import sys\na, b = open(sys.argv[1]).read().split()\nprint(a, b, flush=True)\nreply = sys.stdin.readline().strip()\nsys.exit(42 if reply == str(int(a) + int(b)) else 43)\n';
  const echoSum = 'a, b = map(int, input().split())\nprint(a + b, flush=True)\n';

  test('the program gets its input from the interactor, not from the input file', async () => {
    const dir = interactorDir('adder', adder);
    const ok = await engine.judge(sum.job('i-ok.py', echoSum, 'python', interactive(dir)));
    assert.equal(ok.verdict, 'AC', JSON.stringify(ok));
    const wa = await engine.judge(sum.job('i-wa.py', 'input()\nprint(0, flush=True)\n', 'python', interactive(dir)));
    assert.equal(wa.verdict, 'WA');
    assert.equal(wa.firstFailure, undefined, 'no output file to show side by side: it went to the interactor');
  });

  test('an interactor that crashes is JE; one that never ends after the program did is stopped: JE', async () => {
    const crash = interactorDir('crash', 'import sys\nprint("1 2", flush=True)\nsys.stdin.readline()\nraise RuntimeError("interactor bug")\n');
    const crashed = await engine.judge(sum.job('i-je.py', echoSum, 'python', interactive(crash)));
    assert.equal(crashed.verdict, 'JE');
    assert.match(crashed.tests[0].message, /the interactor exited with 1 .*interactor bug/s);

    const hang = interactorDir('hang', 'import sys, time\nprint("1 2", flush=True)\nsys.stdin.readline()\ntime.sleep(60)\n');
    const start = performance.now();
    const hung = await engine.judge(sum.job('i-hang.py', echoSum, 'python', interactive(hang)));
    assert.equal(hung.verdict, 'JE');
    assert.match(hung.tests[0].message, /did not finish after the program ended/);
    assert.ok(performance.now() - start < 8000, 'stopped at the wall-clock backstop, not after 60 s');
  });

  test('an interactor that writes after the program has gone reads end-of-file and decides (WA), never dies of the closed pipe (JE)', async () => {
    // The program leaves at once; the interactor asks a moment later, then reads the answer that never comes.
    const late = interactorDir('late', 'import sys, time\ntime.sleep(0.3)\nprint("1 2", flush=True)\nreply = sys.stdin.readline().strip()\nsys.exit(42 if reply == "3" else 43)\n');
    for (let i = 0; i < 3; i++) {
      const result = await engine.judge(sum.job(`i-gone${i}.py`, 'pass\n', 'python', interactive(late)));
      assert.equal(result.verdict, 'WA', JSON.stringify(result.tests[0]));
    }
  });

  test('the program\'s own limits still hold: a spinning program is TLE, a crash before talking is RTE', async () => {
    const dir = interactorDir('adder2', adder);
    const spin = await engine.judge(sum.job('i-tle.py', 'input()\nwhile True: pass\n', 'python', interactive(dir)));
    assert.equal(spin.verdict, 'TLE');
    const crash = await engine.judge(sum.job('i-rte.c', 'int main(void){int *p=0;return *p;}', 'c', interactive(dir)));
    assert.equal(crash.verdict, 'RTE');
  });
});
