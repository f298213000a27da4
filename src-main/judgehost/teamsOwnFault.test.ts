// What a team's own code causes is the team's verdict, never a judging error: a compile that makes
// no program is CE (a Rust library crate once compiled "successfully" and then every run was JE),
// and Python's exit()/quit() work (they did not under `python3 -S`: NameError, judged RTE).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { JudgeEngine } from '../judging/engine.ts';
import { startEngine, tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';

let engine: JudgeEngine;
let hello: TinyProblem;

before(async () => {
  engine = await startEngine(1);
  hello = tinyProblem({ tests: { '1': ['', 'hello\n'] } });
});
after(async () => {
  await engine.close();
  hello.dispose();
});

const available = (id: string) => engine.languages.find((l) => l.id === id)?.available;

test('a Rust library crate compiles to no program: CE with the reason, not JE', async (t) => {
  if (!available('rust')) return t.skip('rustc is not installed here');
  const result = await engine.judge(hello.job('lib.rs', '#![crate_type = "lib"]\npub fn answer() -> i32 { 42 }\n', 'rust'));
  assert.equal(result.verdict, 'CE', result.error);
  assert.match(result.compile.output, /not a runnable program/);
});

test('a Go package that is not main compiles to no program: CE, not JE', async (t) => {
  if (!available('go')) return t.skip('go is not installed here');
  const result = await engine.judge(hello.job('main.go', 'package notmain\n\nfunc Answer() int { return 42 }\n', 'go'));
  assert.equal(result.verdict, 'CE', result.error);
});

test("Python's exit() and quit() end a program normally", async () => {
  for (const ending of ['exit()', 'quit()', 'exit(0)']) {
    const result = await engine.judge(hello.job('end.py', `print("hello")\n${ending}\nprint("never")\n`, 'python'));
    assert.equal(result.verdict, 'AC', `${ending}: ${JSON.stringify(result.tests)}`);
  }
});
