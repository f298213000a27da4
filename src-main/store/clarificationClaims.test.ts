// Claiming a team's question: one judge at a time, released by the judges' answer or by hand, and
// kept across a restart (migration 8).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { START, tempStore } from './testFixtures.ts';

function ask(t: ReturnType<typeof tempStore>, text = 'Is n at most 10?') {
  return t.store.clarifications.add({ fromTeamId: 't1', toTeamId: null, problemId: 'hello', text, replyToId: null, time: START + 60_000 });
}

test('the first claim stands: a second judge gets the claim of the first, the same judge again keeps it', () => {
  const t = tempStore();
  try {
    const q = ask(t);
    assert.deepEqual(t.store.clarificationClaims.claim(q.id, 'judge1', START + 1000), { clarificationId: q.id, by: 'judge1', at: START + 1000 });
    assert.deepEqual(t.store.clarificationClaims.claim(q.id, 'judge2', START + 2000), { clarificationId: q.id, by: 'judge1', at: START + 1000 });
    assert.equal(t.store.clarificationClaims.claim(q.id, 'judge1', START + 3000).at, START + 1000);
    assert.deepEqual([...t.store.clarificationClaims.all().keys()], [q.id]);
  } finally {
    t.dispose();
  }
});

test("the judges' answer releases the claim; an answered question cannot be claimed", () => {
  const t = tempStore();
  try {
    const q = ask(t);
    const other = ask(t, 'May we use Java?');
    t.store.clarificationClaims.claim(q.id, 'judge1');
    t.store.clarificationClaims.claim(other.id, 'judge2');
    t.store.clarifications.add({ fromTeamId: null, toTeamId: 't1', problemId: 'hello', text: 'Yes.', replyToId: q.id, time: START + 120_000 });
    assert.equal(t.store.clarificationClaims.of(q.id), null);
    assert.equal(t.store.clarificationClaims.of(other.id)?.by, 'judge2');
    assert.throws(() => t.store.clarificationClaims.claim(q.id, 'judge2'), { code: 'conflict' });
  } finally {
    t.dispose();
  }
});

test("a team's follow-up does not release the claim; release does, whoever holds it", () => {
  const t = tempStore();
  try {
    const q = ask(t);
    t.store.clarificationClaims.claim(q.id, 'judge1');
    t.store.clarifications.add({ fromTeamId: 't1', toTeamId: null, problemId: 'hello', text: 'Also: m?', replyToId: q.id, time: START + 90_000 });
    assert.equal(t.store.clarificationClaims.of(q.id)?.by, 'judge1');
    t.store.clarificationClaims.release(q.id);
    assert.equal(t.store.clarificationClaims.of(q.id), null);
    assert.equal(t.store.clarificationClaims.claim(q.id, 'judge2').by, 'judge2');
  } finally {
    t.dispose();
  }
});

test("only a team's question can be claimed", () => {
  const t = tempStore();
  try {
    const announcement = t.store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'Lunch at noon.', replyToId: null, time: START });
    assert.throws(() => t.store.clarificationClaims.claim(announcement.id, 'judge1'), { code: 'not_found' });
    assert.throws(() => t.store.clarificationClaims.claim('404', 'judge1'), { code: 'not_found' });
    assert.throws(() => t.store.clarificationClaims.claim('not-a-number', 'judge1'), { code: 'not_found' });
  } finally {
    t.dispose();
  }
});

test('a claim outlives a restart', () => {
  const t = tempStore();
  try {
    const q = ask(t);
    t.store.clarificationClaims.claim(q.id, 'judge1', START + 5000);
    assert.deepEqual(t.reopen().clarificationClaims.of(q.id), { clarificationId: q.id, by: 'judge1', at: START + 5000 });
  } finally {
    t.dispose();
  }
});
