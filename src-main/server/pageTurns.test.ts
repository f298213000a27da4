// Long answers share each turn of the event loop: pages in turn, all of them together for one slice,
// then other work gets in. Driven by a fake clock and by hand-run turns: no timing here (the bench
// measures the real thing: src-main/bench/longContest.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageTurns, type PageStep } from './pageTurns.ts';

/** PageTurns whose turns run when the test says, on a clock that each page advances by `pageMs`. */
function harness(sliceMs: number, pageMs: number) {
  let now = 0;
  const turns: (() => void)[] = [];
  const pages = new PageTurns({ sliceMs, clock: () => now, defer: (run) => void turns.push(run) });
  const log: string[] = [];
  /** An answer of `count` pages named `name`. */
  const answer = (name: string, count: number): PageStep => {
    let sent = 0;
    return () => {
      now += pageMs;
      log.push(`${name}${++sent}`);
      return sent < count ? 'more' : 'done';
    };
  };
  /** Runs the turn that is due; returns the pages it sent. */
  const turn = (): string[] => {
    const from = log.length;
    assert.equal(turns.length, 1, 'one turn is due');
    turns.shift()!();
    return log.slice(from);
  };
  return { pages, answer, turn, log, due: () => turns.length };
}

test('answers take pages in turn, and all of them together one slice per turn of the event loop', async () => {
  const h = harness(3, 1);
  const done: string[] = [];
  const a = h.pages.send(h.answer('a', 4)).then(() => done.push('a'));
  const b = h.pages.send(h.answer('b', 2)).then(() => done.push('b'));
  const c = h.pages.send(h.answer('c', 3)).then(() => done.push('c'));
  assert.deepEqual(h.log, [], 'nothing is sent in the turn that asked');
  assert.deepEqual(h.turn(), ['a1', 'b1', 'c1'], 'one slice: three pages of 1 ms, one of each');
  assert.deepEqual(h.turn(), ['a2', 'b2', 'c2']);
  assert.deepEqual(h.turn(), ['a3', 'c3', 'a4'], 'b is done; the others go on in turn');
  await Promise.all([a, b, c]);
  assert.deepEqual(done, ['b', 'c', 'a']);
  assert.equal(h.due(), 0, 'no turn is asked for when nothing is left');
});

test('a page longer than the slice still goes out, alone in its turn', () => {
  const h = harness(3, 10);
  void h.pages.send(h.answer('a', 2));
  void h.pages.send(h.answer('b', 1));
  assert.deepEqual(h.turn(), ['a1']);
  assert.deepEqual(h.turn(), ['b1']);
  assert.deepEqual(h.turn(), ['a2']);
});

test('an answer waiting for its client holds no turn, and goes on when it may', async () => {
  const h = harness(100, 1);
  let drained!: () => void;
  let waited = false;
  void h.pages.send(() => {
    if (waited) return 'done';
    waited = true;
    return new Promise<void>((resolve) => (drained = resolve));
  });
  void h.pages.send(h.answer('b', 3));
  assert.deepEqual(h.turn(), ['b1', 'b2', 'b3']);
  assert.equal(h.due(), 0, 'no turn while the only answer left waits');
  drained();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(h.due(), 1, 'its next page is due once its client drained');
});

test('a page that fails ends its own answer only', async () => {
  const h = harness(100, 1);
  const broken = h.pages.send(() => {
    throw new Error('store gone');
  });
  const fine = h.pages.send(h.answer('b', 2));
  h.turn();
  await assert.rejects(broken, /store gone/);
  await fine;
  assert.deepEqual(h.log, ['b1', 'b2']);
});
