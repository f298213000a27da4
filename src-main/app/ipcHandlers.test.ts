// The Electron console's requests, as app/ipc.ts answers them (the Electron binary cannot run here:
// the handler's function runs under Node against a real core).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConsoleError } from '../console/consoleError.ts';
import { testServer } from '../test-support/http.ts';
import { answerJudgeRequest } from './ipcHandlers.ts';

let server: Awaited<ReturnType<typeof testServer>>;
before(async () => {
  server = await testServer();
});
after(async () => {
  await server.close();
});

test('a request is answered by the console service', async () => {
  const snapshot = (await answerJudgeRequest(server.console, 'getSnapshot', [])) as { contest: { id: string } };
  assert.equal(snapshot.contest.id, server.context.contest.id);
});

test("a refused request rejects with the judge's message only, not the console's error", async () => {
  const refusal = await answerJudgeRequest(server.console, 'setWorkers', [0]).then(
    () => assert.fail('setWorkers(0) was accepted'),
    (error: unknown) => error,
  );
  assert.ok(refusal instanceof Error);
  assert.ok(!(refusal instanceof ConsoleError));
  assert.equal(refusal.message, 'workers must be a whole number from 1 to 64');
  await assert.rejects(answerJudgeRequest(server.console, 'getSubmission', ['no-such-id']), { message: 'no submission no-such-id' });
  // Arguments of the wrong type never reach the service.
  await assert.rejects(answerJudgeRequest(server.console, 'setThawed', ['yes']), { message: /^setThawed: thawed/ });
});
