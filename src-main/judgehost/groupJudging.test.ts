import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TestCase, TestGroup } from '../common/types.ts';
import { GroupJudging } from './groupJudging.ts';

function tc(name: string): TestCase {
  const group = name.slice(0, name.lastIndexOf('/'));
  return { name, inputPath: `${name}.in`, answerPath: `${name}.ans`, isSample: group === 'sample', group, validatorArgs: [] };
}

/** The tests run when the tests named in `rejected` are rejected, in the order given. */
function run(groups: TestGroup[], names: string[], rejected: string[]): string[] {
  const judging = new GroupJudging(groups);
  const ran: string[] = [];
  for (const test of names.map(tc)) {
    if (!judging.shouldRun(test)) continue;
    ran.push(test.name);
    if (rejected.includes(test.name)) judging.reject(test);
  }
  return ran;
}

const TESTS = ['sample/1', 'secret/a/1', 'secret/a/2', 'secret/b/1', 'secret/b/2'];
const groups = (rules: Record<string, TestGroup['onReject']>): TestGroup[] =>
  ['', 'sample', 'secret', 'secret/a', 'secret/b'].map((name) => ({ name, onReject: rules[name] ?? 'break' }));

describe('test groups: which tests run after a rejection', () => {
  it('by default the first rejection ends the judging', () => {
    assert.deepEqual(run(groups({}), TESTS, ['secret/a/1']), ['sample/1', 'secret/a/1']);
    assert.deepEqual(run(groups({}), TESTS, []), TESTS);
  });

  it('on_reject: continue in a group judges the rest of that group, then its parent breaks', () => {
    assert.deepEqual(run(groups({ 'secret/a': 'continue' }), TESTS, ['secret/a/1']), ['sample/1', 'secret/a/1', 'secret/a/2']);
  });

  it('on_reject: continue in the parent judges the other groups; a breaking group still stops at home', () => {
    assert.deepEqual(run(groups({ secret: 'continue' }), TESTS, ['secret/a/1']), ['sample/1', 'secret/a/1', 'secret/b/1', 'secret/b/2']);
  });

  it('a rejected sample stops the secret data unless the root continues', () => {
    assert.deepEqual(run(groups({ sample: 'continue' }), TESTS, ['sample/1']), ['sample/1']);
    assert.deepEqual(run(groups({ '': 'continue' }), TESTS, ['sample/1']), TESTS);
  });

  it('continue all the way down judges every test', () => {
    const all = groups({ '': 'continue', secret: 'continue', 'secret/a': 'continue', 'secret/b': 'continue' });
    assert.deepEqual(run(all, TESTS, ['secret/a/1', 'secret/b/1']), TESTS);
  });
});
