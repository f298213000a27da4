// With /tmp on a tmpfs (Debian's default), what a compiler writes stays memory-charged to the cgroup
// that wrote it. Compiles have a cgroup of their own, so a large binary never leaves a test's group
// above its cap (before, the test could not even set its cap: a judging error).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { JudgeEngine } from '../judging/engine.ts';
import { startEngine, tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';
import { isRoot } from '../test-support/hostile.ts';

const TMPFS_MAGIC = 0x01021994;
const tmpfs = (() => {
  try {
    return statfsSync('/dev/shm').type === TMPFS_MAGIC;
  } catch {
    return false;
  }
})();
const skip = !isRoot ? 'needs root (memory cgroups)' : !tmpfs ? 'no tmpfs at /dev/shm to stand for a tmpfs /tmp' : false;

let scratch: string;
let engine: JudgeEngine;
let problem: TinyProblem;
before(async () => {
  if (skip) return;
  scratch = mkdtempSync(join('/dev/shm', 'verdict-tmpfs-'));
  process.env.TMPDIR = scratch; // the judgehost (and its work folders) on the tmpfs
  engine = await startEngine(1);
  problem = tinyProblem({ tests: { '1': ['', 'ok\n'] }, timeLimitMs: 2000, memoryLimitMb: 64 });
});
after(async () => {
  await engine?.close();
  problem?.dispose();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('a 240 MB binary under a 64 MiB limit is the program\'s problem (RTE or MLE), not a judging error', { skip }, async (t) => {
  if (!engine.host.sandbox.memoryCgroup) {
    t.skip(`no memory cgroup here: ${engine.host.sandbox.description}`);
    return;
  }
  const source = '#include <stdio.h>\nint a[60000000] = {1};\nint main(void){ puts(a[5] ? "no" : "ok"); return 0; }\n';
  const result = await engine.judge(problem.job('big.c', source, 'c'));
  assert.ok(result.compile.ok, result.compile.output);
  assert.ok(['RTE', 'MLE'].includes(result.verdict), `${result.verdict}: ${result.error ?? result.tests[0]?.message}`);
  // And the slot goes on judging normally.
  const ok = await engine.judge(problem.job('ok.c', '#include <stdio.h>\nint main(void){ puts("ok"); return 0; }\n', 'c'));
  assert.equal(ok.verdict, 'AC');
});
