// Child process of durability.test.ts: adds submissions in a loop and prints "ack <id> <seq>" to stdout
// only after addSubmission has returned, until it is killed. Along the way it finishes one judgement
// ("judged <submissionId>") and leaves another in flight ("judging <submissionId> <judgementId>").
// Usage: node durabilityChild.ts <database file> <round>
import { writeSync } from 'node:fs';
import { Store } from './store.ts';
import { durabilityPayload, JUDGED_SEQ, JUDGING_SEQ, judgeResult, START } from './testFixtures.ts';

function say(line: string): void {
  // writeSync: the line is out before the next submission starts, whatever kind of stream stdout is.
  writeSync(1, `${line}\n`);
}

function main(): void {
  const [file, roundText] = process.argv.slice(2);
  if (!file || roundText === undefined) throw new Error('usage: durabilityChild.ts <database file> <round>');
  const round = Number(roundText);
  const store = Store.open(file);
  for (let seq = 0; ; seq++) {
    const { submission } = store.submissions.add({
      teamId: seq % 2 === 0 ? 't1' : 't2',
      problemId: seq % 3 === 0 ? 'sum' : 'hello',
      languageId: 'cpp',
      fileName: 'main.cpp',
      source: durabilityPayload(round, seq),
      submittedAt: START + round * 1_000_000 + seq,
      idempotencyKey: `round-${round}-${seq}`,
    });
    say(`ack ${submission.id} ${seq}`);
    if (seq === JUDGED_SEQ) {
      const j = store.judgements.start(submission.id, 'child');
      store.judgements.finish(j, judgeResult('AC', [['secret/1', 'AC', 10], ['secret/2', 'AC', 20]]));
      say(`judged ${submission.id}`);
    }
    if (seq === JUDGING_SEQ) {
      const j = store.judgements.start(submission.id, 'child');
      say(`judging ${submission.id} ${j}`);
    }
  }
}

main();
