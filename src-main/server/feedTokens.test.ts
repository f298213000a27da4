// Teams' event-feed tokens: a page of them is sealed in one call to a cipher that is used again and
// again; each must be what sealing it alone gives, and open again to the global token.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeedTokens } from './feedTokens.ts';

test('a page of tokens sealed at once is each token sealed alone, and each opens to its global token', () => {
  const tokens = new FeedTokens();
  const global = Array.from({ length: 300 }, (_, i) => String(i * 7919 + 1));
  for (let round = 0; round < 3; round++) {
    const page = tokens.hideAll(global);
    assert.deepEqual(page, global.map((t) => tokens.hide(t)));
    assert.deepEqual(page.map((t) => tokens.reveal(t)), global);
    assert.equal(new Set(page).size, global.length);
  }
  assert.deepEqual(tokens.hideAll([]), []);
  assert.equal(new FeedTokens().reveal(tokens.hide('5')), null, "another server's token is refused");
});
