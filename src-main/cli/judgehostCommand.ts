// `verdict judgehost --server <url> --queue <redis url> --user <name> --password <pw> [--workers N]
// [--name NAME] [--cache <dir>] [--languages ids]`: a remote judgehost (remote/judgehostAgent.ts) until a signal, or
// until a judge drains it (then it exits 0 once its judgings are reported).
import { log } from '../common/log.ts';
import type { JudgehostMode } from '../common/remoteJobs.ts';
import { escapeControls } from './output.ts';
import { startJudgehostAgent, type JudgehostAgentOptions } from '../remote/judgehostAgent.ts';

/** A stop waits for the running judgings to finish and report; one that takes longer is cut short (the server re-runs them). */
const SHUTDOWN_TIMEOUT_MS = 60_000;

/** What the judgehost says when a judge's order reaches it. */
const ORDER_WORDS: Record<JudgehostMode, string> = {
  active: 'resumed by a judge: taking judgings',
  paused: 'paused by a judge: taking no new judgings',
  draining: 'drained by a judge: finishing the judgings in progress, then stopping',
};

export async function judgehostCommand(options: JudgehostAgentOptions): Promise<number> {
  const agent = await startJudgehostAgent({ ...options, onMode: (mode) => console.log(`verdict: ${ORDER_WORDS[mode]}`) });
  const sandbox = agent.engine.host.sandbox;
  const calibration = agent.engine.local.calibration;
  const timed = calibration && 'medianMs' in calibration ? `, reference workload ${calibration.medianMs} ms` : '';
  console.log(`verdict: judgehost ${escapeControls(options.name)}: ${options.workers} workers, sandbox level ${sandbox.level}${timed}, languages ${agent.languages.join(', ')}, judging for ${escapeControls(options.server)}`);
  for (const problem of agent.unreadable) console.log(`verdict: warning: problem ${escapeControls(problem.id)}: ${escapeControls(problem.error)}`);
  const signal = await new Promise<NodeJS.Signals | 'drained'>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGHUP', () => resolve('SIGHUP'));
    void agent.drained.then(() => resolve('drained'));
  });
  if (signal === 'drained') {
    console.log('verdict: drained: stopped');
    return 0;
  }
  console.log(`verdict: stopping (${signal}): finishing the judgings in progress…`);
  const cutShort = (why: string) => {
    log.error({ why }, 'stop cut short');
    process.exit(1);
  };
  for (const again of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(again, () => cutShort(`a second ${again}`));
  setTimeout(() => cutShort(`still stopping after ${SHUTDOWN_TIMEOUT_MS / 1000} s`), SHUTDOWN_TIMEOUT_MS).unref();
  await agent.close();
  console.log('verdict: stopped');
  return 0;
}
